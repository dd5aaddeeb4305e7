// partnerCenter.relationshipLink and partnerCenter.customers through the IPC dispatch, against the
// local Partner Center contract server: the token is asked for Partner Center's scope, the base URL
// comes from Settings, and Partner Center's refusals reach the renderer as words in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { HostError, PartnerCenterCustomersResult, PartnerCenterLinkResult } from '../../shared/ipc/contract';
import { FIXTURE_CUSTOMER_TENANT, generatedCustomers, readPcFixture, startPcServer, type PcServer } from '../../test/contract/pcServer';
import { createHandlers, type HandlerServices } from './ipc/handlers';
import { dispatch } from './ipc/register';
import { createPartnerCenterService } from './partnerCenter';

const servers: PcServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function setup(pc: PcServer, getAccessToken: (scopes: string[]) => Promise<{ accessToken: string; expiresAt: number }>) {
  const asked: string[][] = [];
  const progress: { pages: number; customers: number }[] = [];
  const partnerCenter = createPartnerCenterService({
    onCustomersProgress: (p) => progress.push(p),
    baseUrl: () => pc.origin,
    microsoft: {
      getAccessToken: (scopes) => {
        asked.push(scopes);
        return getAccessToken(scopes);
      },
    },
    fetch: (url, init) => fetch(url, init as RequestInit),
  });
  const handlers = createHandlers({ partnerCenter } as unknown as HandlerServices);
  const event = { sender: {}, senderFrame: { url: 'app://workspace/index.html' } };
  const call = () => dispatch('partnerCenter.relationshipLink', handlers['partnerCenter.relationshipLink'], event, {}, { isTrustedSender: () => true });
  const customers = () => dispatch('partnerCenter.customers', handlers['partnerCenter.customers'], event, {}, { isTrustedSender: () => true });
  return { call, customers, asked, progress };
}

const token = async () => ({ accessToken: 'pc-token-1', expiresAt: Date.now() + 3_600_000 });

describe('partnerCenter.customers (local contract server)', () => {
  it('reads every page of the customer list with the country when Partner Center gives one, and says how far it has come', async () => {
    const fixture = JSON.parse(readPcFixture('customer.get.response.json')) as unknown;
    const broken = { id: 'not-a-guid', companyProfile: { tenantId: 'not-a-guid', companyName: 'Broken Co' } };
    const pc = await startPcServer({ customers: [fixture, ...generatedCustomers(45), broken, fixture] });
    servers.push(pc);
    const { customers, asked, progress } = setup(pc, token);
    const reply = await customers();
    if (!reply.ok) throw new Error(reply.error.message);
    const value = PartnerCenterCustomersResult.parse(reply.value);
    if (!value.ok) throw new Error(value.en);
    expect(value.pages).toBe(2);
    expect(value.customers).toHaveLength(46);
    expect(value.customers[0]).toEqual({ tenantId: FIXTURE_CUSTOMER_TENANT, companyName: '1kl as kjk', domain: 'abcdefgh1234.ccsctp.net', country: 'US', relationship: 'reseller' });
    expect(value.customers[1]).toEqual({ tenantId: '22222222-3333-4444-8555-000000000001', companyName: 'Customer 1', domain: 'customer1.onmicrosoft.com', country: null, relationship: 'reseller' });
    expect(value.refused).toEqual([{ position: 47, id: 'not-a-guid', en: 'its tenant id "not-a-guid" is not a GUID', ja: 'テナント ID「not-a-guid」が GUID ではありません' }]);
    expect(value.duplicates).toEqual([{ position: 48, tenantId: FIXTURE_CUSTOMER_TENANT, companyName: '1kl as kjk' }]);
    expect(progress).toEqual([
      { pages: 1, customers: 40 },
      { pages: 2, customers: 46 },
    ]);
    expect(asked).toEqual([['https://api.partnercenter.microsoft.com/user_impersonation']]);
    expect(pc.requests.map((r) => r.route)).toEqual(['customers', 'customers']);
  });

  it('a user without the role gets the reason in English and Japanese, not a host failure', async () => {
    const pc = await startPcServer({ forbidden: new Set(['customers']) });
    servers.push(pc);
    const reply = await setup(pc, token).customers();
    if (!reply.ok) throw new Error(reply.error.message);
    const value = PartnerCenterCustomersResult.parse(reply.value);
    expect(value).toMatchObject({ ok: false, code: 'forbidden' });
    if (value.ok) throw new Error('expected a refusal');
    expect(value.en).toContain('Partner Center refused your customer list (403 Forbidden)');
    expect(value.en).toContain('Admin agent or Sales agent');
    expect(value.ja).toContain('パートナー センターが顧客一覧を拒否しました');
  });

  it('without a Microsoft sign-in nothing is sent, and the host says so', async () => {
    const pc = await startPcServer();
    servers.push(pc);
    const { customers } = setup(pc, async () => {
      throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft.');
    });
    expect(await customers()).toEqual({ ok: false, error: { code: 'MICROSOFT_SIGNED_OUT', message: 'Not signed in with Microsoft.' } });
    expect(pc.requests).toHaveLength(0);
  });
});

describe('partnerCenter.relationshipLink (local contract server)', () => {
  it('reads the link with a token for Partner Center from the sign-in, at the address in Settings', async () => {
    const pc = await startPcServer();
    servers.push(pc);
    const { call, asked } = setup(pc, async () => ({ accessToken: 'pc-token-1', expiresAt: Date.now() + 3_600_000 }));
    const reply = await call();
    expect(reply).toEqual({
      ok: true,
      value: {
        ok: true,
        url: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438&msppId=0&DAP=false#/BillingAccounts/partner-invitation',
        partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
        legacyDap: false,
      },
    });
    expect(asked).toEqual([['https://api.partnercenter.microsoft.com/user_impersonation']]);
    expect(pc.requests.map((r) => [r.path, r.headers.authorization])).toEqual([['/v1/customers/relationshiprequests', 'Bearer pc-token-1']]);
  });

  it('a user who is not an Admin agent gets the reason in English and Japanese, not a host failure', async () => {
    const pc = await startPcServer({ forbidden: new Set(['relationshipLink']) });
    servers.push(pc);
    const { call } = setup(pc, async () => ({ accessToken: 'pc-token-1', expiresAt: Date.now() + 3_600_000 }));
    const reply = await call();
    expect(reply.ok).toBe(true);
    const value = PartnerCenterLinkResult.parse(reply.ok ? reply.value : null);
    expect(value).toMatchObject({ ok: false, code: 'forbidden' });
    if (value.ok) throw new Error('expected a refusal');
    expect(value.en).toContain('your account needs the Admin agent role in Partner Center');
    expect(value.ja).toContain('「管理エージェント」ロールが必要です');
  });

  it('without a Microsoft sign-in nothing is sent, and the host says so', async () => {
    const pc = await startPcServer();
    servers.push(pc);
    const { call } = setup(pc, async () => {
      throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft.');
    });
    expect(await call()).toEqual({ ok: false, error: { code: 'MICROSOFT_SIGNED_OUT', message: 'Not signed in with Microsoft.' } });
    expect(pc.requests).toHaveLength(0);
  });
});
