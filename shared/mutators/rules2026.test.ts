// The mutators of the 2026 rules (issue 11), each run as the app runs it (client engine, in-memory
// store): what they write, what they refuse and why, in English and Japanese, and who may run them.
import { describe, expect, it } from 'vitest';
import { inWords, words } from '../../test/support/activityWords';
import { said } from '../../test/support/refusalWords';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../domain/gdap';
import type { Role } from '../domain/roles';
import { SyncClient } from '../sync/client';
import { MemoryClientStore } from '../sync/memoryClientStore';
import { invitationState } from '../workspace/invitationState';
import { Invitation, withDefaults, type Tables } from '../workspace/tables';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const LICENSE_ADMIN = '4d6ac14f-3453-41d0-bef9-a3e0c569773a';
const offline = { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) };

async function run(store: MemoryClientStore, name: string, args: unknown, role: Role = 'admin-agent', now = '2026-12-05T10:00:00.000Z') {
  const client = new SyncClient(store, offline, { actor: () => ({ id: `u-${role}`, name: role === 'admin-agent' ? 'Aiko' : 'Ben', role }), now: () => now });
  return client.mutate(name, args);
}
const ok = { ok: true };

/** A partner in Japan, a customer in Japan with a plan dated 2026-12-01 and one line of 20 seats. */
async function seeded(): Promise<MemoryClientStore> {
  const store = new MemoryClientStore('client-rules-2026');
  expect(await run(store, 'partner.update', { name: 'Fabrikam CSP', partnerTenantId: PARTNER, country: 'JP' })).toEqual(ok);
  expect(await run(store, 'customer.create', { id: 'c-1', name: 'Contoso', country: 'JP', channel: 'other-partner' })).toEqual(ok);
  expect(await run(store, 'plan.create', { id: 'p-1', customerId: 'c-1', asOf: '2026-12-01' })).toEqual(ok);
  expect(await run(store, 'planLine.add', { id: 'l-1', planId: 'p-1', sourceSkuId: 'ENTERPRISEPACK', targetSkuId: 'O365_E3_NO_TEAMS', quantity: 20 })).toEqual(ok);
  return store;
}
const row = <T extends 'customers' | 'planLines' | 'transfers' | 'findingAcks' | 'invitations'>(store: MemoryClientStore, table: T, id: string) =>
  store.rows(table).find((r) => r.id === id) as Tables[T] | undefined;

describe('customer facts (billing account, Microsoft Customer Agreement)', () => {
  it('record, change and clear them; a billing agent may not', async () => {
    const store = await seeded();
    expect(withDefaults('customers', row(store, 'customers', 'c-1')!)).toMatchObject({ billingAccount: 'unknown', agreement: null });
    expect(await run(store, 'customer.setBillingAccount', { id: 'c-1', billingAccount: 'mosa' })).toEqual(ok);
    expect(await run(store, 'customer.recordAgreement', { id: 'c-1', acceptedOn: '2026-12-01', attestedBy: 'Kenji Sato' })).toEqual(ok);
    expect(row(store, 'customers', 'c-1')).toMatchObject({ billingAccount: 'mosa', agreement: { acceptedOn: '2026-12-01', attestedBy: 'Kenji Sato' } });
    expect(store.rows('activity').at(-1)).toMatchObject({ code: 'customer.recordAgreement', params: { date: '2026-12-01', person: 'Kenji Sato' } });
    expect(inWords(store.rows('activity').at(-1))).toEqual({
      summary: 'Recorded that the customer accepted the Microsoft Customer Agreement on 2026-12-01 (attested by Kenji Sato)',
      summaryJa: '顧客が 2026-12-01 に Microsoft 顧客契約に同意したことを記録しました (証明者: Kenji Sato)',
    });
    const future = await run(store, 'customer.recordAgreement', { id: 'c-1', acceptedOn: '2026-12-24', attestedBy: 'Kenji Sato' });
    expect(future).toMatchObject({ ok: false, code: 'INVALID', reason: 'customer.agreementInFuture', params: { date: '2026-12-24' } });
    expect(said(future)).toEqual({ ok: false, code: 'INVALID', en: 'The acceptance date Dec 24, 2026 is in the future', ja: '同意日 2026年12月24日 が未来の日付です' });
    expect(await run(store, 'customer.clearAgreement', { id: 'c-1' })).toEqual(ok);
    expect(row(store, 'customers', 'c-1')?.agreement).toBeNull();
    const billing = await run(store, 'customer.setBillingAccount', { id: 'c-1', billingAccount: 'mca' }, 'billing-agent');
    expect(billing).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('terms of a planned order', () => {
  it('refuse a 3-year term under 100 seats on a plan dated after the rule, in both languages', async () => {
    const store = await seeded();
    const refused = await run(store, 'planLine.setTerm', { lineId: 'l-1', term: 'P3Y', billingFrequency: 'triennial' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID', reason: 'planLine.threeYearMinimum', params: { minimum: 100, asOf: '2026-12-01', quantity: 20 } });
    expect(said(refused)).toEqual({
      ok: false,
      code: 'INVALID',
      en: 'A 3-year term needs at least 100 licenses on the plan date (Dec 1, 2026); this line has 20. Choose an annual term or more licenses.',
      ja: '計画日 (2026年12月1日) 時点では 3 年契約に 100 ライセンス以上が必要です (この明細は 20 ライセンス)。年間契約にするか、ライセンス数を増やしてください。',
    });
    expect(withDefaults('planLines', row(store, 'planLines', 'l-1')!).term).toBe('P1Y');
    // Raising the seats first makes the 3-year term possible; lowering them again is refused the same way.
    expect(await run(store, 'planLine.setTarget', { lineId: 'l-1', targetSkuId: 'O365_E3_NO_TEAMS', quantity: 100 })).toEqual(ok);
    expect(await run(store, 'planLine.setTerm', { lineId: 'l-1', term: 'P3Y', billingFrequency: 'monthly' })).toEqual(ok);
    expect(row(store, 'planLines', 'l-1')).toMatchObject({ term: 'P3Y', billingFrequency: 'monthly', quantity: 100 });
    expect(await run(store, 'planLine.setTarget', { lineId: 'l-1', targetSkuId: 'O365_E3_NO_TEAMS', quantity: 99 })).toMatchObject({ ok: false, reason: 'planLine.threeYearMinimum', params: { minimum: 100 } });
    const add = await run(store, 'planLine.add', { id: 'l-2', planId: 'p-1', sourceSkuId: 'SPE_E3', targetSkuId: 'SPE_E3', quantity: 5, term: 'P3Y', billingFrequency: 'annual' });
    expect(add).toMatchObject({ ok: false, reason: 'planLine.threeYearMinimum', params: { minimum: 100, quantity: 5 }, message: expect.stringMatching(/^planLine\.add: /) });
    expect(row(store, 'planLines', 'l-2')).toBeUndefined();
  });

  it('allow a 3-year term under 100 seats on a plan dated before the rule, and refuse a billing frequency the term lacks', async () => {
    const store = await seeded();
    expect(await run(store, 'plan.create', { id: 'p-old', customerId: 'c-1', asOf: '2025-03-31' })).toEqual(ok);
    expect(await run(store, 'planLine.add', { id: 'l-old', planId: 'p-old', sourceSkuId: 'SPE_E3', targetSkuId: 'SPE_E3', quantity: 5, term: 'P3Y', billingFrequency: 'annual' })).toEqual(ok);
    const monthlyTriennial = await run(store, 'planLine.setTerm', { lineId: 'l-1', term: 'P1M', billingFrequency: 'annual' });
    expect(said(monthlyTriennial)).toEqual({ ok: false, code: 'INVALID', en: 'The term "Monthly term" cannot be "Billed annually"', ja: '月間契約は「毎年請求」にできません' });
  });

  it('keep a Teams pair as extra targets, without the first target twice, and record cancel-at-term-end', async () => {
    const store = await seeded();
    const pair = { lineId: 'l-1', targetSkuId: 'O365_E3_NO_TEAMS', quantity: 20, extraTargetSkuIds: ['Microsoft_Teams_EEA_New', 'O365_E3_NO_TEAMS'] };
    expect(await run(store, 'planLine.setTarget', pair)).toEqual(ok);
    expect(row(store, 'planLines', 'l-1')?.extraTargetSkuIds).toEqual(['Microsoft_Teams_EEA_New']);
    expect(store.rows('activity').at(-1)).toMatchObject({ code: 'planLine.setTargetTo', params: { products: ['O365_E3_NO_TEAMS', 'Microsoft_Teams_EEA_New'], quantity: 20 } });
    expect(words(store.rows('activity').at(-1), 'en')).toBe('Chose O365_E3_NO_TEAMS + Microsoft_Teams_EEA_New x 20 for a plan line');
    // A schema-2 client sends no extra targets: the pair stays.
    expect(await run(store, 'planLine.setTarget', { lineId: 'l-1', targetSkuId: 'O365_E3_NO_TEAMS', quantity: 21 })).toEqual(ok);
    expect(row(store, 'planLines', 'l-1')?.extraTargetSkuIds).toEqual(['Microsoft_Teams_EEA_New']);
    const tooMany = await run(store, 'planLine.setTarget', { ...pair, extraTargetSkuIds: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(tooMany).toMatchObject({ ok: false, code: 'INVALID', message: expect.stringContaining('extraTargetSkuIds') });
    expect(await run(store, 'planLine.setOldEndScheduled', { lineId: 'l-1', scheduledOn: '2026-12-04' })).toEqual(ok);
    expect(row(store, 'planLines', 'l-1')?.cancelAtTermEndScheduledOn).toBe('2026-12-04');
    expect(await run(store, 'planLine.setOldEndScheduled', { lineId: 'l-1', scheduledOn: null })).toEqual(ok);
    expect(row(store, 'planLines', 'l-1')?.cancelAtTermEndScheduledOn).toBeNull();
  });
});

describe('partner-to-partner transfers', () => {
  it('request at most 25 items, move through Partner Center order with who and when, never twice for one subscription', async () => {
    const store = await seeded();
    const keys = Array.from({ length: 26 }, (_, i) => `sub-${i}`);
    const over = await run(store, 'transfer.request', { id: 't-big', customerId: 'c-1', sourceKeys: keys }, 'sales-agent');
    expect(said(over)).toEqual({
      ok: false,
      code: 'INVALID',
      en: 'A transfer takes at most 25 line items; this one has 26: split it into several requests',
      ja: '1 回の移管で扱えるのは 25 品目までです (この依頼は 26 品目)。複数の依頼に分けてください',
    });
    expect(await run(store, 'transfer.request', { id: 't-1', customerId: 'c-1', lineIds: ['l-1'], sourceKeys: keys.slice(0, 25) }, 'sales-agent')).toEqual(ok);
    expect(row(store, 'transfers', 't-1')).toMatchObject({ status: 'requested', requested: { by: 'Ben', at: '2026-12-05T10:00:00.000Z' }, approved: null, lineIds: ['l-1'] });
    const twice = await run(store, 'transfer.request', { id: 't-2', customerId: 'c-1', sourceKeys: ['sub-3'] });
    expect(twice).toMatchObject({ ok: false, reason: 'transfer.subscriptionInOther', params: { subscription: 'sub-3', transfer: 't-1', status: 'requested' } });
    expect(said(twice)).toMatchObject({ en: 'The subscription sub-3 is already in the transfer t-1 ("Requested")' });
    expect(said(await run(store, 'transfer.setStatus', { id: 't-1', status: 'completed' }))).toMatchObject({
      ok: false,
      en: 'A transfer that is "Requested" cannot become "Completed"',
      ja: '「依頼済み」の移管を「完了」にはできません',
    });
    expect(await run(store, 'transfer.setStatus', { id: 't-1', status: 'approved' }, 'admin-agent', '2026-12-06T08:00:00.000Z')).toEqual(ok);
    expect(await run(store, 'transfer.setStatus', { id: 't-1', status: 'completed' }, 'sales-agent', '2026-12-07T08:00:00.000Z')).toEqual(ok);
    expect(row(store, 'transfers', 't-1')).toMatchObject({
      status: 'completed',
      approved: { by: 'Aiko', at: '2026-12-06T08:00:00.000Z' },
      completed: { by: 'Ben', at: '2026-12-07T08:00:00.000Z' },
      rejected: null,
    });
    expect(await run(store, 'transfer.request', { id: 't-3', customerId: 'c-1', sourceKeys: ['x'] }, 'billing-agent')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('acknowledged findings', () => {
  it('need a reason, record who and when, and can be withdrawn', async () => {
    const store = await seeded();
    const blank = await run(store, 'finding.acknowledge', { customerId: 'c-1', lineKey: 'l-1', code: 'service-loss', reason: '   ' });
    expect(said(blank)).toEqual({
      ok: false,
      code: 'INVALID',
      en: 'Say why this finding is accepted: a reason is required',
      ja: 'この指摘を受け入れる理由を入力してください (理由は必須です)',
    });
    expect(await run(store, 'finding.acknowledge', { customerId: 'c-1', lineKey: 'l-1', code: 'service-loss', reason: 'Nobody uses Yammer' }, 'sales-agent')).toEqual(ok);
    expect(row(store, 'findingAcks', 'c-1:l-1:service-loss')).toEqual({
      id: 'c-1:l-1:service-loss',
      customerId: 'c-1',
      lineKey: 'l-1',
      code: 'service-loss',
      reason: 'Nobody uses Yammer',
      by: 'Ben',
      at: '2026-12-05T10:00:00.000Z',
    });
    expect(await run(store, 'finding.acknowledge', { customerId: 'c-1', lineKey: 'l-1', code: 'service-loss', reason: 'x' }, 'billing-agent')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await run(store, 'finding.unacknowledge', { customerId: 'c-1', lineKey: 'l-1', code: 'service-loss' })).toEqual(ok);
    expect(row(store, 'findingAcks', 'c-1:l-1:service-loss')).toBeUndefined();
  });
});

describe('invitation.create under the GDAP-only rules', () => {
  const gdap = (over: Record<string, unknown> = {}) => ({ roles: [LICENSE_ADMIN], durationDays: 730, approvalLink: '', autoExtend: false, ...over });

  it('refuses a legacy DAP request, in words', async () => {
    const store = await seeded();
    expect(said(await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'dap', language: 'en' }))).toEqual({
      ok: false,
      code: 'INVALID',
      en: 'Legacy delegated admin (DAP) can no longer be requested: ask for a GDAP admin relationship instead',
      ja: '従来の委任された管理者特権 (DAP) は現在は依頼できません。代わりに GDAP 管理者関係を依頼してください',
    });
    expect(store.rows('invitations')).toEqual([]);
  });

  it('refuses a GDAP request over 730 days, and auto-extend with Global Administrator', async () => {
    const store = await seeded();
    expect(said(await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'gdap', gdap: gdap({ durationDays: 731 }), language: 'en' }))).toEqual({
      ok: false,
      code: 'INVALID',
      en: 'A GDAP admin relationship lasts from 1 to 730 days',
      ja: 'GDAP 管理者関係の期間は 1 日から 730 日までです',
    });
    const ga = await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'gdap', gdap: gdap({ roles: [GLOBAL_ADMINISTRATOR_ROLE_ID], autoExtend: true }), language: 'ja' });
    expect(said(ga)).toEqual({
      ok: false,
      code: 'INVALID',
      en: 'A GDAP request that includes Global Administrator cannot be extended automatically (by 180 days)',
      ja: 'グローバル管理者を含む GDAP の要求は自動延長 (180 日) できません',
    });
    expect(await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'gdap', gdap: gdap({ autoExtend: true }), language: 'en' })).toEqual(ok);
    expect(row(store, 'invitations', 'i-1')).toMatchObject({ delegatedAdmin: 'gdap', gdap: { durationDays: 730, autoExtend: true } });
    expect(row(store, 'invitations', 'i-1')?.link).toContain('DAP=false');
  });

  it("refuses a customer outside the partner's CSP region, or with no known country", async () => {
    const store = await seeded();
    expect(await run(store, 'customer.create', { id: 'c-us', name: 'Litware', country: 'US' })).toEqual(ok);
    expect(said(await run(store, 'invitation.create', { id: 'i-1', customerId: 'c-us', delegatedAdmin: 'none', language: 'en' }))).toMatchObject({
      ok: false,
      code: 'INVALID',
      en: expect.stringMatching(/^The customer Litware is in the CSP region .+, outside the partner's region .+$/),
      ja: expect.stringMatching(/^顧客「Litware」の CSP リージョン \(.+\) はパートナーのリージョン \(.+\) の外にあります$/),
    });
    expect(await run(store, 'customer.create', { id: 'c-none', name: 'Northwind', country: '' })).toEqual(ok);
    expect(said(await run(store, 'invitation.create', { id: 'i-2', customerId: 'c-none', delegatedAdmin: 'none', language: 'en' }))).toEqual({
      ok: false,
      code: 'INVALID',
      en: 'The customer Northwind has no country: the CSP region cannot be checked',
      ja: '顧客「Northwind」の国が未入力のため、CSP リージョンを確認できません',
    });
    expect(store.rows('invitations')).toEqual([]);
  });

  it('reads an invitation stored with DAP by an older version, whole, as needing GDAP; an unanswered GDAP request expires after 90 days', () => {
    const stored = { id: 'i-old', customerId: 'c-1', delegatedAdmin: 'dap', gdap: null, language: 'en', link: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=x&msppId=0&DAP=true#/BillingAccounts/partner-invitation', status: 'sent', sentAt: '2026-01-05T00:00:00.000Z', acceptedAt: null, remindedAt: [] };
    const parsed = Invitation.parse(stored);
    expect(parsed).toEqual(stored);
    expect(invitationState(parsed, '2026-12-05')).toBe('needs-gdap');
    const gdapInv = Invitation.parse({ ...stored, delegatedAdmin: 'gdap', gdap: { roles: [LICENSE_ADMIN], durationDays: 365, approvalLink: '' } });
    expect(withDefaults('invitations', gdapInv).gdap?.autoExtend).toBe(false);
    expect(invitationState({ ...gdapInv, sentAt: '2026-09-06T09:00:00.000Z' }, '2026-12-04')).toBe('sent');
    expect(invitationState({ ...gdapInv, sentAt: '2026-09-06T09:00:00.000Z' }, '2026-12-05')).toBe('gdap-expired');
    expect(invitationState({ ...gdapInv, status: 'accepted', sentAt: '2026-01-01T00:00:00.000Z' }, '2026-12-05')).toBe('accepted');
  });
});
