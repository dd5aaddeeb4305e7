// "Try another target" from the seat step: saved as the customer's plan line through the named
// mutators, so the whole team sees it and the offer-matching screen shows the same choice.
import type { PlannedLine } from '../../../shared/domain/engine';
import { lineIdOf, today, type CustomerData } from '../../workspace/customerPlan';
import { localChanges } from '../../workspace/workspace';

export type SaveOutcome = { ok: true } | { ok: false; message: string };

/** targetSkuId null: back to the offer the app matches by itself. */
export async function saveLineTarget(data: CustomerData, line: PlannedLine, targetSkuId: string | null): Promise<SaveOutcome> {
  const changes = localChanges();
  const saved = data.planLines.find((l) => lineIdOf(l) === line.lineId);
  if (saved) return changes.mutate('plan.setTarget', { lineId: saved.id, targetSkuId, quantity: saved.quantity });
  let planId = data.plan?.id;
  if (!planId) {
    planId = crypto.randomUUID();
    const created = await changes.mutate('plan.create', { id: planId, customerId: data.customer.id, asOf: today() });
    if (!created.ok) return created;
  }
  return changes.mutate('planLine.add', {
    id: crypto.randomUUID(),
    planId,
    sourceSkuId: line.sourceSkuId,
    sourceSubscriptionId: line.subscriptionId,
    targetSkuId,
    quantity: line.targetQuantity,
  });
}
