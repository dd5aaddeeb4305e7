// One line's choices as a form: target, quantity, order date, term and billing frequency, with the
// rules that make them valid. Error messages are codes the editor turns into translated sentences.
import { z } from 'zod';
import { BILLING_FREQUENCIES, TERMS, type BillingFrequency, type Term } from '../../../shared/domain/commerce';
import { isLocalDate, orderDateProblem } from '../../../shared/domain/engine';
import { billingFrequenciesFor, threeYearMinimumProblem } from '../../../shared/domain/terms';

export const MAX_QUANTITY = 10_000_000;

export type LineFormError = 'quantity' | 'date' | 'beforePlanDate' | 'afterDeadline' | 'billingFrequency' | 'threeYearMinimum';

export interface LineFormValues {
  /** '' : no target (the line stays unmatched). */
  targetSkuId: string;
  quantity: number;
  /** '' : not planned yet. */
  orderDate: string;
  term: Term;
  billingFrequency: BillingFrequency;
}

/**
 * An order date must be a real day that the timing rules accept (shared/domain/timing.ts); a
 * billing frequency one Partner Center offers for the term, and a 3-year term the minimum seats
 * the plan.save mutator would otherwise refuse (shared/domain/terms.ts).
 */
export function lineFormSchema(rules: { asOf: string; deadline: string | null }) {
  return z
    .object({
      targetSkuId: z.string(),
      quantity: z.number({ error: 'quantity' }).int('quantity').min(0, 'quantity').max(MAX_QUANTITY, 'quantity'),
      orderDate: z.string().superRefine((value, ctx) => {
        if (value === '') return;
        if (!isLocalDate(value)) return ctx.addIssue({ code: 'custom', message: 'date' });
        const problem = orderDateProblem(value, rules.asOf, rules.deadline);
        if (problem) ctx.addIssue({ code: 'custom', message: problem === 'before-plan-date' ? 'beforePlanDate' : 'afterDeadline' });
      }),
      term: z.enum(TERMS),
      billingFrequency: z.enum(BILLING_FREQUENCIES),
    })
    .superRefine((v, ctx) => {
      if (!billingFrequenciesFor(v.term).includes(v.billingFrequency)) ctx.addIssue({ code: 'custom', path: ['billingFrequency'], message: 'billingFrequency' });
      if (Number.isInteger(v.quantity) && threeYearMinimumProblem(v.term, v.quantity, rules.asOf)) {
        ctx.addIssue({ code: 'custom', path: ['term'], message: 'threeYearMinimum' });
      }
    });
}
