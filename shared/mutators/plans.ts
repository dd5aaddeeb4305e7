import { z } from 'zod';
import { Id, LocalDate, PlanStatus } from '../workspace/tables';
import { MutationError, defineMutator, mustGet } from './define';
import { planStatusJa } from './words';

const SkuId = z.string().trim().min(1).max(64);

export const createPlan = defineMutator({
  name: 'plan.create',
  args: z.object({ id: Id, customerId: Id, asOf: LocalDate }).strict(),
  permission: 'plan.edit',
  describe: (a) => ({ en: `Started a migration plan as of ${a.asOf}`, ja: `${a.asOf} 時点の移行計画を開始しました` }),
  async run(tx, a) {
    await mustGet(tx, 'customers', a.customerId);
    if (await tx.get('plans', a.id)) throw new MutationError('invalid', { en: `plan ${a.id} already exists`, ja: `プラン ${a.id} は既に存在します` });
    await tx.put('plans', { id: a.id, customerId: a.customerId, status: 'draft', asOf: a.asOf, approvedBy: null });
    return a.customerId;
  },
});

export const setPlanStatus = defineMutator({
  name: 'plan.setStatus',
  args: z.object({ id: Id, status: PlanStatus }).strict(),
  permission: 'plan.edit',
  describe: (a) => ({ en: `Set the plan's status to "${a.status}"`, ja: `計画の状態を「${planStatusJa[a.status]}」にしました` }),
  async run(tx, a, ctx) {
    const plan = await mustGet(tx, 'plans', a.id);
    await tx.update('plans', a.id, {
      status: a.status,
      approvedBy: a.status === 'approved' ? ctx.actor.name : a.status === 'draft' ? null : undefined,
    });
    return plan.customerId;
  },
});

export const addPlanLine = defineMutator({
  name: 'planLine.add',
  args: z
    .object({
      id: Id,
      planId: Id,
      sourceSkuId: SkuId,
      sourceSubscriptionId: z.string().max(64).nullable().default(null),
      targetSkuId: SkuId.nullable(),
      quantity: z.number().int().min(0).max(10_000_000),
    })
    .strict(),
  permission: 'plan.edit',
  describe: (a) => ({
    en: `Added a plan line for ${a.sourceSkuId} (${a.quantity} licenses)`,
    ja: `${a.sourceSkuId} の計画明細を追加しました (ライセンス ${a.quantity} 個)`,
  }),
  async run(tx, a) {
    const plan = await mustGet(tx, 'plans', a.planId);
    if (await tx.get('planLines', a.id)) throw new MutationError('invalid', { en: `plan line ${a.id} already exists`, ja: `プランの行 ${a.id} は既に存在します` });
    await tx.put('planLines', { ...a, customerId: plan.customerId, orderDate: null, decisionNote: '' });
    return plan.customerId;
  },
});

export const setPlanLineTarget = defineMutator({
  name: 'plan.setTarget',
  args: z.object({ lineId: Id, targetSkuId: SkuId.nullable(), quantity: z.number().int().min(0).max(10_000_000) }).strict(),
  permission: 'plan.edit',
  describe: (a) => ({
    en: `Chose ${a.targetSkuId ?? 'no target'} x ${a.quantity} for a plan line`,
    ja: `計画明細の移行先を ${a.targetSkuId ?? '移行先なし'} × ${a.quantity} にしました`,
  }),
  async run(tx, a) {
    const line = await mustGet(tx, 'planLines', a.lineId);
    await tx.update('planLines', a.lineId, { targetSkuId: a.targetSkuId, quantity: a.quantity });
    return line.customerId;
  },
});

export const setPlanLineSchedule = defineMutator({
  name: 'plan.setOrderDate',
  args: z.object({ lineId: Id, orderDate: LocalDate.nullable(), decisionNote: z.string().max(4000).optional() }).strict(),
  permission: 'plan.edit',
  describe: (a) =>
    a.orderDate
      ? { en: `Planned the order for ${a.orderDate}`, ja: `発注を ${a.orderDate} に予定しました` }
      : { en: 'Cleared the planned order date', ja: '発注の予定日を取り消しました' },
  async run(tx, a) {
    const line = await mustGet(tx, 'planLines', a.lineId);
    await tx.update('planLines', a.lineId, { orderDate: a.orderDate, decisionNote: a.decisionNote });
    return line.customerId;
  },
});

export const removePlanLine = defineMutator({
  name: 'planLine.remove',
  args: z.object({ lineId: Id }).strict(),
  permission: 'plan.edit',
  describe: () => ({ en: 'Removed a plan line', ja: '計画明細を削除しました' }),
  async run(tx, a) {
    const line = await mustGet(tx, 'planLines', a.lineId);
    await tx.delete('planLines', a.lineId);
    return line.customerId;
  },
});
