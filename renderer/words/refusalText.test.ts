import { describe, expect, it } from 'vitest';
import { REFUSAL_REASONS, refusalFields } from '../../shared/mutators/refusalCodes';
import { inBothLanguages, refusalWords } from '../../test/support/refusalWords';

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Parameters every reason's words can take: each reason reads the ones it needs. */
const SAMPLE = {
  mutation: 'customer.update',
  path: 'name',
  permission: 'customer.edit',
  role: 'billing-agent',
  id: 'c-1',
  table: 'customers',
  schema: 6,
  importId: 'imp-1',
  got: 2,
  expected: 3,
  kind: 'users',
  problems: ['no-roles', 'duration-out-of-range', 'auto-extend-with-global-admin'],
  maxDays: 730,
  autoExtendDays: 180,
  customer: 'Contoso',
  country: 'ZZ',
  customerRegion: 'europe',
  partnerRegion: 'japan',
  status: 'sent',
  tenantId: 'a-tenant',
  date: '2030-01-01',
  sku: 'SKU-1',
  term: 'P3Y',
  billing: 'monthly',
  minimum: 100,
  asOf: '2026-12-01',
  quantity: 20,
  max: 25,
  count: 26,
  lineId: 'l-1',
  subscription: 'sub-1',
  transfer: 't-1',
  from: 'completed',
  to: 'requested',
};

describe('refusals in words', () => {
  it('word every reason in English and in Japanese, differently, with no key or placeholder left', () => {
    for (const reason of REFUSAL_REASONS) {
      const { en, ja } = inBothLanguages(refusalFields(reason, SAMPLE));
      expect(en, reason).not.toMatch(/refusal\.|offerMatching\.|\{\{/);
      expect(ja, reason).not.toMatch(/refusal\.|offerMatching\.|\{\{/);
      expect(en.length, reason).toBeGreaterThan(5);
      expect(ja, reason).toMatch(japanese);
      expect(en, reason).not.toMatch(japanese);
      // Never the developer detail: a person reads a sentence, not the code.
      expect(en, reason).not.toContain(reason);
    }
  });

  it('word the codes in the parameters in the reader\'s language: roles, permissions, statuses, terms, regions, dates', () => {
    expect(inBothLanguages(refusalFields('permission.missing', { mutation: 'customer.update', permission: 'customer.edit', role: 'billing-agent' }))).toEqual({
      en: 'You are signed in as a Billing agent, who cannot edit customers',
      ja: '現在のロール (課金エージェント) では顧客を編集することはできません',
    });
    expect(inBothLanguages(refusalFields('invitation.notDraft', { status: 'sent' }))).toEqual({
      en: 'The invitation is "Sent", not a draft',
      ja: 'この招待は下書きではありません (状態: 送信済み)',
    });
    expect(inBothLanguages(refusalFields('planLine.termBilling', { term: 'P1M', billing: 'triennial' }))).toEqual({
      en: 'The term "Monthly term" cannot be "Billed once for 3 years"',
      ja: '月間契約は「3 年分を一括請求」にできません',
    });
    expect(refusalWords(refusalFields('planLine.threeYearMinimum', { minimum: 1000, asOf: '2026-12-01', quantity: 20 }), 'en')).toBe(
      'A 3-year term needs at least 1,000 licenses on the plan date (Dec 1, 2026); this line has 20. Choose an annual term or more licenses.',
    );
    expect(refusalWords(refusalFields('invitation.gdapProblems', { problems: ['no-roles', 'duration-out-of-range'], maxDays: 730, autoExtendDays: 180 }), 'ja')).toBe(
      'GDAP の要求には Microsoft Entra ロールが 1 つ以上必要です。GDAP 管理者関係の期間は 1 日から 730 日までです',
    );
    // A code a newer app wrote into a parameter is shown as it is, not dropped.
    expect(refusalWords(refusalFields('transfer.statusChange', { from: 'some-new-status', to: 'requested' }), 'en')).toBe('A transfer that is "some-new-status" cannot become "Requested"');
  });

  it('say which change of a batch was refused', () => {
    const refusal = { ...refusalFields('customer.exists', { id: 'c-2' }), index: 1, of: 3 };
    expect(inBothLanguages(refusal)).toEqual({ en: 'Change 2 of 3: Customer c-2 already exists', ja: '変更 2/3: 顧客 c-2 は既に存在します' });
  });

  it('show refusals stored before reasons existed as they were stored: English, or Japanese where they have it', () => {
    const old = { code: 'INVALID', message: 'invitation.markSent: the invitation is sent, not a draft', messageJa: 'invitation.markSent: この招待は下書きではありません (状態: 送信済み)' };
    expect(inBothLanguages(old)).toEqual({ en: old.message, ja: old.messageJa });
    expect(inBothLanguages({ code: 'INVALID', message: 'no such change' })).toEqual({ en: 'no such change', ja: 'no such change' });
    // A reason this app does not know (a newer server's) shows the detail it came with.
    expect(refusalWords({ code: 'INVALID', reason: 'customer.somethingNew', params: {}, message: 'customer.update: customer.somethingNew' }, 'ja')).toBe('customer.update: customer.somethingNew');
  });
});
