import { describe, expect, it } from 'vitest';
import type { Plan, PlanLine } from '../../../shared/workspace/tables';
import { firstInvalid, planSaveMutations, type ChosenLine } from './savePlan';

const SUB = '860697e3-b0aa-4196-a6c6-7ec361ed58f7';
const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const M365E5 = '06ebc4ee-1bb5-47dd-8120-11324bc54e06';

const lines: ChosenLine[] = [
  { lineId: SUB, subscriptionId: SUB, sourceSkuId: '0816ccb9-3785-4d19-bf78-6c53e2106509', targetSkuId: E5, quantity: 25, orderDate: '2025-07-01' },
  { lineId: `sku:${E5}`, subscriptionId: null, sourceSkuId: E5, targetSkuId: M365E5, quantity: 10, orderDate: null },
];

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

function savedFrom(result: ReturnType<typeof planSaveMutations>): { plan: Plan; lines: PlanLine[] } {
  const create = result.mutations.find((m) => m.name === 'plan.create')!;
  const plan: Plan = { id: create.args.id as string, customerId: 'cust', status: 'ready', asOf: '2025-06-01', approvedBy: null };
  const saved = result.mutations
    .filter((m) => m.name === 'planLine.add')
    .map((m): PlanLine => ({
      id: m.args.id as string,
      planId: plan.id,
      customerId: 'cust',
      sourceSkuId: m.args.sourceSkuId as string,
      sourceSubscriptionId: m.args.sourceSubscriptionId as string | null,
      targetSkuId: m.args.targetSkuId as string | null,
      quantity: m.args.quantity as number,
      orderDate: (result.mutations.find((o) => o.name === 'plan.setOrderDate' && o.args.lineId === m.args.id)?.args.orderDate as string | undefined) ?? null,
      decisionNote: '',
    }));
  return { plan, lines: saved };
}

describe('saving the wizard as the plan', () => {
  it('creates the plan, adds every line with its order date, marks it ready and moves the customer on', () => {
    const result = planSaveMutations({ customer: { id: 'cust', stage: 'accepted' }, plan: null, savedLines: [], lines, asOf: '2025-06-01', newId: ids() });
    expect(result.mutations.map((m) => m.name)).toEqual(['plan.create', 'planLine.add', 'plan.setOrderDate', 'planLine.add', 'plan.setStatus', 'customer.setStage']);
    expect(result.mutations[1]!.args).toMatchObject({ planId: 'id-1', sourceSubscriptionId: SUB, targetSkuId: E5, quantity: 25 });
    expect(result.mutations[2]!.args).toEqual({ lineId: 'id-2', orderDate: '2025-07-01' });
    expect(result.mutations.at(-1)!.args).toEqual({ id: 'cust', stage: 'plan-ready' });
    expect(result).toMatchObject({ added: 2, updated: 0, removed: 0 });
    expect(firstInvalid(result.mutations)).toBeNull();
  });

  it('re-saving the same choices writes nothing new and never duplicates a line', () => {
    const first = planSaveMutations({ customer: { id: 'cust', stage: 'accepted' }, plan: null, savedLines: [], lines, asOf: '2025-06-01', newId: ids() });
    const { plan, lines: saved } = savedFrom(first);
    const again = planSaveMutations({ customer: { id: 'cust', stage: 'plan-ready' }, plan, savedLines: saved, lines, asOf: '2025-06-01', newId: ids() });
    expect(again.mutations).toEqual([]);
  });

  it('updates changed lines in place and removes lines whose subscription is gone or saved twice', () => {
    const first = planSaveMutations({ customer: { id: 'cust', stage: 'accepted' }, plan: null, savedLines: [], lines, asOf: '2025-06-01', newId: ids() });
    const { plan, lines: saved } = savedFrom(first);
    const twice = { ...saved[1]!, id: 'dup' };
    const changed: ChosenLine[] = [{ ...lines[1]!, quantity: 14, orderDate: '2025-08-01' }];
    const result = planSaveMutations({
      customer: { id: 'cust', stage: 'ordered' },
      plan: { ...plan, status: 'approved' },
      savedLines: [...saved, twice],
      lines: changed,
      asOf: '2025-06-01',
      newId: ids(),
    });
    expect(result.mutations).toEqual([
      { name: 'plan.setTarget', args: { lineId: saved[1]!.id, targetSkuId: M365E5, quantity: 14 }, lineId: `sku:${E5}` },
      { name: 'plan.setOrderDate', args: { lineId: saved[1]!.id, orderDate: '2025-08-01' }, lineId: `sku:${E5}` },
      { name: 'planLine.remove', args: { lineId: saved[0]!.id }, lineId: SUB },
      { name: 'planLine.remove', args: { lineId: 'dup' }, lineId: `sku:${E5}` },
      // A changed plan needs approving again; a later stage is never moved back.
      { name: 'plan.setStatus', args: { id: plan.id, status: 'ready' } },
    ]);
    expect(result).toMatchObject({ added: 0, updated: 1, removed: 2 });
  });

  it('finds a change its mutator would refuse before anything is written', () => {
    const bad = planSaveMutations({ customer: { id: 'cust', stage: 'accepted' }, plan: null, savedLines: [], lines: [{ ...lines[0]!, quantity: -1 }], asOf: '2025-06-01', newId: ids() });
    const invalid = firstInvalid(bad.mutations);
    expect(invalid?.mutation.name).toBe('planLine.add');
    expect(invalid?.mutation.lineId).toBe(SUB);
    expect(invalid?.message).toMatch(/quantity/);
  });
});
