// "Try another target" from the seat step: saved as the customer's plan line through `plan.save`
// (the same change, and rules, as the offer-matching wizard), so the whole team sees it and the
// offer-matching screen shows the same choice. The choice carries the version of the line the person
// was looking at when they chose: a teammate's change made since then becomes a conflict.
import type { PlannedLine } from '../../../shared/domain/engine';
import type { MutationOutcome } from '../../../shared/mutators/define';
import { recordKey } from '../../../shared/sync/protocol';
import { uuidv7 } from '../../sync/ids';
import { lineIdOf, today, type CustomerData } from '../../engine/customerPlan';
import type { SyncController } from '../../sync/controller';

/** The version of the line's saved row now (0: not saved): taken when the person makes the choice. */
export function savedLineVersion(data: CustomerData, lineId: string): number {
  const saved = data.planLines.find((l) => lineIdOf(l) === lineId);
  return saved ? (data.planLineVersions[saved.id] ?? 0) : 0;
}

/** targetSkuId null: back to the offer the app matches by itself. */
export async function saveLineTarget(
  changes: Pick<SyncController, 'mutate'>,
  data: CustomerData, line: PlannedLine, targetSkuId: string | null, baseVersion: number): Promise<MutationOutcome> {
  const saved = data.planLines.find((l) => lineIdOf(l) === line.lineId);
  const planId = data.plan?.id ?? uuidv7();
  const common = { customerId: data.customer.id, planId, asOf: data.plan?.asOf ?? today() };
  if (saved) {
    return changes.mutate('plan.save', { ...common, change: [{ id: saved.id, fields: { targetSkuId } }] }, { baseVersions: { [recordKey('planLines', saved.id)]: baseVersion } });
  }
  return changes.mutate('plan.save', {
    ...common,
    add: [{ id: uuidv7(), sourceSkuId: line.sourceSkuId, sourceSubscriptionId: line.subscriptionId, targetSkuId, quantity: line.targetQuantity, orderDate: null }],
  });
}
