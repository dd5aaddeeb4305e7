import { describe, expect, it } from 'vitest';
import { withDefaults, type Plan, type PlanLine } from '../../../shared/workspace/tables';
import type { LineDraft } from './draftStore';
import { firstInvalid, nothingToSave, planSave, type ChosenLine } from './savePlan';

const SUB = '860697e3-b0aa-4196-a6c6-7ec361ed58f7';
const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const M365E5 = '06ebc4ee-1bb5-47dd-8120-11324bc54e06';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';

const lines: ChosenLine[] = [
  { lineId: SUB, subscriptionId: SUB, sourceSkuId: '0816ccb9-3785-4d19-bf78-6c53e2106509', targetSkuId: E5, quantity: 25, orderDate: '2025-07-01', term: 'P1Y', billingFrequency: 'annual', draft: null },
  { lineId: `sku:${E5}`, subscriptionId: null, sourceSkuId: E5, targetSkuId: M365E5, quantity: 10, orderDate: null, term: 'P1M', billingFrequency: 'monthly', draft: null },
];

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

function savedFrom(result: ReturnType<typeof planSave>): { plan: Plan; lines: PlanLine[] } {
  const plan: Plan = { id: result.args.planId, customerId: 'cust', status: 'ready', asOf: '2025-06-01', approvedBy: null };
  const saved = (result.args.add ?? []).map((a): PlanLine => ({ ...a, planId: plan.id, customerId: 'cust', decisionNote: '' }));
  return { plan, lines: saved };
}

/** A draft as LineEditor makes it: the line as first seen (version and values) and what was changed. */
function draftOf(base: PlanLine, version: number, change: Partial<Pick<LineDraft, 'targetSkuId' | 'quantity' | 'orderDate' | 'term' | 'billingFrequency'>>): LineDraft {
  const { term, billingFrequency } = withDefaults('planLines', base);
  return {
    targetSkuId: change.targetSkuId ?? base.targetSkuId,
    quantity: change.quantity ?? base.quantity,
    orderDate: change.orderDate ?? base.orderDate,
    term: change.term ?? term,
    billingFrequency: change.billingFrequency ?? billingFrequency,
    base: { version, targetSkuId: base.targetSkuId, quantity: base.quantity, orderDate: base.orderDate, term, billingFrequency },
    changed: {
      targetSkuId: 'targetSkuId' in change,
      quantity: 'quantity' in change,
      orderDate: 'orderDate' in change,
      term: 'term' in change,
      billingFrequency: 'billingFrequency' in change,
    },
  };
}

describe('saving the wizard as the plan (one plan.save)', () => {
  it('creates the plan and adds every line with its order date', () => {
    const result = planSave({ customerId: 'cust', plan: null, savedLines: [], lines, asOf: '2025-06-01', newId: ids() });
    expect(result.args).toMatchObject({ customerId: 'cust', planId: 'id-1', asOf: '2025-06-01', change: [], remove: [] });
    expect(result.args.add).toEqual([
      { id: 'id-2', sourceSkuId: lines[0]!.sourceSkuId, sourceSubscriptionId: SUB, targetSkuId: E5, quantity: 25, orderDate: '2025-07-01', term: 'P1Y', billingFrequency: 'annual' },
      { id: 'id-3', sourceSkuId: E5, sourceSubscriptionId: null, targetSkuId: M365E5, quantity: 10, orderDate: null, term: 'P1M', billingFrequency: 'monthly' },
    ]);
    expect(result).toMatchObject({ added: 2, updated: 0, removed: 0, baseVersions: {} });
    expect(firstInvalid(result)).toBeNull();
  });

  it('re-saving with no draft writes nothing and never duplicates a line', () => {
    const first = planSave({ customerId: 'cust', plan: null, savedLines: [], lines, asOf: '2025-06-01', newId: ids() });
    const { plan, lines: saved } = savedFrom(first);
    const again = planSave({ customerId: 'cust', plan, savedLines: saved, lines, asOf: '2025-06-01', newId: ids() });
    expect(again.args).toMatchObject({ add: [], change: [], remove: [] });
    expect(nothingToSave(again, plan)).toBe(true);
  });

  it('sends only the fields the draft changed, with the version it was made from, and removes lines gone or saved twice', () => {
    const first = planSave({ customerId: 'cust', plan: null, savedLines: [], lines, asOf: '2025-06-01', newId: ids() });
    const { plan, lines: saved } = savedFrom(first);
    const twice = { ...saved[1]!, id: 'dup' };
    // Since the draft began (at version 4), a teammate set another target: the save must not send the target.
    const teammate = { ...saved[1]!, targetSkuId: E3 };
    const draft = draftOf(saved[1]!, 4, { quantity: 14, orderDate: '2025-08-01' });
    const chosen: ChosenLine[] = [{ ...lines[1]!, targetSkuId: E3, quantity: 14, orderDate: '2025-08-01', draft }];
    const result = planSave({ customerId: 'cust', plan: { ...plan, status: 'approved' }, savedLines: [saved[0]!, teammate, twice], lines: chosen, asOf: '2025-06-01', newId: ids() });
    expect(result.args.change).toEqual([{ id: saved[1]!.id, fields: { quantity: 14, orderDate: '2025-08-01' } }]);
    expect(result.baseVersions).toEqual({ [`planLines/${saved[1]!.id}`]: 4 });
    expect(result.args.remove).toEqual([saved[0]!.id, 'dup']);
    expect(result).toMatchObject({ added: 0, updated: 1, removed: 2 });
  });

  it('a changed target is sent with its base, so a teammate’s target chosen meanwhile becomes a conflict on the server', () => {
    const first = planSave({ customerId: 'cust', plan: null, savedLines: [], lines, asOf: '2025-06-01', newId: ids() });
    const { plan, lines: saved } = savedFrom(first);
    const draft = draftOf(saved[0]!, 2, { targetSkuId: M365E5 });
    const result = planSave({ customerId: 'cust', plan, savedLines: saved, lines: [{ ...lines[0]!, targetSkuId: M365E5, draft }, lines[1]!], asOf: '2025-06-01', newId: ids() });
    expect(result.args.change).toEqual([{ id: saved[0]!.id, fields: { targetSkuId: M365E5 } }]);
    expect(result.baseVersions).toEqual({ [`planLines/${saved[0]!.id}`]: 2 });
  });

  it('finds what the mutator would refuse before anything is written, and which line it is about', () => {
    const bad = planSave({ customerId: 'cust', plan: null, savedLines: [], lines: [{ ...lines[0]!, quantity: -1 }], asOf: '2025-06-01', newId: ids() });
    const invalid = firstInvalid(bad);
    expect(invalid?.lineId).toBe(SUB);
    expect(invalid?.message).toMatch(/quantity/);
  });

  it('sends a changed term and billing frequency only when the draft changed them, judged against a line saved before terms existed as annual', () => {
    const first = planSave({ customerId: 'cust', plan: null, savedLines: [], lines, asOf: '2025-06-01', newId: ids() });
    const { plan, lines: saved } = savedFrom(first);
    // Saved by an older version: no term stored, which reads as annual paid annually.
    const { term: _t, billingFrequency: _b, ...old } = saved[0]!;
    const legacy: PlanLine = old;
    const termOnly = draftOf(legacy, 3, { term: 'P3Y', billingFrequency: 'triennial' });
    const result = planSave({
      customerId: 'cust',
      plan,
      savedLines: [legacy, saved[1]!],
      lines: [{ ...lines[0]!, term: 'P3Y', billingFrequency: 'triennial', draft: termOnly }, lines[1]!],
      asOf: '2025-06-01',
      newId: ids(),
    });
    expect(result.args.change).toEqual([{ id: legacy.id, fields: { term: 'P3Y', billingFrequency: 'triennial' } }]);
    expect(result.baseVersions).toEqual({ [`planLines/${legacy.id}`]: 3 });

    // Billing changed back to what is stored (annual): nothing to send; the term the draft did not touch is never sent.
    const same = draftOf(legacy, 3, { billingFrequency: 'annual' });
    const none = planSave({ customerId: 'cust', plan, savedLines: [legacy, saved[1]!], lines: [{ ...lines[0]!, draft: same }, lines[1]!], asOf: '2025-06-01', newId: ids() });
    expect(none.args.change).toEqual([]);

    // Only billing changed: only billing is sent, the term left as stored.
    const annual: PlanLine = { ...saved[1]!, term: 'P1Y', billingFrequency: 'annual' };
    const billing = draftOf(annual, 5, { billingFrequency: 'monthly' });
    const one = planSave({ customerId: 'cust', plan, savedLines: [saved[0]!, annual], lines: [lines[0]!, { ...lines[1]!, term: 'P1Y', billingFrequency: 'monthly', draft: billing }], asOf: '2025-06-01', newId: ids() });
    expect(one.args.change).toEqual([{ id: saved[1]!.id, fields: { billingFrequency: 'monthly' } }]);
  });

});
