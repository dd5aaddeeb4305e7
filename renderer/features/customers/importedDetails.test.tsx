// @vitest-environment jsdom
// Issue 13 item 7 as a new user met it: a tenant imported with an organization.json that holds its
// id and a directory/subscriptions export (the Graph documentation's own example, sold by another
// partner). The import runs as the app runs it (sync client, one transaction); the customer's
// Details then show the tenant id, domain, country and "Bought through: Another partner", each
// saying it came from the import; a value a person entered stays and says so.
import { cleanup, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTenantExports } from '../../../shared/import/graph';
import { tenantImportChanges } from '../../../shared/mutators/imports';
import { SyncClient } from '../../../shared/sync/client';
import { MemoryClientStore } from '../../../shared/sync/memoryClientStore';
import type { Customer } from '../../../shared/workspace/tables';
import { type UiLanguage } from '../../app/i18n';
import { createWebHost } from '../../host/webHost';
import { DetailsSection } from './DetailsSection';
import { renderInApp, stubResizeObserver } from '../../../test/support/components';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const TENANT = 'eebd1b55-5360-4438-a11d-5c06918c3014';
// organization.json as Graph returns it (GET /organization), the fields the app reads.
const ORGANIZATION = JSON.stringify({
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#organization',
  value: [
    {
      id: TENANT,
      displayName: 'Contoso',
      countryLetterCode: 'JP',
      verifiedDomains: [
        { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: false, isInitial: true, name: 'contoso.onmicrosoft.com', type: 'Managed' },
        { capabilities: 'Email', isDefault: true, isInitial: false, name: 'contoso.co.jp', type: 'Managed' },
      ],
    },
  ],
});

afterEach(cleanup);
stubResizeObserver();

function wrap(ui: ReactNode, language: UiLanguage = 'en') {
  return renderInApp(ui, { language, host: createWebHost({ window, version: 'test' }) });
}

async function imported(create: Record<string, string> = {}): Promise<Customer> {
  const store = new MemoryClientStore('client-details-0001');
  const offline = { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) };
  const client = new SyncClient(store, offline, { actor: () => ({ id: 'u-1', name: 'Aiko', role: 'admin-agent' }), now: () => '2026-12-05T09:00:00.000Z' });
  expect(await client.mutate('partner.update', { partnerTenantId: PARTNER, country: 'JP' })).toEqual({ ok: true });
  expect(await client.mutate('customer.create', { id: 'c-1', name: 'Contoso', ...create })).toEqual({ ok: true });
  const inventory = parseTenantExports({
    organization: { text: ORGANIZATION, file: 'organization.json' },
    subscriptions: { text: readFileSync(path.join(fixtures, 'graph/directory.subscriptions.list.response.json'), 'utf8'), file: 'subscriptions.json' },
  });
  expect(await client.mutateMany(tenantImportChanges(inventory, { importId: 'imp-1', customerId: 'c-1', files: ['organization.json', 'subscriptions.json'] }))).toEqual({ ok: true });
  return store.rows('customers')[0] as unknown as Customer;
}

describe('what the import knows, in the Details', () => {
  it('shows the tenant id, domain, country and channel filled from the import, and says so', async () => {
    const customer = await imported();
    wrap(<DetailsSection customer={customer} canEdit />);
    expect((screen.getByLabelText('Tenant ID', { exact: false }) as HTMLInputElement).value).toBe(TENANT);
    expect((screen.getByRole('combobox', { name: /Bought through/ }) as HTMLSelectElement).value).toBe('other-partner');
    const note = 'From the import of 2026-12-05 (organization.json, subscriptions.json)';
    for (const field of ['tenantId', 'domain', 'country', 'channel']) expect(screen.getByTestId(`source-${field}`).textContent).toBe(note);
  });

  it("keeps a person's country and says it is theirs, in Japanese", async () => {
    const customer = await imported({ country: 'US' });
    expect(customer.country).toBe('US');
    wrap(<DetailsSection customer={customer} canEdit />, 'ja');
    expect(screen.getByTestId('source-country').textContent).toBe('担当者が入力した値です。インポートでは変わりません');
    expect(screen.getByTestId('source-tenantId').textContent).toBe('2026-12-05 のインポートから (organization.json, subscriptions.json)');
  });
});
