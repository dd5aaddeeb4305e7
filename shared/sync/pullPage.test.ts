import { describe, expect, it } from 'vitest';
import { PullResponse } from './protocol';
import { isPlainPullResponse, pullPage } from './pullPage';

const change = (over: Record<string, unknown> = {}) => ({ table: 'customers', id: 'c-1', version: 3, data: { id: 'c-1', name: 'Contoso', tags: ['a'] }, ...over });
const page = (over: Record<string, unknown> = {}) => ({ cursor: 7, lastMutationId: 0, changes: [change(), change({ id: 'c-2', data: null })], reset: false, more: true, ...over });

/** What zod says of the body, and what pullPage says: the same verdict, and the same value when valid. */
function verdicts(body: unknown) {
  const zod = PullResponse.safeParse(body);
  let ours: { ok: true; value: unknown } | { ok: false };
  try {
    ours = { ok: true, value: pullPage.parse(body) };
  } catch {
    ours = { ok: false };
  }
  return { zod, ours };
}

describe('pullPage', () => {
  it('hands a valid page on as it is, without a copy', () => {
    const body = JSON.parse(JSON.stringify(page())) as unknown;
    expect(isPlainPullResponse(body)).toBe(true);
    expect(pullPage.parse(body)).toBe(body);
    expect(pullPage.parse(body)).toEqual(PullResponse.parse(body));
  });

  const cases: [string, unknown][] = [
    ['a valid page', page()],
    ['an empty page', page({ changes: [], more: false })],
    ['a page with an unknown key', { ...page(), extra: 1 }],
    ['a page without `more`', (({ more: _m, ...rest }) => rest)(page())],
    ['a negative cursor', page({ cursor: -1 })],
    ['a fractional cursor', page({ cursor: 1.5 })],
    ['a cursor as text', page({ cursor: '7' })],
    ['reset as a number', page({ reset: 0 })],
    ['changes as an object', page({ changes: {} })],
    ['an unknown table', page({ changes: [change({ table: 'nope' })] })],
    ['a version of 0', page({ changes: [change({ version: 0 })] })],
    ['an id as a number', page({ changes: [change({ id: 1 })] })],
    ['a change with an unknown key', page({ changes: [{ ...change(), extra: true }] })],
    ['a change without data', page({ changes: [(({ data: _d, ...rest }) => rest)(change())] })],
    ['data as an array', page({ changes: [change({ data: [1, 2] })] })],
    ['data as text', page({ changes: [change({ data: 'row' })] })],
    ['a change that is null', page({ changes: [null] })],
    ['data with a "__proto__" key', JSON.parse(`{"cursor":1,"lastMutationId":0,"reset":false,"more":false,"changes":[{"table":"customers","id":"c","version":1,"data":{"__proto__":{"x":1},"id":"c"}}]}`)],
    ['null', null],
    ['an array', [page()]],
  ];
  it.each(cases)('judges %s as zod does', (_name, body) => {
    const { zod, ours } = verdicts(body);
    expect(ours.ok).toBe(zod.success);
    if (ours.ok && zod.success) expect(ours.value).toEqual(zod.data);
  });
});
