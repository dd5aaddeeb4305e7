// The customers' order on every screen that lists them, read from the store without a name index
// (schema v8: no index but the key): as people read names, on real Dexie code over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../shared/sync/client';
import { DexieClientStore } from '../sync/dexieClientStore';
import { WorkspaceDatabase } from './database';
import { customersByName } from './queries';

const db = new WorkspaceDatabase('queries-order');
afterAll(() => db.close());

describe('customersByName (fake-indexeddb)', () => {
  it('sorts by name as a collator does (numbers by value, letter case ignored), then by id', async () => {
    const names: [string, string][] = [
      ['c-4', 'Contoso 10'],
      ['c-2', 'contoso 2'],
      ['c-9', 'Adatum'],
      ['c-1', 'Fabrikam'],
      ['c-3', 'Adatum'],
    ];
    await db.customers.bulkPut(names.map(([id, name]) => ({ id, name, _v: 1 }) as never));
    expect((await customersByName(db)).map((c) => `${c.id} ${c.name}`)).toEqual(['c-3 Adatum', 'c-9 Adatum', 'c-2 contoso 2', 'c-4 Contoso 10', 'c-1 Fabrikam']);
  });

  it('keeps no index on customers but their key (createMany reads them whole): a first pull puts every customer', () => {
    expect(db.customers.schema.indexes.map((i) => i.name)).toEqual([]);
  });

  it("creates customers from a list through the app's store, skipping a tenant id already in the workspace (the mutator reads them whole)", async () => {
    const listDb = new WorkspaceDatabase('queries-create-many');
    const actor = { id: 'aiko', name: 'Aiko', role: 'admin-agent' as const };
    const client = new SyncClient(new DexieClientStore(listDb, () => 'client-list'), { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) }, { actor: () => actor, now: () => '2026-12-07T09:00:00.000Z' });
    const tenant = '9f2a1c3e-5b7d-4e8f-a1b2-c3d4e5f60718';
    expect((await client.mutate('customer.create', { id: 'c-old', name: 'Contoso', tenantId: tenant })).ok).toBe(true);
    const outcome = await client.mutate('customer.createMany', {
      file: 'Customers.csv',
      customers: [
        { id: 'c-new', name: 'Fabrikam', tenantId: '1c0a8b6e-2d4f-4a3b-9c8d-7e6f5a4b3c2d' },
        { id: 'c-dup', name: 'Contoso again', tenantId: tenant },
      ],
    });
    expect(outcome.ok).toBe(true);
    expect((await customersByName(listDb)).map((c) => c.id)).toEqual(['c-old', 'c-new']);
    listDb.close();
  });
});
