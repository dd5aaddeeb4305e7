import { describe, expect, it } from 'vitest';
import { createI18n, resolveLanguage, resources, type Messages } from './index';

/** Values that are the same in Japanese on purpose: names and addresses, not words to translate. */
const sameInBothLanguages = new Set([
  'CSP Migration Workspace',
  '{{page}} – CSP Migration Workspace',
  'English',
  '日本語',
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

  it('have every key the renderer asks for', () => {
    // Every renderer source file as text (Vite's glob import: no Node built-ins in the renderer layer).
    const sources = import.meta.glob<string>(['../../**/*.{ts,tsx}', '!../../**/*.test.{ts,tsx}', '!../../vite.config.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources)).toContain('../../features/settings/SettingsPage.tsx');
    const used = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const m of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of source.matchAll(/(?:labelKey|purposeKey)[:=]\s*["']([a-zA-Z0-9_.]+)["']/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((key) => !en.has(key))).toEqual([]);
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
