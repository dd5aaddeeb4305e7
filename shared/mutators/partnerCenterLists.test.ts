// Partner Center's lists and what an import knows about the customer, run as the app runs them (the
// sync client's one transaction) and re-run by the in-memory server, as the team's server does.
import { describe, expect, it } from 'vitest';
import { inWords, words } from '../../test/support/activityWords';
import type { Actor } from './define';
import type { Role } from '../domain/roles';
import type { TenantInventory } from '../domain/tenant';
import { fillFromImport } from '../domain/customerFields';
import { SyncClient } from '../sync/client';
import { MemoryClientStore } from '../sync/memoryClientStore';
import { MemorySyncServer } from '../sync/memoryServer';
import { tenantImportChanges } from './imports';
import { said } from '../../test/support/refusalWords';
import { memoryTransport } from '../../test/support/memoryTransport';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const OTHER_PARTNER = '9a6a3a47-9c4e-4a6a-8f0c-5ad0d4f6e0b1';
const TENANT = 'eebd1b55-5360-4438-a11d-5c06918c3014';
const SKU_E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function setUp(role: Role = 'admin-agent', name = 'Aiko', server = new MemorySyncServer(100_000)) {
  const actor: Actor = { id: `u-${name}`, name, role };
  const store = new MemoryClientStore(`client-${name.toLowerCase()}-0001`);
  const client = new SyncClient(store, memoryTransport(server, actor, '2026-12-05T12:00:00.000Z'), { actor: () => actor, now: () => '2026-12-05T09:00:00.000Z' });
  return { server, store, client };
}

function customer(store: MemoryClientStore, id: string) {
  return store.rows('customers').find((c) => c.id === id) as Record<string, unknown> | undefined;
}

/** A tenant whose organization.json holds its id, country and default domain, its subscription sold by another partner. */
function tenant(owner: string | null = OTHER_PARTNER): TenantInventory {
  return {
    countryLetterCode: 'JP',
    tenantId: TENANT,
    defaultDomain: 'contoso.co.jp',
    skus: [],
    subscriptions: [
      {
        id: guid(900),
        skuId: SKU_E3,
        skuPartNumber: 'ENTERPRISEPACK',
        status: 'Enabled',
        totalLicenses: 10,
        isTrial: false,
        ownerTenantId: owner,
        ownerType: owner ? 'Company' : null,
        createdDateTime: null,
        nextLifecycleDateTime: '2027-04-01T00:00:00Z',
        commerceSubscriptionId: null,
      },
    ],
    users: [],
  };
}

const list = (n: number, tenantOf: (i: number) => string = (i) => guid(1000 + i)) =>
  Array.from({ length: n }, (_, i) => ({ id: `pc-${i}`, name: `Customer ${i}`, domain: `c${i}.example.com`, tenantId: tenantOf(i) }));

describe('customer.createMany (Partner Center customer list)', () => {
  it('creates every customer of the list in one change, the tenant id and domain marked as imported, one activity entry', async () => {
    const { store, client, server } = await setUp();
    const outcome = await client.mutate('customer.createMany', { file: 'Customers.csv', customers: [...list(2), { id: 'pc-r', name: 'Reseller Co', tenantId: TENANT.toUpperCase(), stage: 'accepted' }] });
    expect(outcome).toEqual({ ok: true });
    expect(store.rows('customers')).toHaveLength(3);
    expect(customer(store, 'pc-0')).toMatchObject({
      name: 'Customer 0',
      tenantId: guid(1000),
      domain: 'c0.example.com',
      stage: 'not-started',
      channel: 'unknown',
      fieldSources: { tenantId: { by: 'import', at: '2026-12-05T09:00:00.000Z', file: 'Customers.csv' }, domain: { by: 'import', file: 'Customers.csv' } },
    });
    expect(customer(store, 'pc-r')).toMatchObject({ tenantId: TENANT, stage: 'accepted' });
    const entries = store.rows('activity');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ mutation: 'customer.createMany', customerId: null, code: 'customer.createManyFromList', params: { count: 3, file: 'Customers.csv', skipped: 0 } });
    expect(inWords(entries[0])).toEqual({ summary: 'Created 3 customers from the Partner Center list Customers.csv', summaryJa: 'パートナー センターの一覧 Customers.csv から顧客を 3 件作成しました' });
    // The server runs the same change and ends with the same customers.
    await client.sync();
    expect(server.rows('customers').map((c) => c.id).sort()).toEqual(['pc-0', 'pc-1', 'pc-r']);
  });

  it('never doubles a tenant already in the workspace: a teammate importing the same list meanwhile leaves one customer per tenant, and it is said', async () => {
    const server = new MemorySyncServer(100_000);
    const aiko = await setUp('admin-agent', 'Aiko', server);
    const ben = await setUp('sales-agent', 'Ben', server);
    expect(await aiko.client.mutate('customer.create', { id: 'hand-1', name: 'Contoso by hand', tenantId: guid(1001) })).toEqual({ ok: true });
    expect(await aiko.client.mutate('customer.createMany', { file: 'Customers.csv', customers: list(3).map((c) => ({ ...c, id: `a-${c.id}` })) })).toEqual({ ok: true });
    // Locally, the customer made by hand with the same tenant id is not doubled.
    expect(aiko.store.rows('customers').map((c) => c.id).sort()).toEqual(['a-pc-0', 'a-pc-2', 'hand-1']);
    expect(inWords(aiko.store.rows('activity').find((a) => a.mutation === 'customer.createMany'))).toEqual({
      summary: 'Created 2 customers from the Partner Center list Customers.csv; 1 customer already in the workspace by tenant id, not created again (Customer 1)',
      summaryJa: 'パートナー センターの一覧 Customers.csv から顧客を 2 件作成しました。1 件はテナント ID が既にワークスペースにあるため作成しませんでした (Customer 1)',
    });
    // Ben imported the same list offline, before seeing Aiko's: the server skips what Aiko created.
    expect(await ben.client.mutate('customer.createMany', { file: 'Customers (1).csv', customers: list(4).map((c) => ({ ...c, id: `b-${c.id}` })) })).toEqual({ ok: true });
    await aiko.client.sync();
    await ben.client.sync();
    await aiko.client.sync();
    const tenants = server.rows('customers').map((c) => c.tenantId as string);
    expect(tenants.sort()).toEqual([guid(1000), guid(1001), guid(1002), guid(1003)]);
    expect(server.rows('customers').find((c) => c.tenantId === guid(1003))?.id).toBe('b-pc-3');
    // Ben's copy follows the server: his optimistic doubles are gone.
    expect(ben.store.rows('customers').map((c) => c.tenantId as string).sort()).toEqual(tenants);
  });

  it('carries the country of each customer, upper case and marked as imported, and the server writes the same', async () => {
    const { store, client, server } = await setUp();
    const [first, second, third] = list(3);
    const outcome = await client.mutate('customer.createMany', { file: 'Partner Center customer list', customers: [{ ...first!, country: 'jp' }, { ...second!, country: '' }, third!] });
    expect(outcome).toEqual({ ok: true });
    const source = { by: 'import', at: '2026-12-05T09:00:00.000Z', file: 'Partner Center customer list' };
    expect(customer(store, 'pc-0')).toMatchObject({ country: 'JP', fieldSources: { tenantId: source, domain: source, country: source } });
    // An empty or absent country (a list from an app before the country was sent) leaves it empty and unmarked.
    for (const id of ['pc-1', 'pc-2']) {
      expect(customer(store, id)).toMatchObject({ country: '' });
      expect((customer(store, id)?.fieldSources as Record<string, unknown>).country).toBeUndefined();
    }
    await client.sync();
    expect(server.rows('customers').find((c) => c.id === 'pc-0')).toMatchObject({ country: 'JP', fieldSources: { country: { by: 'import' } } });
  });

  it('refuses a country that is not an ISO 3166 two-letter code, naming its place in the list and the field, writing nothing', async () => {
    const { store, client } = await setUp();
    const [first, second] = list(2);
    const outcome = await client.mutate('customer.createMany', { file: 'Customers.csv', customers: [first!, { ...second!, country: 'Japan' }] });
    expect(outcome).toMatchObject({ ok: false, code: 'INVALID' });
    // The same check as customer.create's country, named by its place in the list.
    expect(outcome).toMatchObject({ reason: 'args.invalid', params: { mutation: 'customer.createMany', path: 'customers.1.country' } });
    expect(store.rows('customers')).toHaveLength(0);
  });

  it('refuses a tenant id twice in one list, a bad tenant id, and a role that may not edit customers, writing nothing', async () => {
    const { store, client } = await setUp();
    const twice = await client.mutate('customer.createMany', { file: 'Customers.csv', customers: list(2, () => TENANT) });
    expect(twice).toMatchObject({ ok: false, code: 'INVALID', reason: 'customer.tenantTwice', params: { tenantId: TENANT } });
    expect(said(twice)).toMatchObject({ en: `Tenant ID ${TENANT} is in the list twice`, ja: `テナント ID ${TENANT} が一覧に 2 回あります` });
    const bad = await client.mutate('customer.createMany', { file: 'Customers.csv', customers: list(1, () => 'not-a-guid') });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID' });
    expect(bad).toMatchObject({ reason: 'args.invalid', params: { path: 'customers.0.tenantId' } });
    const billing = await setUp('billing-agent', 'Bill');
    expect(await billing.client.mutate('customer.createMany', { file: 'Customers.csv', customers: list(1) })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(store.rows('customers')).toHaveLength(0);
    expect(billing.store.rows('customers')).toHaveLength(0);
  });
});

describe('customer.setOwnSubscriptions (the partner sells these already)', () => {
  const sub = (n: number) => ({ id: guid(n).toUpperCase(), name: 'Office 365 E3', offerId: null, quantity: 5, status: 'Active', commitmentEndDate: null, reseller: '' });

  it('replaces the list as a whole, ids lower case, and the server agrees', async () => {
    const { store, client, server } = await setUp();
    expect(await client.mutate('customer.create', { id: 'c-1', name: 'Contoso' })).toEqual({ ok: true });
    expect(await client.mutate('customer.setOwnSubscriptions', { id: 'c-1', file: 'subs.csv', subscriptions: [sub(1), sub(2)] })).toEqual({ ok: true });
    expect(await client.mutate('customer.setOwnSubscriptions', { id: 'c-1', file: 'subs2.csv', subscriptions: [sub(2)] })).toEqual({ ok: true });
    expect(customer(store, 'c-1')?.ownSubscriptions).toMatchObject({ file: 'subs2.csv', by: 'Aiko', items: [{ id: guid(2), quantity: 5 }] });
    await client.sync();
    expect(server.rows('customers')[0]?.ownSubscriptions).toMatchObject({ file: 'subs2.csv', items: [{ id: guid(2) }] });
  });

  it('refuses a subscription twice, and a role that may not import', async () => {
    const { store, client } = await setUp();
    expect(await client.mutate('customer.create', { id: 'c-1', name: 'Contoso' })).toEqual({ ok: true });
    expect(await client.mutate('customer.setOwnSubscriptions', { id: 'c-1', file: 's.csv', subscriptions: [sub(1), { ...sub(1), id: guid(1) }] })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(customer(store, 'c-1')?.ownSubscriptions).toBeUndefined();
  });
});

describe('what a tenant import knows about the customer (issue 13 item 7)', () => {
  it('fills the empty tenant id, domain, country and channel, says so, and the server writes the same', async () => {
    const { store, client, server } = await setUp();
    expect(await client.mutate('partner.update', { partnerTenantId: PARTNER, country: 'JP' })).toEqual({ ok: true });
    expect(await client.mutate('customer.create', { id: 'c-1', name: 'Contoso' })).toEqual({ ok: true });
    expect(await client.mutateMany(tenantImportChanges(tenant(), { importId: 'imp-1', customerId: 'c-1', files: ['organization.json', 'subscriptions.json'] }))).toEqual({ ok: true });
    const source = { by: 'import', at: '2026-12-05T09:00:00.000Z', file: 'organization.json, subscriptions.json' };
    expect(customer(store, 'c-1')).toMatchObject({
      tenantId: TENANT,
      domain: 'contoso.co.jp',
      country: 'JP',
      channel: 'other-partner',
      fieldSources: { tenantId: source, domain: source, country: source, channel: source },
    });
    const entry = store.rows('activity').find((a) => a.mutation === 'tenant.importCommit');
    expect(entry).toMatchObject({ code: 'tenant.imported', params: { filled: ['tenantId', 'domain', 'country', 'channel'] } });
    expect(words(entry, 'en')).toMatch(/\. Filled from the import: Tenant ID, Domain, Country, Bought through$/);
    expect(words(entry, 'ja')).toMatch(/。インポートから入力しました: テナント ID、ドメイン、国、現在の購入経路$/);
    await client.sync();
    // The server stamps its own time, so the sources carry it; the values are the same.
    expect(server.rows('customers')[0]).toMatchObject({ tenantId: TENANT, domain: 'contoso.co.jp', country: 'JP', channel: 'other-partner', fieldSources: { channel: { by: 'import' } } });
  });

  it("never overwrites what a person set: a different value is kept and the difference said; what an import set, a later import updates", async () => {
    const { store, client } = await setUp();
    expect(await client.mutate('partner.update', { partnerTenantId: PARTNER, country: 'JP' })).toEqual({ ok: true });
    expect(await client.mutate('customer.create', { id: 'c-1', name: 'Contoso', country: 'US' })).toEqual({ ok: true });
    expect(await client.mutateMany(tenantImportChanges(tenant(null), { importId: 'imp-1', customerId: 'c-1', files: ['organization.json'] }))).toEqual({ ok: true });
    expect(customer(store, 'c-1')).toMatchObject({ country: 'US', channel: 'direct', tenantId: TENANT, fieldSources: { country: { by: 'person' }, channel: { by: 'import' } } });
    const first = store.rows('activity').filter((a) => a.mutation === 'tenant.importCommit')[0];
    expect(first?.params).toMatchObject({ keptFields: ['country'], keptValues: ['US'], importedValues: ['JP'] });
    expect(words(first, 'en')).toContain('Kept what a person entered for Country (US); the import says JP');
    expect(words(first, 'ja')).toContain('国は入力された値 (US) のままです。インポートでは JP です');

    // A person corrects the channel the import wrote; the next import (another partner now) leaves it.
    expect(await client.mutate('customer.update', { id: 'c-1', channel: 'direct' })).toEqual({ ok: true });
    expect(customer(store, 'c-1')).toMatchObject({ fieldSources: { channel: { by: 'person' } } });
    expect(await client.mutateMany(tenantImportChanges(tenant(OTHER_PARTNER), { importId: 'imp-2', customerId: 'c-1', files: ['organization.json'] }))).toEqual({ ok: true });
    expect(customer(store, 'c-1')).toMatchObject({ channel: 'direct' });
    const second = store.rows('activity').filter((a) => a.mutation === 'tenant.importCommit')[1];
    expect(words(second, 'en')).toContain('Kept what a person entered for Bought through (Bought directly from Microsoft); the import says Another partner');
  });

  it('leaves the channel alone when the subscriptions mix channels, or the partner tenant is unknown and a partner sold them', async () => {
    const { store, client } = await setUp();
    expect(await client.mutate('customer.create', { id: 'c-1', name: 'Contoso' })).toEqual({ ok: true });
    // No partner profile yet: a partner-owned subscription may be ours.
    expect(await client.mutateMany(tenantImportChanges(tenant(OTHER_PARTNER), { importId: 'imp-1', customerId: 'c-1', files: ['s.json'] }))).toEqual({ ok: true });
    expect(customer(store, 'c-1')).toMatchObject({ channel: 'unknown', tenantId: TENANT });
  });

  it('fillFromImport: empty fills, an import value updates, a person value stays', () => {
    const at = '2026-12-05T00:00:00.000Z';
    const base = { tenantId: '', domain: 'a.example', country: 'JP', channel: 'unknown' as const };
    const r = fillFromImport({ ...base, fieldSources: { domain: { by: 'import', at } } }, { tenantId: TENANT.toUpperCase(), domain: 'B.example', country: 'jp', channel: 'direct' }, { at, file: 'x' });
    expect(r.patch).toEqual({ tenantId: TENANT, domain: 'b.example', channel: 'direct' });
    expect(r.filled).toEqual(['tenantId', 'domain', 'channel']);
    expect(r.differs).toEqual([]);
    const kept = fillFromImport({ ...base, fieldSources: { domain: { by: 'person', at } } }, { domain: 'b.example', channel: 'unknown' }, { at });
    expect(kept).toMatchObject({ patch: {}, filled: [], differs: [{ field: 'domain', kept: 'a.example', imported: 'b.example' }] });
  });
});
