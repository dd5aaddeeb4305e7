import { describe, expect, it } from 'vitest';
import { createI18n, resolveLanguage, resources, type Messages } from './index';

/** Values that are the same in Japanese on purpose: names and addresses, not words to translate. */
const sameInBothLanguages = new Set([
  'CSP Migration Workspace',
  '{{page}} – CSP Migration Workspace',
  'English',
  '日本語',
  // An encoding's name (Japanese names the others' byte order, not this one's).
  'UTF-8',
  // A product code, counted: Japanese has no plural and says SKU too.
  '{{n}} SKU',
]);

function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const en = flatten(resources.en.translation);
const ja = flatten(resources.ja.translation);

/** The text of the first argument of every t( call (or emailT(, a fixed-language t): up to its top-level comma or closing parenthesis. */
function firstArguments(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\b(?:t|[a-zA-Z]*[a-z]T)\(/g)) {
    let depth = 0;
    let quote: string | null = null;
    let i = m.index + m[0].length;
    for (; i < source.length; i++) {
      const c = source[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    out.push(source.slice(m.index + m[0].length, i));
  }
  return out;
}

describe('translations', () => {
  it('have exactly the same keys in English and Japanese', () => {
    expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.size).toBeGreaterThan(50);
  });

  it('have no empty values', () => {
    for (const [key, value] of [...en, ...ja]) expect(value.trim(), key).not.toBe('');
  });

  it('translate every English value unless it is meant to stay the same', () => {
    const untranslated = [...en].filter(([key, value]) => ja.get(key) === value && !sameInBothLanguages.has(value));
    expect(untranslated).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of en) expect(placeholders(ja.get(key) ?? ''), key).toEqual(placeholders(value));
  });

  it('have every key the renderer asks for, and no key it never asks for', () => {
    // Every renderer source file as text (Vite's glob import: no Node built-ins in the renderer layer),
    // the engine's, which words findings, regions, rules and counted nouns with the shared catalogs
    // (shared/words), the plan command's, which words its report with them (cli.*), and the importers',
    // which word their refusals with them (importError.*).
    const sources = import.meta.glob<string>(['../../**/*.{ts,tsx}', '../../../shared/domain/*.ts', '../../../shared/import/*.ts', '../../../cli/*.ts', '!../../**/*.test.{ts,tsx}', '!../../../shared/domain/*.test.ts', '!../../../shared/import/*.test.ts', '!../../../cli/*.test.ts', '!../../vite.config.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources)).toContain('../../features/settings/SettingsPage.tsx');
    expect(Object.keys(sources)).toContain('../../../shared/domain/messages.ts');
    expect(Object.keys(sources)).toContain('../../../cli/planOutput.ts');
    expect(Object.keys(sources)).toContain('../../../shared/import/problemWords.ts');
    const used = new Set<string>();
    for (const source of Object.values(sources)) {
      // Every key is a literal in t()'s first argument (eslint/i18nKeys.js): a string, or the
      // branches of a conditional between strings.
      for (const argument of firstArguments(source)) {
        for (const m of argument.matchAll(/'([a-zA-Z][a-zA-Z0-9_-]*(?:\.[a-zA-Z0-9_-]+)+)'/g)) used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((key) => !en.has(key))).toEqual([]);
    // Keys once built from codes are seen now that every key is literal.
    expect([...used]).toEqual(expect.arrayContaining(['customers.stage.not-started', 'sync.phase.signed-out', 'graphRead.errors.GRAPH_FORBIDDEN', 'activity.customer.create', 'finding.SEAT_SHORTFALL.text', 'region.japan', 'rule.seats', 'count.planLine.other', 'cli.channel.other-partner', 'importError.place.row', 'importError.NOT_A_GUID']));
    expect([...en.keys()].filter((key) => !used.has(key))).toEqual([]);
  });
});

describe('language', () => {
  it('follows the setting, or the computer for "system"', () => {
    expect(resolveLanguage('ja', ['en-US'])).toBe('ja');
    expect(resolveLanguage('en', ['ja-JP'])).toBe('en');
    expect(resolveLanguage('system', ['ja-JP', 'en-US'])).toBe('ja');
    expect(resolveLanguage('system', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });

  it('translates at once, with no network and no waiting', () => {
    const i18n = createI18n('ja');
    expect(i18n.t('nav.settings')).toBe('設定');
    expect(i18n.t('settings.updates.state.upToDate', { version: '1.0.0' })).toBe('最新バージョン (1.0.0) を使用しています。');
  });
});
