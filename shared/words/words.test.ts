import { describe, expect, it } from 'vitest';
import { WORDS, wordsIn } from './index';

describe('the shared words', () => {
  it('fill each placeholder from the params, once, and keep a value that looks like one', () => {
    const t = wordsIn('en');
    expect(t('finding.SEAT_COUNT_CHANGED.text', { sku: 'E3', quantity: '5', targetQuantity: '{{sku}}' })).toBe('E3: the number of licenses changes from 5 to {{sku}}.');
    expect(wordsIn('ja')('region.japan')).toBe('日本');
    expect(t('rule.seats')).toBe('Buy at least as many seats as are in use');
    // A replacement pattern in a value is the value itself, not a pattern.
    expect(t('finding.UNKNOWN_SKU.text', { sku: '$&' })).toMatch(/^\$& is not in the licensing catalog/);
  });

  it('answer a key the catalog lacks with the key, as i18next does', () => {
    expect(wordsIn('en')('finding.NO_SUCH_CODE.text')).toBe('finding.NO_SUCH_CODE.text');
  });

  it('have the sections both sides read, in both languages', () => {
    for (const lang of ['en', 'ja'] as const) expect(Object.keys(WORDS[lang]).sort()).toEqual(['cli', 'count', 'encoding', 'finding', 'importError', 'importKind', 'region', 'rule']);
  });
});
