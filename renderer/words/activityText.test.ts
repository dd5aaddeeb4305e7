import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ACTIVITY_CODES, activity } from '../../shared/mutators/activityCodes';
import { Activity } from '../../shared/workspace/tables';
import { inWords, words } from '../../test/support/activityWords';

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('activity entries in words', () => {
  it('word every code in English and in Japanese, differently, with no key left unresolved', () => {
    for (const code of ACTIVITY_CODES) {
      const { summary: en, summaryJa: ja } = inWords({ ...activity(code, { count: 2, quantity: 3, files: ['a.csv'], changes: ['users 2 1 0 0'] }), summary: code });
      expect(en, code).not.toMatch(/activity\.|\{\{/);
      expect(ja, code).not.toMatch(/activity\.|\{\{/);
      expect(ja, code).toMatch(japanese);
      expect(en, code).not.toMatch(japanese);
    }
  });

  it('word the codes of words in the parameters in the reader\'s language: stages, terms, statuses, fields', () => {
    expect(inWords({ ...activity('planLine.addFor', { products: ['Office 365 E3', ''], quantity: 1, term: 'P1Y', billing: 'monthly' }), summary: '' })).toEqual({
      summary: 'Added a plan line for Office 365 E3 + a product not in the catalog (1 license, Annual term (1 year), Billed monthly)',
      summaryJa: 'Office 365 E3 + カタログにない製品 の計画明細を追加しました (ライセンス 1 個、年間契約 (1 年)、毎月請求)',
    });
    expect(inWords({ ...activity('transfer.setStatus', { status: 'approved' }), summary: '' })).toEqual({
      summary: 'Marked the partner-to-partner transfer as "Approved by the current partner"',
      summaryJa: 'パートナー間移管を「現在のパートナーが承認済み」にしました',
    });
    expect(words({ ...activity('customer.setBillingAccount', { account: 'mca' }), summary: '' }, 'ja')).toBe('顧客の課金アカウントを記録しました: Microsoft 顧客契約 (MCA)');
    // A code a newer app wrote into a parameter is shown as it is, not dropped.
    expect(words({ ...activity('customer.setStage', { stage: 'some-new-stage' }), summary: '' }, 'en')).toBe('Moved the customer to the stage "some-new-stage"');
  });

  it('show rows written before codes as they were stored: English, or Japanese where the row has it', () => {
    const old = { summary: 'Created customer Contoso', summaryJa: '顧客「Contoso」を作成しました' };
    expect(inWords(old)).toEqual(old);
    expect(inWords({ summary: 'Created customer Contoso' })).toEqual({ summary: 'Created customer Contoso', summaryJa: 'Created customer Contoso' });
    // A code this app does not know (a newer app's) falls back to the stored text too.
    expect(words({ code: 'customer.somethingNew', params: {}, summary: 'customer.somethingNew' }, 'en')).toBe('customer.somethingNew');
  });

  it('read the activity rows of every older database fixture, each row parsing and worded from its stored text', () => {
    let seen = 0;
    for (const version of ['v1', 'v2', 'v3', 'v4']) {
      const fixture = JSON.parse(readFileSync(new URL(`../db/fixtures/${version}.json`, import.meta.url), 'utf8')) as { tables: Record<string, Record<string, unknown>[]> };
      for (const row of fixture.tables.activity ?? []) {
        const { _v: _version, ...stored } = row;
        const parsed = Activity.parse(stored);
        expect(parsed.code).toBeUndefined();
        expect(words(parsed, 'en')).toBe(parsed.summary);
        expect(words(parsed, 'ja')).toBe(parsed.summaryJa || parsed.summary);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});
