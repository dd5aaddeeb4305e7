// The component tests' workspace: changes made through the app's own sync client (the real
// mutators into Dexie), and the partner and customer most case-file tests start from: Fabrikam
// CSP in Japan, and Contoso Japan with the fixtures' SKUs (and the subscriptions a test gives).
import type { MutatorArgs, MutatorName } from '../../shared/mutators/index';
import { parseTenantExports } from '../../shared/import/index';
import type { TenantSubscription } from '../../shared/domain/tenant';
import type { HostApi } from '../../shared/ipc/contract';
import { createWebHost } from '../../renderer/host/webHost';
import { SyncController } from '../../renderer/sync/controller';
import { workspaceDb } from '../../renderer/workspace/workspace';
import { readFixture } from './fixtures';

/** The fixtures' tenant: Graph's subscribedSkus and directory subscriptions examples. */
export const fixtureTenant = parseTenantExports({
  subscribedSkus: { text: readFixture('graph/subscribedSkus.list.response.json'), file: 'subscribedSkus.json' },
  subscriptions: { text: readFixture('graph/directory.subscriptions.list.response.json'), file: 'subscriptions.json' },
});

let controller: SyncController | null = null;

/**
 * The component tests' sync controller: the app's own over the page's workspace database, with no
 * server (changes stay in the outbox). Made once per test file, as the app makes one per page.
 */
export function localSync(host?: HostApi): SyncController {
  controller ??= new SyncController(host ?? createWebHost({ window, version: 'test' }), workspaceDb, '');
  return controller;
}

/** One change through the app's sync client; a refusal fails the test with the mutator's words. */
export async function mutateLocally<N extends MutatorName>(name: N, args: MutatorArgs<N>): Promise<void> {
  const outcome = await localSync().mutate(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.message}`);
}

export const FABRIKAM_TENANT = '3b33e682-00c3-41ee-9dd2-a548adf56438';

/** Fabrikam CSP (Japan) as the partner, and Contoso Japan (id `contoso`) with the fixtures' SKUs and `subscriptions` imported. */
export async function seedContoso(options: { subscriptions?: TenantSubscription[]; tenantId?: string } = {}): Promise<void> {
  const subscriptions = options.subscriptions ?? [];
  await mutateLocally('partner.update', { name: 'Fabrikam CSP', partnerTenantId: FABRIKAM_TENANT, country: 'JP', relationshipLink: '' });
  await mutateLocally('customer.create', { id: 'contoso', name: 'Contoso Japan', country: 'JP', ...(options.tenantId ? { tenantId: options.tenantId } : {}) });
  await mutateLocally('tenant.importChunk', { importId: 'imp1', customerId: 'contoso', kind: 'skus', rows: fixtureTenant.skus });
  if (subscriptions.length > 0) await mutateLocally('tenant.importChunk', { importId: 'imp1', customerId: 'contoso', kind: 'subscriptions', rows: subscriptions });
  await mutateLocally('tenant.importCommit', {
    importId: 'imp1',
    customerId: 'contoso',
    files: subscriptions.length > 0 ? ['subscribedSkus.json', 'subscriptions.json'] : ['subscribedSkus.json'],
    counts: { skus: fixtureTenant.skus.length, subscriptions: subscriptions.length, users: 0 },
  });
}
