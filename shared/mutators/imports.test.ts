// Imports as mutations, run by the real sync client (all chunks + commit in one transaction) and
// re-run by the in-memory server, as the app and the team's server do.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inWords, words } from '../../test/support/activityWords';
import type { Actor } from './define';
import type { Role } from '../domain/roles';
import type { TenantUser } from '../domain/tenant';
import { SyncClient } from '../sync/client';
import { MemoryClientStore } from '../sync/memoryClientStore';
import { MemorySyncServer } from '../sync/memoryServer';
import { catalogImportChanges, chunkRows, jsonLength, sameData, tenantImportChanges } from './imports';
import { isTextChecked } from './checkedText';
import { refusalWords } from '../../test/support/refusalWords';
import { e3Inventory, guid, SKU_E3 } from '../../test/support/tenantInventory';
import { memoryTransport } from '../../test/support/memoryTransport';

const SKU_E1 = '18181a46-0d4e-45cd-891e-60aabd171b4e';

function user(n: number, sku = SKU_E3): TenantUser {
  return { id: guid(n), userPrincipalName: `user${n}@contoso.com`, licenses: [{ skuId: sku, disabledPlans: [], assignedByGroups: [], direct: true }] };
}

async function setUp(role: Role = 'admin-agent') {
  const server = new MemorySyncServer(100_000);
  const actor: Actor = { id: 'u-aiko', name: 'Aiko', role };
  const admin: Actor = { id: 'u-admin', name: 'Root', role: 'admin-agent' };
  const store = new MemoryClientStore('client-aiko-0001');
  const client = new SyncClient(store, memoryTransport(server, actor, '2026-11-24T12:00:00.000Z'), { actor: () => actor, now: () => '2026-11-24T09:00:00.000Z' });
  // The customer is created by an admin agent on the same client store (role only matters per change).
  const setup = new SyncClient(store, memoryTransport(server, admin, '2026-11-24T12:00:00.000Z'), { actor: () => admin, now: () => '2026-11-24T09:00:00.000Z' });
  expect(await setup.mutate('customer.create', { id: 'c-1', name: 'Contoso', country: '' })).toEqual({ ok: true });
  return { server, store, client };
}

type StoredUser = { userId: string; importId: string; customerId: string; licenses: unknown };

/** Every stored user, from the chunk records (one per ~1,000 users) the import writes. */
function storedUsers(source: { rows: (table: 'tenantUserChunks') => Record<string, unknown>[] }): StoredUser[] {
  return source.rows('tenantUserChunks').flatMap((c) =>
    (c.users as { id: string; licenses: unknown }[]).map((u) => ({ userId: u.id, licenses: u.licenses, importId: c.importId as string, customerId: c.customerId as string })),
  );
}

/** What a reader sees: the rows of the customer's current import only. */
function visibleUsers(store: MemoryClientStore, customerId = 'c-1') {
  const customer = store.rows('customers').find((c) => c.id === customerId) as unknown as { tenantImportId: string | null };
  return storedUsers(store).filter((u) => u.customerId === customerId && u.importId === customer.tenantImportId);
}

describe('tenant import mutations', () => {
  it('store a whole import in one transaction: chunks are quiet, the commit writes one activity entry and sets the country', async () => {
    const { store, client, server } = await setUp();
    const users = Array.from({ length: 2500 }, (_, i) => user(i + 1));
    const changes = tenantImportChanges(e3Inventory(users), { importId: 'imp-1', customerId: 'c-1', files: ['users.json', 'subscribedSkus.json'] });
    expect(changes.filter((c) => c.name === 'tenant.importChunk')).toHaveLength(5); // 1 sku + 1 subscription + 3 user chunks
    const progress: number[] = [];
    expect(await client.mutateMany(changes, (n) => progress.push(n))).toEqual({ ok: true });
    expect(progress.at(-1)).toBe(changes.length);
    expect(visibleUsers(store)).toHaveLength(2500);
    // Stored as the chunks themselves: 3 records for 2,500 users, in import order.
    expect(store.rows('tenantUserChunks').map((c) => [c.offset, (c.users as unknown[]).length])).toEqual([[0, 1000], [1000, 1000], [2000, 500]]);
    expect(store.rows('tenantUsers')).toHaveLength(0);
    // The subscription was bought from Microsoft (no owner tenant): the customer's channel says so.
    expect(store.rows('customers')[0]).toMatchObject({ tenantImportId: 'imp-1', country: 'JP', channel: 'direct' });
    const activity = store.rows('activity').filter((a) => a.mutation !== 'customer.create');
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({
      mutation: 'tenant.importCommit',
      customerId: 'c-1',
      code: 'tenant.imported',
      params: { files: ['users.json', 'subscribedSkus.json'], changes: ['skus 1 1 0 0', 'subscriptions 1 1 0 0', 'users 2500 2500 0 0'], filled: ['country', 'channel'] },
    });
    expect(inWords(activity[0])).toEqual({
      summary: 'Imported tenant exports (users.json, subscribedSkus.json): 1 SKU (1 added, 0 updated, 0 removed); 1 subscription (1 added, 0 updated, 0 removed); 2,500 users (2,500 added, 0 updated, 0 removed). Filled from the import: Country, Bought through',
      summaryJa:
        'テナントのエクスポートをインポートしました (users.json, subscribedSkus.json): SKU 1 件 (追加 1、更新 0、削除 0)、サブスクリプション 1 件 (追加 1、更新 0、削除 0)、ユーザー 2,500 人 (追加 2,500、更新 0、削除 0)。インポートから入力しました: 国、現在の購入経路',
    });
    // One outbox row per chunk and one for the commit, not one per user.
    expect(await client.pendingCount()).toBe(changes.length + 1);

    // The server re-runs the same mutations and ends with the same rows.
    await client.sync();
    expect(storedUsers(server)).toHaveLength(2500);
    // The server computes the same entry when it re-runs the commit.
    const serverEntry = server.rows('activity').find((a) => a.mutation === 'tenant.importCommit');
    expect(serverEntry).toMatchObject({ code: activity[0]?.code, params: activity[0]?.params });
    expect(server.rows('imports')[0]).toMatchObject({ id: 'imp-1', status: 'committed', counts: { users: 2500 }, changes: { users: { added: 2500 } } });
    expect(await client.pendingCount()).toBe(0);
  });

  it('re-import the same tenant: replaces the inventory, says what changed, deletes the older rows at commit', async () => {
    const { store, client, server } = await setUp();
    const first = [user(1), user(2), user(3)];
    await expect(client.mutateMany(tenantImportChanges(e3Inventory(first), { importId: 'imp-1', customerId: 'c-1', files: ['u.json'] }))).resolves.toEqual({ ok: true });
    await client.sync();
    // user 1 unchanged, user 2 changed license, user 3 gone, user 4 new
    const second = [user(1), user(2, SKU_E1), user(4)];
    await expect(client.mutateMany(tenantImportChanges(e3Inventory(second), { importId: 'imp-2', customerId: 'c-1', files: ['u2.json'] }))).resolves.toEqual({ ok: true });
    const visible = visibleUsers(store);
    expect(visible.map((u) => u.userId).sort()).toEqual([guid(1), guid(2), guid(4)]);
    expect(visible.find((u) => u.userId === guid(2))?.licenses).toMatchObject([{ skuId: SKU_E1 }]);
    // The older import's rows are gone, not hidden.
    expect(storedUsers(store)).toHaveLength(3);
    expect(storedUsers(store).every((u) => u.importId === 'imp-2')).toBe(true);
    const commit = store.rows('activity').find((a) => a.mutation === 'tenant.importCommit' && words(a, 'en').includes('u2.json'));
    expect(words(commit, 'en')).toContain('3 users (1 added, 1 updated, 1 removed)');
    expect(words(commit, 'en')).toContain('1 SKU (0 added, 0 updated, 0 removed)'); // same seats, same plans
    expect(words(commit, 'ja')).toContain('ユーザー 3 人 (追加 1、更新 1、削除 1)');
    expect(words(commit, 'ja')).toContain('SKU 1 件 (追加 0、更新 0、削除 0)');
    await client.sync();
    expect(storedUsers(server).map((u) => u.userId).sort()).toEqual([guid(1), guid(2), guid(4)]);
    const serverImport = server.rows('imports').find((i) => i.id === 'imp-2');
    expect(serverImport).toMatchObject({ changes: { users: { added: 1, updated: 1, removed: 1 } } });
  });

  it('keep an import all or nothing: a bad row anywhere leaves nothing, and says where', async () => {
    const { store, client } = await setUp();
    const users = Array.from({ length: 1500 }, (_, i) => user(i + 1));
    const changes = tenantImportChanges(e3Inventory(users), { importId: 'imp-1', customerId: 'c-1', files: ['u.json'] });
    const broken = structuredClone(changes);
    const lastChunk = broken.filter((c) => c.name === 'tenant.importChunk').at(-1)!.args as { rows: { userPrincipalName: unknown }[] };
    lastChunk.rows[10]!.userPrincipalName = 42;
    const before = await client.pendingCount();
    const outcome = await client.mutateMany(broken);
    expect(outcome).toMatchObject({ ok: false, code: 'INVALID' });
    expect(outcome).toMatchObject({ index: 3, of: 5, reason: 'args.invalid', params: { mutation: 'tenant.importChunk', path: 'rows.10.userPrincipalName' } });
    expect(outcome.ok ? '' : outcome.message).toMatch(/^change 4 of 5: tenant\.importChunk: /);
    expect(refusalWords(outcome, 'en')).toBe('Change 4 of 5: A value of this change is not valid (rows.10.userPrincipalName)');
    expect(store.rows('tenantUserChunks')).toHaveLength(0);
    expect(store.rows('imports')).toHaveLength(0);
    expect(await client.pendingCount()).toBe(before);
  });

  it('refuse a role without tenant.import, and write nothing', async () => {
    const { store, client } = await setUp('billing-agent');
    const outcome = await client.mutateMany(tenantImportChanges(e3Inventory([user(1)]), { importId: 'imp-1', customerId: 'c-1', files: [] }));
    expect(outcome).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(outcome).toMatchObject({ reason: 'permission.missing', params: { permission: 'tenant.import' } });
    expect(store.rows('tenantSkus')).toHaveLength(0);
  });

  it('leave an import that never committed invisible, refuse a commit that lacks rows, and discard it on request', async () => {
    const { store, client, server } = await setUp();
    await client.mutateMany(tenantImportChanges(e3Inventory([user(1)]), { importId: 'imp-1', customerId: 'c-1', files: [] }));
    // A second import whose client died after two chunks: staged rows exist, but nobody sees them.
    const changes = tenantImportChanges(e3Inventory([user(5), user(6)]), { importId: 'imp-2', customerId: 'c-1', files: [] });
    const chunks = changes.filter((c) => c.name === 'tenant.importChunk');
    expect(await client.mutateMany(chunks.slice(0, 2))).toEqual({ ok: true });
    expect(store.rows('tenantSkus').filter((s) => s.importId === 'imp-2')).toHaveLength(1);
    expect(visibleUsers(store).map((u) => u.userId)).toEqual([guid(1)]);
    // A commit announcing rows that never arrived is refused.
    const outcome = await client.mutateMany([changes.at(-1)!]);
    expect(outcome).toMatchObject({ ok: false, code: 'INVALID' });
    expect(outcome).toMatchObject({ reason: 'import.incomplete', params: { got: 0, expected: 2, kind: 'users' } });
    expect(refusalWords(outcome, 'en')).toBe('Change 1 of 1: The import is incomplete: 0 of 2 users arrived');
    expect(store.rows('customers')[0]?.tenantImportId).toBe('imp-1');

    // Giving the unfinished import up removes its staged rows, here and on the server.
    expect(await client.mutate('tenant.importDiscard', { importId: 'imp-2', customerId: 'c-1' })).toEqual({ ok: true });
    expect(store.rows('tenantSkus').filter((s) => s.importId === 'imp-2')).toHaveLength(0);
    expect(store.rows('imports').map((r) => r.id)).toEqual(['imp-1']);
    expect(visibleUsers(store).map((u) => u.userId)).toEqual([guid(1)]);
    await client.sync();
    expect(server.rows('tenantSkus').map((s) => s.importId)).toEqual(['imp-1']);
    expect(server.rows('imports').map((r) => r.id)).toEqual(['imp-1']);
    // The committed import is not discarded: a new import replaces it.
    const refused = await client.mutate('tenant.importDiscard', { importId: 'imp-1', customerId: 'c-1' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID' });
    expect(refused).toMatchObject({ reason: 'import.committedReimport', params: { importId: 'imp-1' } });
  });

  it("counts a value's JSON as JSON.stringify writes it, without writing it", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\u0000', '\ud800', '\udc00x', '\ud83d\ude00', 'ü', '\u2028'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node')), fc.dictionary(text, tie('node'))),
      leaf: fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0), fc.date({ noInvalidDate: true })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonLength(v)).toBe(JSON.stringify(v)?.length ?? 0);
      }),
      { numRuns: 400 },
    );
    // Holes and values JSON leaves out, and objects that are not plain data.
    const holey: unknown[] = [1];
    holey[2] = 3;
    const odd = [holey, { a: undefined, b: () => 1, c: Symbol('s'), d: 1 }, [undefined, () => 1], Object.create(null), new Map([[1, 2]]), { toJSON: () => 'x' }, new Date(0), new Number(3)];
    for (const v of odd) expect(jsonLength(v)).toBe(JSON.stringify(v)?.length ?? 0);
    expect(jsonLength(undefined)).toBe(0);
    // Key lengths carried from value to value (as chunkRows measures): the same answers, keys
    // needing escapes and more keys than are kept included; `plain` only when no string needed one.
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), (list) => {
        const m = { keys: new Map<string, number>(), plain: true };
        for (const v of list) expect(jsonLength(v, m)).toBe(JSON.stringify(v)?.length ?? 0);
        if (m.plain) for (const v of list) expect(JSON.stringify(v) ?? '').not.toContain('\\');
      }),
      { numRuns: 200 },
    );
    const m = { keys: new Map<string, number>(), plain: true };
    const many = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`k${i}${i % 7 === 0 ? '"\n' : ''}`, i]));
    for (let i = 0; i < 2; i++) expect(jsonLength(many, m)).toBe(JSON.stringify(many).length);
    expect(m.keys.size).toBeLessThanOrEqual(256);
    const plainAfter = (...list: unknown[]) => {
      const measure = { keys: new Map<string, number>(), plain: true };
      for (const v of list) jsonLength(v, measure);
      return measure.plain;
    };
    expect(plainAfter({ a: 'x', b: [1, true, null, { c: 'ü' }] })).toBe(true);
    expect(plainAfter({ a: 'x\u0000' })).toBe(false);
    expect(plainAfter({ a: '\ud83d\ude00' })).toBe(false);
    expect(plainAfter({ '\ud800': 1 })).toBe(false);
    // A key left out of the JSON was not looked at; a key seen before still counts.
    expect(plainAfter({ 'a\u0000': undefined })).toBe(false);
    const escapedKey = { 'k"': 1 };
    const measure = { keys: new Map<string, number>(), plain: true };
    jsonLength(escapedKey, measure);
    measure.plain = true;
    jsonLength(escapedKey, measure);
    expect(measure.plain).toBe(false);
    expect(plainAfter(new Date(0))).toBe(false);
  });

  it('chunk by rows and by bytes', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ n: i }));
    expect(chunkRows(rows).map((c) => c.length)).toEqual([1000, 1000, 500]);
    const big = Array.from({ length: 10 }, () => ({ s: 'x'.repeat(400) }));
    expect(chunkRows(big, 1000, 1000).map((c) => c.length)).toEqual([2, 2, 2, 2, 2]);
    // Measuring a whole chunk at once makes the chunks a row-by-row count makes.
    const byRow = <T,>(list: readonly T[], maxRows: number, maxBytes: number) => {
      const out: T[][] = [];
      let current: T[] = [];
      let bytes = 0;
      for (const row of list) {
        const size = JSON.stringify(row).length;
        if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
          out.push(current);
          current = [];
          bytes = 0;
        }
        current.push(row);
        bytes += size;
      }
      if (current.length > 0) out.push(current);
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 300 }), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 2000 }), (texts, maxRows, maxBytes) => {
        const list = texts.map((t) => ({ t }));
        expect(chunkRows(list, maxRows, maxBytes)).toEqual(byRow(list, maxRows, maxBytes));
      }),
      { numRuns: 500 },
    );
    // Rows of every kind of text (quotes, control characters, lone surrogates) and shape.
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 400 }), (list, maxRows, maxBytes) => {
        expect(chunkRows(list, maxRows, maxBytes)).toEqual(byRow(list, maxRows, maxBytes));
      }),
      { numRuns: 300 },
    );
    // Chunks whose every string was written as it is are marked as checked for the outbox; a chunk
    // holding one escaped string is not, whichever row holds it.
    const users = Array.from({ length: 30 }, (_, i) => ({ id: `u${i}`, userPrincipalName: i === 17 ? 'a\u0000@x' : `u${i}@x`, licenses: [] }));
    const chunks = chunkRows(users, 10, 100_000);
    expect(chunks.map(isTextChecked)).toEqual([true, false, true]);
    expect(chunkRows(users, 10, 200).every((c) => isTextChecked(c) === !c.some((u) => u.userPrincipalName.includes('\u0000')))).toBe(true);
    expect(sameData({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});

describe('catalog import mutations', () => {
  const sku = (id: string, partNumber: string) => ({ id, partNumber, name: partNumber, servicePlans: [{ id: guid(800), name: 'EXCHANGE_S_ENTERPRISE', friendlyName: 'Exchange', retired: false }] });

  it('import, re-import with a summary, keep hand marks across re-imports; billing agents may not', async () => {
    const { store, client } = await setUp();
    expect(await client.mutateMany(catalogImportChanges([sku(SKU_E3, 'ENTERPRISEPACK'), sku(SKU_E1, 'STANDARDPACK')], { importId: 'cat-1', files: ['products.csv'] }))).toEqual({ ok: true });
    expect(await client.mutate('catalog.markDiscontinued', { skuId: SKU_E1.toUpperCase(), discontinued: true })).toEqual({ ok: true });
    expect(
      await client.mutateMany(catalogImportChanges([sku(SKU_E3, 'ENTERPRISEPACK')], { importId: 'cat-2', files: ['products2.csv'], purchasable: new Set([SKU_E3]) })),
    ).toEqual({ ok: true });
    expect(store.rows('catalogState')).toEqual([{ id: 'catalog', importId: 'cat-2', hasOffers: true }]);
    expect(store.rows('catalogSkus').map((r) => r.id)).toEqual([`cat-2:${SKU_E3}`]);
    expect(store.rows('catalogMarks')).toMatchObject([{ id: SKU_E1, discontinued: true, by: 'Aiko' }]);
    expect(inWords(store.rows('activity').find((a) => a.mutation === 'catalog.importCommit' && words(a, 'en').includes('products2')))).toEqual({
      summary: 'Imported the catalog (products2.csv): 1 product (0 added, 0 updated, 1 removed)',
      summaryJa: 'カタログをインポートしました (products2.csv): 製品 1 件 (追加 0、更新 0、削除 1)',
    });

    const billing = await setUp('billing-agent');
    const outcome = await billing.client.mutateMany(catalogImportChanges([sku(SKU_E3, 'ENTERPRISEPACK')], { importId: 'cat-1', files: [] }));
    expect(outcome).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
