import { describe, expect, it } from 'vitest';
import { Activity } from '../../shared/workspace/tables';
import { inLanguage } from './bilingual';

const row = {
  id: 'act:client:1',
  at: '2026-11-24T10:00:00.000Z',
  actor: 'Aiko',
  role: 'admin-agent',
  mutation: 'customer.create',
  customerId: 'c-1',
  summary: 'Created customer Contoso',
};

describe('texts in two languages', () => {
  it('parse activity rows written before summaryJa existed, and rows with it', () => {
    expect(Activity.parse(row).summaryJa).toBeUndefined();
    expect(Activity.parse({ ...row, summaryJa: '顧客「Contoso」を作成しました' }).summaryJa).toBe('顧客「Contoso」を作成しました');
  });

  it('show the Japanese text in the Japanese UI, else (or when there is none) the English one', () => {
    const both = { en: 'Created customer Contoso', ja: '顧客「Contoso」を作成しました' };
    expect(inLanguage(both, 'ja')).toBe(both.ja);
    expect(inLanguage(both, 'en')).toBe(both.en);
    expect(inLanguage({ en: row.summary, ja: undefined }, 'ja')).toBe(row.summary);
    expect(inLanguage({ en: row.summary, ja: '' }, 'ja')).toBe(row.summary);
  });
});
