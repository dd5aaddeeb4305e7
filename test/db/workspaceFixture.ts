// Builds a populated workspace with the real mutators, sync client and Dexie store: the content
// the schema-version fixtures freeze (renderer/db/fixtures/v{N}.json). Every table gets rows,
// including pulled rows with server versions, a pending change in the outbox and a rejection.
import type { Actor } from '../../shared/mutators/define';
import { catalogImportChanges, tenantImportChanges } from '../../shared/mutators/imports';
import { SyncClient } from '../../shared/sync/client';
import { MemorySyncServer } from '../../shared/sync/memoryServer';
import type { WorkspaceDatabase } from '../../renderer/db/database';
import { DexieClientStore } from '../../renderer/sync/dexieClientStore';
import { e3Inventory } from '../support/tenantInventory';
import { memoryTransport } from '../support/memoryTransport';

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const TEAMS = '7e74bd05-2c47-404e-829a-ba95c66fe8e5';
const LICENSE_ADMIN = '4d6ac14f-3453-41d0-bef9-a3e0c569773a';
const TENANT = 'eebd1b55-5360-4438-a11d-5c06918c3014';
const NORTHWIND = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export async function populate(db: WorkspaceDatabase): Promise<void> {
  const server = new MemorySyncServer(1000);
  const aiko: Actor = { id: 'u-aiko', name: 'Aiko', role: 'admin-agent' };
  const client = new SyncClient(new DexieClientStore(db, () => 'fixture-client-0001'), memoryTransport(server, aiko, '2026-11-24T12:00:00.000Z'), { actor: () => aiko, now: () => '2026-11-24T09:00:00.000Z' });
  const must = async (p: Promise<{ ok: boolean }>) => {
    const outcome = await p;
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  };
  await must(client.mutate('partner.update', { name: 'Fabrikam CSP', partnerTenantId: PARTNER, country: 'JP', relationshipLink: '' }));
  await must(client.mutate('customer.create', { id: 'c-1', name: 'Contoso', domain: 'contoso.com', country: 'JP', channel: 'direct' }));
  await must(client.mutate('customer.create', { id: 'c-2', name: 'Northwind', country: '' }));
  await must(client.mutate('invitation.create', { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'none', language: 'ja' }));
  await must(client.mutate('invitation.markSent', { id: 'i-1' }));
  await must(client.mutate('plan.create', { id: 'p-1', customerId: 'c-1', asOf: '2026-11-24' }));
  await must(client.mutate('planLine.add', { id: 'l-1', planId: 'p-1', sourceSkuId: E3, targetSkuId: E3, quantity: 2 }));
  // Schema 3: the 2026 rules' fields and tables.
  await must(client.mutate('customer.setBillingAccount', { id: 'c-1', billingAccount: 'mca' }));
  await must(client.mutate('customer.recordAgreement', { id: 'c-1', acceptedOn: '2026-11-20', attestedBy: 'Aiko' }));
  await must(client.mutate('planLine.setTerm', { lineId: 'l-1', term: 'P1Y', billingFrequency: 'monthly' }));
  await must(client.mutate('planLine.setOldEndScheduled', { lineId: 'l-1', scheduledOn: '2026-11-23' }));
  await must(
    client.mutate('planLine.add', { id: 'l-2', planId: 'p-1', sourceSkuId: E5, targetSkuId: E3, extraTargetSkuIds: [TEAMS], quantity: 1, term: 'P1M', billingFrequency: 'monthly' }),
  );
  await must(client.mutate('invitation.create', { id: 'i-2', customerId: 'c-1', delegatedAdmin: 'gdap', gdap: { roles: [LICENSE_ADMIN], durationDays: 730, approvalLink: '', autoExtend: true }, language: 'en' }));
  await must(client.mutate('transfer.request', { id: 't-1', customerId: 'c-1', lineIds: ['l-1'], sourceKeys: [guid(900)] }));
  await must(client.mutate('transfer.setStatus', { id: 't-1', status: 'approved' }));
  await must(client.mutate('finding.acknowledge', { customerId: 'c-1', lineKey: 'l-2', code: 'service-loss', reason: 'Nobody uses Yammer' }));
  const plans = [{ id: guid(800), name: 'EXCHANGE_S_ENTERPRISE', friendlyName: 'Exchange Online (Plan 2)', retired: false }];
  await must(
    client.mutateMany(
      catalogImportChanges(
        [
          { id: E3, partNumber: 'ENTERPRISEPACK', name: 'Office 365 E3', servicePlans: plans },
          { id: E5, partNumber: 'ENTERPRISEPREMIUM', name: 'Office 365 E5', servicePlans: plans },
        ],
        { importId: 'cat-1', files: ['products.csv'] },
      ),
    ),
  );
  await must(client.mutate('catalog.markDiscontinued', { skuId: E5, discontinued: true }));
  const users = [1, 2].map((n) => ({
    id: guid(n),
    userPrincipalName: `user${n}@contoso.com`,
    licenses: [{ skuId: E3, disabledPlans: n === 2 ? [guid(800)] : [], assignedByGroups: [], direct: true }],
  }));
  await must(
    client.mutateMany(
      tenantImportChanges(
        // Schema 4: what organization.json says of the tenant fills the customer's empty tenant id.
        e3Inventory(users, { tenantId: TENANT, defaultDomain: 'contoso.onmicrosoft.com' }),
        { importId: 'imp-1', customerId: 'c-1', files: ['subscribedSkus.json', 'subscriptions.json', 'users.json'] },
      ),
    ),
  );
  // Schema 4: a detail a person set, and the partner's own subscription from Partner Center.
  await must(client.mutate('customer.update', { id: 'c-2', tenantId: NORTHWIND }));
  await must(
    client.mutate('customer.setOwnSubscriptions', {
      id: 'c-1',
      file: 'subscriptions.csv',
      subscriptions: [{ id: guid(900), name: 'Office 365 E3', offerId: null, quantity: 2, status: 'Active', commitmentEndDate: null, reseller: '' }],
    }),
  );
  await client.sync();
  // Left pending: one change in the outbox, and one the server refused (a rejection to show).
  await must(client.mutate('customer.update', { id: 'c-2', notes: 'call back in December' }));
  await db.rejections.put({ mutationId: 99, name: 'plan.setStatus', args: { id: 'p-1', status: 'done' }, code: 'INVALID', message: 'plan.setStatus: a plan is approved before it is done' });
  // An open conflict, as a pull would bring it.
  await db.conflicts.put({
    id: 'cf:fixture:1:0',
    table: 'planLines',
    recordId: 'l-1',
    field: 'quantity',
    current: { value: 2, by: 'Ben', version: 3 },
    proposed: { value: 3, by: 'Aiko', mutation: 'planLine.setTarget' },
    status: 'open',
    resolution: null,
    resolvedBy: null,
    _v: 3,
  });
}
