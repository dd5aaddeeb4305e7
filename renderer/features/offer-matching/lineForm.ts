// One line's choices as a form: target, quantity and order date, with the rules that make them
// valid. Error messages are codes the editor turns into translated sentences.
import { z } from 'zod';
import { isLocalDate, orderDateProblem } from '../../../shared/domain/engine';

export const MAX_QUANTITY = 10_000_000;

export type LineFormError = 'quantity' | 'date' | 'beforePlanDate' | 'afterDeadline';

export interface LineFormValues {
  /** '' : no target (the line stays unmatched). */
  targetSkuId: string;
  quantity: number;
  /** '' : not planned yet. */
  orderDate: string;
}

/** An order date must be a real day that the timing rules accept (shared/domain/timing.ts). */
export function lineFormSchema(rules: { asOf: string; deadline: string | null }) {
  return z.object({
    targetSkuId: z.string(),
    quantity: z.number({ error: 'quantity' }).int('quantity').min(0, 'quantity').max(MAX_QUANTITY, 'quantity'),
    orderDate: z.string().superRefine((value, ctx) => {
      if (value === '') return;
      if (!isLocalDate(value)) return ctx.addIssue({ code: 'custom', message: 'date' });
      const problem = orderDateProblem(value, rules.asOf, rules.deadline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem === 'before-plan-date' ? 'beforePlanDate' : 'afterDeadline' });
    }),
  });
}
