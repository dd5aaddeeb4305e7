// The text rule both sides apply before a change is stored: where the bad string is, in words.
import { describe, expect, it } from 'vitest';
import { markTextChecked } from '../mutators/checkedText';
import { tenantImportChanges } from '../mutators/imports';
import { findBadText, isStorableText } from './text';

describe('storable text', () => {
  it('takes any Unicode text, emoji (surrogate pairs) and Japanese included', () => {
    for (const s of ['', 'Contoso', '日本語の顧客', '👩‍💼 Aiko', 'a\ud83d\ude00b']) expect(isStorableText(s)).toBe(true);
  });

  it('refuses NUL and lone surrogates, high or low, anywhere', () => {
    for (const s of ['a\u0000b', '\ud800', 'x\ud83d', '\ude00y', 'ok\udc00\ud800']) expect(isStorableText(s)).toBe(false);
  });

  it('names the path of a bad value, a bad key, and one deep in arrays', () => {
    expect(findBadText({ name: 'ok', notes: 'a\u0000' }, 'args')).toEqual({ path: 'args.notes', keys: ['notes'] });
    expect(findBadText({ rows: [{ id: 'u1' }, { id: 'u2', licenses: [{ skuId: '\ud800' }] }] })).toEqual({
      path: 'rows[1].licenses[0].skuId',
      keys: ['rows', 1, 'licenses', 0, 'skuId'],
    });
    expect(findBadText({ ok: { 'bad\u0000key': 1 } }, 'mutations[2].args')).toEqual({ path: 'mutations[2].args.ok["bad\\u0000key"]', keys: ['ok', 'bad\u0000key'] });
    expect(findBadText('\udc00', 'x')).toEqual({ path: 'x', keys: [] });
    expect(findBadText({ a: [1, null, true, { b: 'fine' }] })).toBeNull();
    // Emoji (surrogate pairs) make the quick pass look closer; they are still good text.
    expect(findBadText({ rows: [{ name: '👩‍💼 Aiko', tags: ['a\ud83d\ude00b'] }] })).toBeNull();
    expect(findBadText({ rows: [{ name: '👩‍💼 Aiko' }, { name: 'x\ud83d' }] })?.path).toBe('rows[1].name');
  });

  it('walks a hostile, deeply nested body without exhausting the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const found = findBadText({ deep });
    expect(found?.keys).toHaveLength(200_001);
    expect(found?.keys[0]).toBe('deep');
  });

  it("skips an import's chunks tested when they were measured, and still finds a bad string in any other", () => {
    const users = (bad: number) =>
      Array.from({ length: 2500 }, (_, i) => ({ id: `u${i}`, userPrincipalName: i === bad ? 'ann\u0000@contoso.com' : `u${i}@contoso.com`, licenses: [] }));
    const inventory = (list: ReturnType<typeof users>) => ({ countryLetterCode: null, skus: [], subscriptions: null, users: list });
    const clean = tenantImportChanges(inventory(users(-1)), { importId: 'imp', customerId: 'c', files: [] });
    for (const c of clean) expect(findBadText(c.args, 'args')).toBeNull();
    // The chunk holding the bad name is not marked: the walk names it as it always did.
    const bad = tenantImportChanges(inventory(users(1500)), { importId: 'imp', customerId: 'c', files: [] });
    expect(bad.map((c) => findBadText(c.args, 'args')?.path ?? null)).toEqual([null, 'args.rows[500].userPrincipalName', null, null]);
    // A mark covers only the array marked.
    const rows = [{ name: 'ok' }];
    markTextChecked(rows);
    expect(findBadText({ rows, other: ['\ud800'] })?.path).toBe('other[0]');
  });
});
