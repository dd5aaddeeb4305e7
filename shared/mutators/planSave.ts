// Saving a plan as one change, with its rules: the offer-matching wizard and the license check's
// "try another target" both send it, and the server runs it. A draft sends only the fields it
// changed, with the versions of the lines it was made from as base versions (SyncClient's
// `baseVersions` option): a teammate's change made since then becomes a conflict record both
// people see, never a silent overwrite, and the fields the draft did not touch are never written.
import { z } from 'zod';
import { BILLING_FREQUENCIES, TERMS } from '../domain/commerce';
import { CustomerStage, Id, LocalDate, MAX_EXTRA_TARGETS, withDefaults, type PlanStatus } from '../workspace/tables';
import { activity } from './activityCodes';
import { MutationError, defineMutator, mustGet } from './define';
import { checkTerm } from './plans';

const SkuId = z.string().trim().min(1).max(64);
const Quantity = z.number().int().min(0).max(10_000_000);
const MAX_LINES = 500;

/** The guarded fields a plan line's draft may change. */
export const PlanLineChoice = z
  .object({
    targetSkuId: SkuId.nullable(),
    quantity: Quantity,
    orderDate: LocalDate.nullable(),
    /** More products bought for the line (a Teams pair: the no-Teams suite and Teams). */
    extraTargetSkuIds: z.array(SkuId).max(MAX_EXTRA_TARGETS).optional(),
    term: z.enum(TERMS).optional(),
    billingFrequency: z.enum(BILLING_FREQUENCIES).optional(),
  })
  .strict();
export type PlanLineChoice = z.infer<typeof PlanLineChoice>;

export const PlanSaveArgs = z
  .object({
    customerId: Id,
    /** The customer's plan; created when it does not exist yet. */
    planId: Id,
    asOf: LocalDate,
    add: z
      .array(
        PlanLineChoice.extend({
          id: Id,
          sourceSkuId: SkuId,
          sourceSubscriptionId: z.string().max(64).nullable(),
        }).strict(),
      )
      .max(MAX_LINES)
      .default([]),
    /** Only the fields the draft changed from the line it was made from. */
    change: z.array(z.object({ id: Id, fields: PlanLineChoice.partial().strict() }).strict()).max(MAX_LINES).default([]),
    remove: z.array(Id).max(MAX_LINES).default([]),
  })
  .strict();
export type PlanSaveArgs = z.input<typeof PlanSaveArgs>;

const READY = CustomerStage.options.indexOf('plan-ready');

/** A plan a save changes needs approving again; an ordered or finished one keeps its status. */
export function statusAfterSave(status: PlanStatus, changed: boolean): PlanStatus {
  if (status === 'draft') return 'ready';
  if (status === 'approved' && changed) return 'ready';
  return status;
}

export const planSave = defineMutator({
  name: 'plan.save',
  args: PlanSaveArgs,
  permission: 'plan.edit',
  describe: (a) => {
    const changed = a.change.filter((c) => Object.keys(c.fields).length > 0).length;
    return activity('plan.save', { added: a.add.length, changed, removed: a.remove.length });
  },
  async run(tx, a) {
    const customer = await mustGet(tx, 'customers', a.customerId);
    let plan = await tx.get('plans', a.planId);
    if (plan && plan.customerId !== a.customerId) {
      throw new MutationError('INVALID', 'plan.otherCustomer', { id: a.planId });
    }
    const created = !plan;
    if (!plan) {
      plan = { id: a.planId, customerId: a.customerId, status: 'draft', asOf: a.asOf, approvedBy: null };
      await tx.put('plans', plan);
    }
    for (const line of a.add) {
      if (await tx.get('planLines', line.id)) {
        throw new MutationError('INVALID', 'planLine.alreadySaved', { sku: line.sourceSkuId });
      }
      await tx.put('planLines', { ...line, planId: plan.id, customerId: a.customerId, decisionNote: '' });
      if (line.term) await checkTerm(tx, plan.id, line.term, line.billingFrequency ?? 'annual', line.quantity);
    }
    let changed = 0;
    for (const { id, fields } of a.change) {
      if (Object.keys(fields).length === 0) continue;
      const line = await mustGet(tx, 'planLines', id);
      if (line.planId !== plan.id) throw new MutationError('INVALID', 'planLine.otherPlan', { id });
      await tx.update('planLines', id, fields);
      // A term with a seat minimum is checked against what the line holds after the change.
      const after = withDefaults('planLines', { ...line, ...fields });
      if (after.term) await checkTerm(tx, plan.id, after.term, after.billingFrequency ?? 'annual', after.quantity);
      changed++;
    }
    for (const id of a.remove) {
      const line = await tx.get('planLines', id);
      // Already gone (a teammate removed it): the save wanted it gone too.
      if (!line) continue;
      if (line.planId !== plan.id) throw new MutationError('INVALID', 'planLine.otherPlan', { id });
      await tx.delete('planLines', id);
    }
    const status = statusAfterSave(plan.status, created || a.add.length + changed + a.remove.length > 0);
    if (status !== plan.status) await tx.update('plans', plan.id, { status });
    if (CustomerStage.options.indexOf(customer.stage) < READY) await tx.update('customers', customer.id, { stage: 'plan-ready' });
    return a.customerId;
  },
});
