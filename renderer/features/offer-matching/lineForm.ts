// One line's choices as a form: target, quantity and order date, with the rules that make them
// valid. Error messages are codes the editor turns into translated sentences.
import { z } from 'zod';
import { isLocalDate } from '../../../shared/domain/engine';

export const MAX_QUANTITY = 10_000_000;

export type LineFormError = 'quantity' | 'date' | 'beforePlanDate' | 'afterDeadline';

export interface LineFormValues {
  /** '' : no target (the line stays unmatched). */
  targetSkuId: string;
  quantity: number;
  /** '' : not planned yet. */
  orderDate: string;
}

/**
 * The suggested order date from the timing rules: the day the old subscription ends (let it expire,
 * no refund for cancelling; the 30-day expired window keeps access meanwhile), or the plan date
 * when that day has passed. Unknown without an expiry (no directory/subscriptions export).
 */
export function suggestedOrderDate(expires: string | null, asOf: string): string | null {
  if (!expires) return null;
  return expires > asOf ? expires : asOf;
}

/**
 * An order date must be a real day, not before the plan date, and not after the end of the 30-day
 * expired window (data is lost after it) unless that window already closed, when any later day is
 * only late.
 */
export function lineFormSchema(rules: { asOf: string; deadline: string | null }) {
  return z.object({
    targetSkuId: z.string(),
    quantity: z.number({ error: 'quantity' }).int('quantity').min(0, 'quantity').max(MAX_QUANTITY, 'quantity'),
    orderDate: z.string().superRefine((value, ctx) => {
      if (value === '') return;
      if (!isLocalDate(value)) ctx.addIssue({ code: 'custom', message: 'date' });
      else if (value < rules.asOf) ctx.addIssue({ code: 'custom', message: 'beforePlanDate' });
      else if (rules.deadline && rules.deadline >= rules.asOf && value > rules.deadline) ctx.addIssue({ code: 'custom', message: 'afterDeadline' });
    }),
  });
}
