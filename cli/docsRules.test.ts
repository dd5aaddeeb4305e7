import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../shared/domain/rules';
import { RULES_DOC, rulesMarkdown } from './docsRules';

describe('docs/rules.md', () => {
  it('is what `npm run docs:rules` generates from the table of rules (run it after changing a rule)', () => {
    expect(readFileSync(RULES_DOC, 'utf8')).toBe(rulesMarkdown());
  });

  it('lists every rule with its date and source', () => {
    const md = rulesMarkdown();
    for (const r of RULES) expect(md).toContain(`| \`${r.id}\` | ${r.since} |`);
    expect(md).toContain('2026-05-04 (replaced by `extended-service-term`)');
    expect(md).toContain('Findings: `EXPIRY_DEADLINE`, `CANCEL_NO_REFUND`, `END_OF_TERM_EST`.');
  });
});
