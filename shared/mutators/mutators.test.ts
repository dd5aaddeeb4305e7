import { describe, expect, it } from 'vitest';
import { inWords } from '../../test/support/activityWords';
import type { Role } from '../domain/roles';
import { SyncClient } from '../sync/client';
import { MemoryClientStore } from '../sync/memoryClientStore';
import { refusalWords, said } from '../../test/support/refusalWords';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const offline = { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) };

/** Runs one mutator as the app does: effects, activity entry and outbox row in one transaction, or nothing. */
async function run(store: MemoryClientStore, name: string, args: unknown, role: Role = 'admin-agent', actorName = 'Aiko') {
  const client = new SyncClient(store, offline, { actor: () => ({ id: `u-${actorName}`, name: actorName, role }), now: () => '2026-11-24T10:00:00.000Z' });
  return client.mutate(name, args);
}
async function seeded(): Promise<MemoryClientStore> {
  const store = new MemoryClientStore('client-mutators-test');
  expect(await run(store, 'partner.update', { name: 'Fabrikam CSP', partnerTenantId: PARTNER, country: 'jp' })).toEqual({ ok: true });
  expect(await run(store, 'customer.create', { id: 'c-1', name: 'Contoso', domain: 'contoso.com', country: 'JP' })).toEqual({ ok: true });
  return store;
}

describe('mutators', () => {
  it('create a customer with defaults, normalized fields and an activity entry', async () => {
    const store = await seeded();
    const [customer] = store.rows('customers');
    expect(customer).toMatchObject({ id: 'c-1', name: 'Contoso', stage: 'not-started', channel: 'unknown', country: 'JP' });
    expect(store.rows('partner')[0]?.country).toBe('JP');
    const activity = store.rows('activity').find((a) => a.mutation === 'customer.create');
    expect(activity).toMatchObject({ actor: 'Aiko', role: 'admin-agent', customerId: 'c-1', code: 'customer.create', params: { name: 'Contoso' } });
    // The stored row holds no sentence: the renderer words it; an app of the previous schema reads the change's name.
    expect(activity?.summary).toBe('customer.create');
    expect(activity?.summaryJa).toBeUndefined();
    expect(inWords(activity)).toEqual({ summary: 'Created customer Contoso', summaryJa: '顧客「Contoso」を作成しました' });
  });

  it('write the activity entry as a code and parameters, worded in English and Japanese with the stage by its name', async () => {
    const store = await seeded();
    expect(await run(store, 'customer.setStage', { id: 'c-1', stage: 'plan-ready' })).toEqual({ ok: true });
    expect(await run(store, 'customer.update', { id: 'c-1', domain: 'contoso.co.jp', notes: 'x' })).toEqual({ ok: true });
    const entry = (name: string) => store.rows('activity').find((a) => a.mutation === name);
    expect(entry('customer.setStage')).toMatchObject({ code: 'customer.setStage', params: { stage: 'plan-ready' } });
    expect(inWords(entry('customer.setStage'))).toEqual({ summary: 'Moved the customer to the stage "Plan ready"', summaryJa: '顧客のステージを「計画完了」に変更しました' });
    expect(entry('customer.update')).toMatchObject({ code: 'customer.update', params: { fields: ['domain', 'notes'] } });
    expect(inWords(entry('customer.update'))).toEqual({ summary: 'Edited customer details (Domain, Notes)', summaryJa: '顧客の基本情報を編集しました (ドメイン、メモ)' });
    expect(inWords(entry('partner.update'))).toEqual({
      summary: 'Edited the partner profile (Partner name, Partner tenant id, Country)',
      summaryJa: 'パートナー プロファイルを編集しました (パートナー名、パートナー テナント ID、国)',
    });
  });

  it('reject bad arguments with the field named, and write nothing', async () => {
    const store = await seeded();
    const before = store.rows('activity').length;
    const outcome = await run(store, 'customer.create', { id: 'c-2', name: '', country: 'JPN' });
    expect(outcome).toMatchObject({ ok: false, code: 'INVALID' });
    expect(outcome).toMatchObject({ reason: 'args.invalid', params: { mutation: 'customer.create', path: expect.stringMatching(/^(name|country)$/) } });
    expect(outcome.ok ? '' : outcome.message).toMatch(/^customer\.create: args\.invalid /);
    expect(store.rows('customers')).toHaveLength(1);
    expect(store.rows('activity')).toHaveLength(before);
  });

  it('refuse a role without the permission, and write nothing', async () => {
    const store = await seeded();
    const outcome = await run(store, 'customer.create', { id: 'c-2', name: 'Northwind' }, 'billing-agent');
    expect(outcome).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A reason and its parameters, worded in each person's language by the screens.
    expect(outcome).toMatchObject({ reason: 'permission.missing', params: { mutation: 'customer.create', permission: 'customer.edit', role: 'billing-agent' } });
    expect(said(outcome)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      en: 'You are signed in as a Billing agent, who cannot edit customers',
      ja: '現在のロール (課金エージェント) では顧客を編集することはできません',
    });
    expect(store.rows('customers').map((c) => c.id)).toEqual(['c-1']);
  });

  it('let only roles that may request delegated admin build such an invitation', async () => {
    const store = await seeded();
    const gdap = { roles: ['User Administrator'], durationDays: 730, approvalLink: '' };
    const sales = await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'gdap', gdap, language: 'ja' }, 'sales-agent');
    expect(sales).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(refusalWords(sales, 'ja')).toBe('現在のロール (営業担当エージェント) では委任された管理者特権を要求できません');
    expect(store.rows('invitations')).toHaveLength(0);
    const plain = await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'none', language: 'ja' }, 'sales-agent');
    expect(plain).toEqual({ ok: true });
    expect(store.rows('invitations')[0]?.link).toContain(`partnerId=${PARTNER}&msppId=0&DAP=false`);
    const admin = await run(store, 'invitation.create', { id: 'i-2', customerId: 'c-1', delegatedAdmin: 'gdap', gdap, language: 'en' });
    expect(admin).toEqual({ ok: true });
  });

  it('require GDAP details exactly when GDAP is chosen', async () => {
    const store = await seeded();
    const outcome = await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'gdap', language: 'en' });
    expect(outcome).toMatchObject({ ok: false, code: 'INVALID' });
  });

  it('walk an invitation from draft to accepted and move the customer along', async () => {
    const store = await seeded();
    await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'none', language: 'en' });
    expect(await run(store, 'invitation.markAccepted', { id: 'i-1' })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await run(store, 'invitation.markSent', { id: 'i-1' })).toEqual({ ok: true });
    expect(store.rows('customers')[0]?.stage).toBe('invited');
    expect(await run(store, 'invitation.remind', { id: 'i-1' })).toEqual({ ok: true });
    expect(await run(store, 'invitation.markAccepted', { id: 'i-1' })).toEqual({ ok: true });
    expect(store.rows('invitations')[0]).toMatchObject({ status: 'accepted', sentAt: '2026-11-24T10:00:00.000Z', remindedAt: ['2026-11-24T10:00:00.000Z'] });
    expect(store.rows('customers')[0]?.stage).toBe('accepted');
  });

  it('refuse an invitation when the partner profile has no tenant id', async () => {
    const store = new MemoryClientStore('client-mutators-test');
    await run(store, 'customer.create', { id: 'c-1', name: 'Contoso' });
    const outcome = await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'none', language: 'en' });
    expect(outcome).toMatchObject({ ok: false, code: 'INVALID' });
    expect(outcome).toMatchObject({ reason: 'invitation.noPartnerTenant' });
    expect(refusalWords(outcome, 'en')).toMatch(/partner tenant ID/);
  });

  it('build a plan line by line and file the activity under the customer', async () => {
    const store = await seeded();
    expect(await run(store, 'plan.create', { id: 'p-1', customerId: 'c-1', asOf: '2026-11-24' })).toEqual({ ok: true });
    expect(await run(store, 'planLine.add', { id: 'l-1', planId: 'p-1', sourceSkuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', targetSkuId: null, quantity: 25 })).toEqual({ ok: true });
    expect(await run(store, 'planLine.setTarget', { lineId: 'l-1', targetSkuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', quantity: 25 })).toEqual({ ok: true });
    expect(await run(store, 'plan.setStatus', { id: 'p-1', status: 'approved' })).toEqual({ ok: true });
    expect(store.rows('planLines')[0]).toMatchObject({ customerId: 'c-1', targetSkuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', quantity: 25 });
    expect(store.rows('plans')[0]).toMatchObject({ status: 'approved', approvedBy: 'Aiko' });
    const mine = store.rows('activity').filter((a) => a.customerId === 'c-1').map((a) => a.mutation);
    expect(mine).toEqual(expect.arrayContaining(['plan.create', 'planLine.add', 'planLine.setTarget', 'plan.setStatus']));
    expect(await run(store, 'planLine.setTarget', { lineId: 'nope', targetSkuId: null, quantity: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('delete a customer with its plans and invitations', async () => {
    const store = await seeded();
    await run(store, 'plan.create', { id: 'p-1', customerId: 'c-1', asOf: '2026-11-24' });
    await run(store, 'planLine.add', { id: 'l-1', planId: 'p-1', sourceSkuId: 'x', targetSkuId: null, quantity: 1 });
    await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'none', language: 'en' });
    expect(await run(store, 'customer.delete', { id: 'c-1' })).toEqual({ ok: true });
    for (const t of ['customers', 'plans', 'planLines', 'invitations'] as const) expect(store.rows(t), t).toHaveLength(0);
  });

  it('resolve a conflict by taking the proposed value, only with the right to edit that table', async () => {
    const store = await seeded();
    await run(store, 'plan.create', { id: 'p-1', customerId: 'c-1', asOf: '2026-11-24' });
    await run(store, 'planLine.add', { id: 'l-1', planId: 'p-1', sourceSkuId: 'x', targetSkuId: null, quantity: 10 });
    await store.transaction(async (tx) => {
      await tx.put('conflicts', {
        id: 'k-1', table: 'planLines', recordId: 'l-1', field: 'quantity',
        current: { value: 10, by: 'Aiko', version: 7 }, proposed: { value: 12, by: 'Ben', mutation: 'planLine.setTarget' },
        status: 'open', resolution: null, resolvedBy: null,
      });
    });
    expect(await run(store, 'conflict.resolve', { id: 'k-1', keep: 'proposed' }, 'billing-agent')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await run(store, 'conflict.resolve', { id: 'k-1', keep: 'proposed' }, 'sales-agent')).toEqual({ ok: true });
    expect(store.rows('planLines')[0]?.quantity).toBe(12);
    expect(store.rows('conflicts')[0]).toMatchObject({ status: 'resolved', resolution: 'took-proposed' });
    expect(await run(store, 'conflict.resolve', { id: 'k-1', keep: 'current' })).toMatchObject({ ok: false, code: 'INVALID' });
  });
});
