import { z } from 'zod';
import { BILLING_FREQUENCIES, TERMS, type BillingFrequency, type Term } from '../domain/commerce';
import { billingFrequenciesFor, threeYearMinimumProblem } from '../domain/terms';
import { Id, LocalDate, MAX_EXTRA_TARGETS, PlanStatus, withDefaults } from '../workspace/tables';
import { activity } from './activityCodes';
import { MutationError, defineMutator, mustGet, type ReadTx } from './define';
import { productNames } from './productNames';

const SkuId = z.string().trim().min(1).max(64);
const ExtraTargets = z.array(SkuId).max(MAX_EXTRA_TARGETS);

/**
 * Refuses a term and billing frequency Partner Center would not take for this many seats on the
 * plan's date: a frequency the term does not offer, or a 3-year term under its minimum (shared/domain/terms).
 */
export async function checkTerm(tx: ReadTx, planId: string, term: Term, billing: BillingFrequency, quantity: number): Promise<void> {
  if (!billingFrequenciesFor(term).includes(billing)) {
    throw new MutationError('INVALID', 'planLine.termBilling', { term, billing });
  }
  const plan = await mustGet(tx, 'plans', planId);
  const problem = threeYearMinimumProblem(term, quantity, plan.asOf);
  if (problem) {
    throw new MutationError('INVALID', 'planLine.threeYearMinimum', { minimum: problem.minimum, asOf: plan.asOf, quantity });
  }
}

function withoutDuplicates(first: string | null, extra: readonly string[]): string[] {
  const seen = new Set(first ? [first] : []);
  const out: string[] = [];
  for (const id of extra) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

export const planCreate = defineMutator({
  name: 'plan.create',
  args: z.object({ id: Id, customerId: Id, asOf: LocalDate }).strict(),
  permission: 'plan.edit',
  describe: (a) => activity('plan.create', { date: a.asOf }),
  async run(tx, a) {
    await mustGet(tx, 'customers', a.customerId);
    if (await tx.get('plans', a.id)) throw new MutationError('INVALID', 'plan.exists', { id: a.id });
    await tx.put('plans', { id: a.id, customerId: a.customerId, status: 'draft', asOf: a.asOf, approvedBy: null });
    return a.customerId;
  },
});

export const planSetStatus = defineMutator({
  name: 'plan.setStatus',
  args: z.object({ id: Id, status: PlanStatus }).strict(),
  permission: 'plan.edit',
  describe: (a) => activity('plan.setStatus', { status: a.status }),
  async run(tx, a, ctx) {
    const plan = await mustGet(tx, 'plans', a.id);
    await tx.update('plans', a.id, {
      status: a.status,
      approvedBy: a.status === 'approved' ? ctx.actor.name : a.status === 'draft' ? null : undefined,
    });
    return plan.customerId;
  },
});

export const planLineAdd = defineMutator({
  name: 'planLine.add',
  args: z
    .object({
      id: Id,
      planId: Id,
      sourceSkuId: SkuId,
      sourceSubscriptionId: z.string().max(64).nullable().default(null),
      targetSkuId: SkuId.nullable(),
      quantity: z.number().int().min(0).max(10_000_000),
      extraTargetSkuIds: ExtraTargets.default([]),
      term: z.enum(TERMS).default('P1Y'),
      billingFrequency: z.enum(BILLING_FREQUENCIES).default('annual'),
    })
    .strict(),
  permission: 'plan.edit',
  describe: (a) => activity('planLine.add', { quantity: a.quantity, term: a.term, billing: a.billingFrequency }),
  async run(tx, a) {
    const plan = await mustGet(tx, 'plans', a.planId);
    if (await tx.get('planLines', a.id)) throw new MutationError('INVALID', 'planLine.exists', { id: a.id });
    await checkTerm(tx, a.planId, a.term, a.billingFrequency, a.quantity);
    await tx.put('planLines', {
      ...a,
      extraTargetSkuIds: withoutDuplicates(a.targetSkuId, a.extraTargetSkuIds),
      customerId: plan.customerId,
      orderDate: null,
      decisionNote: '',
      cancelAtTermEndScheduledOn: null,
    });
    const source = await productNames(tx, [a.sourceSkuId]);
    return {
      customerId: plan.customerId,
      summary: activity('planLine.addFor', { products: source, quantity: a.quantity, term: a.term, billing: a.billingFrequency }),
    };
  },
});

export const planLineSetTarget = defineMutator({
  name: 'planLine.setTarget',
  args: z
    .object({
      lineId: Id,
      targetSkuId: SkuId.nullable(),
      quantity: z.number().int().min(0).max(10_000_000),
      /** Absent: the line keeps its extra targets (a client of schema 2 does not know them). */
      extraTargetSkuIds: ExtraTargets.optional(),
    })
    .strict(),
  permission: 'plan.edit',
  describe: (a) =>
    a.targetSkuId ? activity('planLine.setTarget', { quantity: a.quantity }) : activity('planLine.setNoTarget', { quantity: a.quantity }),
  async run(tx, a) {
    const line = withDefaults('planLines', await mustGet(tx, 'planLines', a.lineId));
    await checkTerm(tx, line.planId, line.term, line.billingFrequency, a.quantity);
    const extra = a.targetSkuId === null ? [] : a.extraTargetSkuIds === undefined ? undefined : withoutDuplicates(a.targetSkuId, a.extraTargetSkuIds);
    await tx.update('planLines', a.lineId, { targetSkuId: a.targetSkuId, quantity: a.quantity, extraTargetSkuIds: extra });
    if (!a.targetSkuId) return line.customerId;
    const targets = await productNames(tx, [a.targetSkuId, ...withoutDuplicates(a.targetSkuId, a.extraTargetSkuIds ?? [])]);
    return {
      customerId: line.customerId,
      summary: activity('planLine.setTargetTo', { products: targets, quantity: a.quantity }),
    };
  },
});

export const planLineSetTerm = defineMutator({
  name: 'planLine.setTerm',
  args: z.object({ lineId: Id, term: z.enum(TERMS), billingFrequency: z.enum(BILLING_FREQUENCIES) }).strict(),
  permission: 'plan.edit',
  describe: (a) => activity('planLine.setTerm', { term: a.term, billing: a.billingFrequency }),
  async run(tx, a) {
    const line = await mustGet(tx, 'planLines', a.lineId);
    await checkTerm(tx, line.planId, a.term, a.billingFrequency, line.quantity);
    await tx.update('planLines', a.lineId, { term: a.term, billingFrequency: a.billingFrequency });
    return line.customerId;
  },
});

/** The old partner confirmed "cancel at end of term" for the line's old subscription (DOMAIN.md rule 1). */
export const planLineSetOldEndScheduled = defineMutator({
  name: 'planLine.setOldEndScheduled',
  args: z.object({ lineId: Id, scheduledOn: LocalDate.nullable() }).strict(),
  permission: 'plan.edit',
  describe: (a) =>
    a.scheduledOn
      ? activity('planLine.setCancelScheduled', { date: a.scheduledOn })
      : activity('planLine.clearCancelScheduled'),
  async run(tx, a) {
    const line = await mustGet(tx, 'planLines', a.lineId);
    await tx.update('planLines', a.lineId, { cancelAtTermEndScheduledOn: a.scheduledOn });
    return line.customerId;
  },
});

export const planLineSetOrderDate = defineMutator({
  name: 'planLine.setOrderDate',
  args: z.object({ lineId: Id, orderDate: LocalDate.nullable(), decisionNote: z.string().max(4000).optional() }).strict(),
  permission: 'plan.edit',
  describe: (a) =>
    a.orderDate
      ? activity('planLine.setOrderDate', { date: a.orderDate })
      : activity('planLine.clearOrderDate'),
  async run(tx, a) {
    const line = await mustGet(tx, 'planLines', a.lineId);
    await tx.update('planLines', a.lineId, { orderDate: a.orderDate, decisionNote: a.decisionNote });
    return line.customerId;
  },
});

export const planLineRemove = defineMutator({
  name: 'planLine.remove',
  args: z.object({ lineId: Id }).strict(),
  permission: 'plan.edit',
  describe: () => activity('planLine.remove'),
  async run(tx, a) {
    const line = await mustGet(tx, 'planLines', a.lineId);
    await tx.delete('planLines', a.lineId);
    return line.customerId;
  },
});
