// The customers' order on every screen that lists them, read from the store without a name index
// (schema v7): as people read names, on real Dexie code over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('keeps no index on customers but their key: a first pull puts every customer', () => {
    expect(db.customers.schema.indexes.map((i) => i.name)).toEqual([]);
  });
});
