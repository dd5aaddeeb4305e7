// DOMAIN.md "The rules in force now", rule 1: since the Extended Service Term, "turn auto-renew off
// and let it expire" bills a new-commerce subscription from another partner month to month. The
// wizard's own words stay neutral and point to the line's findings, which apply the rule in force.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const words = (lang: 'en' | 'ja') => readFileSync(path.join(import.meta.dirname, 'i18n', `${lang}.json`), 'utf8');

describe("the offer-matching wizard's own words", () => {
  it('give no end-of-term advice that is wrong under the Extended Service Term (English)', () => {
    expect(words('en')).not.toMatch(/let it expire|auto-renew off|turn auto-renew|cancelling gives no refund|30-day expired window/i);
  });

  it('give no end-of-term advice that is wrong under the Extended Service Term (Japanese)', () => {
    expect(words('ja')).not.toMatch(/期限切れを待って|自動更新をオフ|30 日間の期限切れ期間の最終日/);
  });
});
