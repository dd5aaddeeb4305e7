// partnerCenter.relationshipLink, .customers, .agreement, .recordAgreement, .createTransfer and
// .transfers through the IPC dispatch, against the local Partner Center contract server: the token is
// asked for Partner Center's scope, the base URL comes from Settings, and Partner Center's refusals
// reach the renderer as a code and parameters (worded here through the renderer's catalogs, in both languages).
import { afterEach, describe, expect, it } from 'vitest';
import {
  HostError,
  PartnerCenterAgreementResult,
  PartnerCenterCustomersResult,
  PartnerCenterLinkResult,
  PartnerCenterRecordAgreementResult,
  PartnerCenterTransferResult,
  PartnerCenterTransfersResult,
} from '../../shared/ipc/contract';
import { partnerCenterWords, recordWords } from '../../test/support/connectorWords';
import { FIXTURE_CUSTOMER_TENANT, MCA_TEMPLATE_ID, TRANSFER_CUSTOMER_TENANT, generatedCustomers, readPcFixture, startPcServer, type PcServer } from '../../test/contract/pcServer';
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

/** A local Partner Center server, closed after the test. */
async function startedPc(initial?: Parameters<typeof startPcServer>[0]): Promise<PcServer> {
  const pc = await startPcServer(initial);
  servers.push(pc);
  return pc;
}

const token = async () => ({ accessToken: 'pc-token-1', expiresAt: Date.now() + 3_600_000 });
const signedOut = async (): Promise<never> => {
  throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft.');
};

describe('partnerCenter.customers (local contract server)', () => {
  it('reads every page of the customer list with the country when Partner Center gives one, and says how far it has come', async () => {
    const fixture = JSON.parse(readPcFixture('customer.get.response.json')) as unknown;
    const broken = { id: 'not-a-guid', companyProfile: { tenantId: 'not-a-guid', companyName: 'Broken Co' } };
    const pc = await startedPc({ customers: [fixture, ...generatedCustomers(45), broken, fixture] });
    const { customers, asked, progress } = setup(pc, token);
    const reply = await customers();
    if (!reply.ok) throw new Error(reply.error.message);
    const value = PartnerCenterCustomersResult.parse(reply.value);
    if (!value.ok) throw new Error(value.code);
    expect(value.pages).toBe(2);
    expect(value.customers).toHaveLength(46);
    expect(value.customers[0]).toEqual({ tenantId: FIXTURE_CUSTOMER_TENANT, companyName: '1kl as kjk', domain: 'abcdefgh1234.ccsctp.net', country: 'US', relationship: 'reseller' });
    expect(value.customers[1]).toEqual({ tenantId: '22222222-3333-4444-8555-000000000001', companyName: 'Customer 1', domain: 'customer1.onmicrosoft.com', country: null, relationship: 'reseller' });
    expect(value.refused).toEqual([{ position: 47, id: 'not-a-guid', reason: 'tenantNotGuid', params: { tenant: 'not-a-guid' } }]);
    expect(recordWords(value.refused[0]!)).toEqual({ en: 'its tenant id "not-a-guid" is not a GUID', ja: 'テナント ID「not-a-guid」が GUID ではありません' });
    expect(value.duplicates).toEqual([{ position: 48, tenantId: FIXTURE_CUSTOMER_TENANT, companyName: '1kl as kjk' }]);
    expect(progress).toEqual([
      { pages: 1, customers: 40 },
      { pages: 2, customers: 46 },
    ]);
    expect(asked).toEqual([['https://api.partnercenter.microsoft.com/user_impersonation']]);
    expect(pc.requests.map((r) => r.route)).toEqual(['customers', 'customers']);
  });

  it('a user without the role gets the reason in English and Japanese, not a host failure', async () => {
    const pc = await startedPc({ forbidden: new Set(['customers']) });
    const reply = await setup(pc, token).customers();
    if (!reply.ok) throw new Error(reply.error.message);
    const value = PartnerCenterCustomersResult.parse(reply.value);
    expect(value).toMatchObject({ ok: false, code: 'forbidden' });
    if (value.ok) throw new Error('expected a refusal');
    // Data only crosses to the renderer: the words come from its catalogs.
    expect(value.params).toMatchObject({ call: 'customers', status: 403, attempts: 1 });
    expect(JSON.stringify(value)).not.toContain('Partner Center refused');
    expect(partnerCenterWords(value).en).toContain('Partner Center refused your customer list (403 Forbidden)');
    expect(partnerCenterWords(value).en).toContain('Admin agent or Sales agent');
    expect(partnerCenterWords(value).ja).toContain('パートナー センターが顧客一覧を拒否しました');
  });

  it('without a Microsoft sign-in nothing is sent, and the host says so', async () => {
    const pc = await startedPc();
    const { customers } = setup(pc, signedOut);
    expect(await customers()).toEqual({ ok: false, error: { code: 'MICROSOFT_SIGNED_OUT', message: 'Not signed in with Microsoft.' } });
    expect(pc.requests).toHaveLength(0);
  });
});

describe('partnerCenter.relationshipLink (local contract server)', () => {
  it('reads the link with a token for Partner Center from the sign-in, at the address in Settings', async () => {
    const pc = await startedPc();
    const { call, asked } = setup(pc, token);
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
    const pc = await startedPc({ forbidden: new Set(['relationshipLink']) });
    const { call } = setup(pc, token);
    const reply = await call();
    expect(reply.ok).toBe(true);
    const value = PartnerCenterLinkResult.parse(reply.ok ? reply.value : null);
    expect(value).toMatchObject({ ok: false, code: 'forbidden' });
    if (value.ok) throw new Error('expected a refusal');
    expect(partnerCenterWords(value).en).toContain('your account needs the Admin agent role in Partner Center');
    expect(partnerCenterWords(value).ja).toContain('「管理エージェント」ロールが必要です');
  });

  it('without a Microsoft sign-in nothing is sent, and the host says so', async () => {
    const pc = await startedPc();
    const { call } = setup(pc, signedOut);
    expect(await call()).toEqual({ ok: false, error: { code: 'MICROSOFT_SIGNED_OUT', message: 'Not signed in with Microsoft.' } });
    expect(pc.requests).toHaveLength(0);
  });
});

// ---- The case file's calls: the MCA attestation and new-commerce transfers ------------------------

const SOURCE_PARTNER = '7c8db11f-1e5e-4472-8386-f0b627d1f3e1';
const SUBSCRIPTION = '7291bfbf-1772-4c5b-a624-18b6152cd8cb';

/** Any partnerCenter channel through the IPC dispatch (contract validation included), signed in. */
function caseFileCalls(pc: PcServer) {
  const partnerCenter = createPartnerCenterService({
    baseUrl: () => pc.origin,
    microsoft: { getAccessToken: async () => ({ accessToken: 'pc-token-1', expiresAt: Date.now() + 3_600_000 }) },
    fetch: (url, init) => fetch(url, init as RequestInit),
  });
  const handlers = createHandlers({ partnerCenter } as unknown as HandlerServices);
  const event = { sender: {}, senderFrame: { url: 'app://workspace/index.html' } };
  return <C extends 'partnerCenter.agreement' | 'partnerCenter.recordAgreement' | 'partnerCenter.createTransfer' | 'partnerCenter.transfers'>(channel: C, args: unknown) =>
    dispatch(channel, handlers[channel], event, args, { isTrustedSender: () => true });
}

async function server(initial?: Parameters<typeof startPcServer>[0]) {
  const pc = await startedPc(initial);
  return { pc, call: caseFileCalls(pc) };
}

function valueOf<T>(reply: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!reply.ok) throw new Error(`expected an answer, got ${JSON.stringify(reply.error)}`);
  return reply.value;
}

describe('partnerCenter.agreement (local contract server)', () => {
  it("reads the customer's attestation: the day accepted and who, from Partner Center", async () => {
    const { pc, call } = await server();
    const value = PartnerCenterAgreementResult.parse(valueOf(await call('partnerCenter.agreement', { customerTenantId: FIXTURE_CUSTOMER_TENANT.toUpperCase() })));
    expect(value).toEqual({
      ok: true,
      agreement: { dateAgreed: '2019-07-24', contact: { firstName: 'Tania', lastName: 'Carter', email: 'someone@example.com' }, templateId: MCA_TEMPLATE_ID },
    });
    expect(pc.requests.map((r) => [r.method, r.path, r.query.agreementType])).toEqual([['GET', `/v1/customers/${FIXTURE_CUSTOMER_TENANT}/agreements`, 'MicrosoftCustomerAgreement']]);
  });

  it('says there is none when Partner Center holds no attestation for the customer', async () => {
    const { call } = await server();
    expect(valueOf(await call('partnerCenter.agreement', { customerTenantId: TRANSFER_CUSTOMER_TENANT }))).toEqual({ ok: true, agreement: null });
  });

  it('a customer Partner Center does not know is refused in words, in English and Japanese', async () => {
    const { call } = await server({ unknownCustomers: new Set([TRANSFER_CUSTOMER_TENANT]) });
    const value = valueOf(await call('partnerCenter.agreement', { customerTenantId: TRANSFER_CUSTOMER_TENANT }));
    expect(value).toMatchObject({ ok: false, code: 'notFound' });
    if (value.ok) throw new Error('expected a refusal');
    expect(partnerCenterWords(value).en).toContain("Partner Center did not find the customer's Microsoft Customer Agreement attestations (404 Not Found");
    expect(partnerCenterWords(value).ja).toContain('顧客のマイクロソフト顧客契約への同意の記録が見つかりません');
  });

  it('a tenant id that is not a GUID is refused by the contract before anything is sent', async () => {
    const { pc, call } = await server();
    const reply = await call('partnerCenter.agreement', { customerTenantId: 'contoso' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(pc.requests).toHaveLength(0);
  });
});

describe('partnerCenter.recordAgreement (local contract server)', () => {
  const args = { customerTenantId: TRANSFER_CUSTOMER_TENANT, dateAgreed: '2026-11-02', firstName: 'Kenji', lastName: 'Sato', email: 'kenji@contoso.example' };

  it("records the attestation with the template id read from Partner Center and the contact a person entered", async () => {
    const { pc, call } = await server();
    const value = PartnerCenterRecordAgreementResult.parse(valueOf(await call('partnerCenter.recordAgreement', args)));
    expect(value).toEqual({ ok: true, agreement: { dateAgreed: '2026-11-02', contact: { firstName: 'Kenji', lastName: 'Sato', email: 'kenji@contoso.example' }, templateId: MCA_TEMPLATE_ID } });
    expect(pc.requests.map((r) => r.route)).toEqual(['agreementTemplate', 'createAgreement']);
    expect(pc.requests[1]?.body).toEqual({
      primaryContact: { firstName: 'Kenji', lastName: 'Sato', email: 'kenji@contoso.example' },
      templateId: MCA_TEMPLATE_ID,
      dateAgreed: '2026-11-02',
      type: 'MicrosoftCustomerAgreement',
    });
    // Partner Center holds it now: reading it back gives what was recorded.
    expect(valueOf(await call('partnerCenter.agreement', { customerTenantId: TRANSFER_CUSTOMER_TENANT }))).toMatchObject({ ok: true, agreement: { dateAgreed: '2026-11-02' } });
  });

  it('an attestation already recorded is refused (409) in words; a 500 after the create is not sent again', async () => {
    const conflict = await server({ conflict: new Set(['createAgreement']) });
    const refused = valueOf(await conflict.call('partnerCenter.recordAgreement', args));
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
    if (refused.ok) throw new Error('expected a refusal');
    expect(partnerCenterWords(refused).en).toContain('(409 Conflict)');
    expect(partnerCenterWords(refused).en).toContain('An agreement with this template was already confirmed for the customer.');
    expect(partnerCenterWords(refused).ja).toContain('(409 Conflict)');

    const lost = await server({ failAfterCreate: new Set(['createAgreement']) });
    const uncertain = valueOf(await lost.call('partnerCenter.recordAgreement', args));
    expect(uncertain).toMatchObject({ ok: false, code: 'uncertain' });
    if (uncertain.ok) throw new Error('expected a refusal');
    expect(partnerCenterWords(uncertain).en).toContain('It was not sent again');
    expect(partnerCenterWords(uncertain).ja).toContain('再送はしていません');
    expect(lost.pc.requests.filter((r) => r.route === 'createAgreement')).toHaveLength(1);
  });
});

describe('partnerCenter.createTransfer (local contract server)', () => {
  it("creates one new-commerce transfer request of the planned lines from the current partner", async () => {
    const { pc, call } = await server();
    const value = PartnerCenterTransferResult.parse(
      valueOf(await call('partnerCenter.createTransfer', { customerTenantId: TRANSFER_CUSTOMER_TENANT, sourcePartnerTenantId: SOURCE_PARTNER.toUpperCase(), subscriptionIds: [SUBSCRIPTION.toUpperCase()] })),
    );
    expect(value).toMatchObject({ ok: true, transfer: { id: '67c5b05b-09b5-47ba-9047-5056fe2afa4f', partnerCenterStatus: 'Active', status: 'requested', partial: false } });
    expect(pc.requests.map((r) => [r.method, r.path])).toEqual([['POST', `/v1/customers/${TRANSFER_CUSTOMER_TENANT}/transfers`]]);
    expect(pc.requests[0]?.body).toEqual({ sourcePartnerTenantId: SOURCE_PARTNER, transferType: 3, lineItems: [{ subscriptionId: SUBSCRIPTION }] });
  });

  it('refuses more than 25 subscriptions in words, in English and Japanese, and sends nothing', async () => {
    const { pc, call } = await server();
    const ids = Array.from({ length: 26 }, (_, i) => `22222222-3333-4444-8555-${String(i + 1).padStart(12, '0')}`);
    const value = valueOf(await call('partnerCenter.createTransfer', { customerTenantId: TRANSFER_CUSTOMER_TENANT, sourcePartnerTenantId: SOURCE_PARTNER, subscriptionIds: ids }));
    expect(value).toMatchObject({ ok: false, code: 'invalidInput' });
    if (value.ok) throw new Error('expected a refusal');
    expect(partnerCenterWords(value).en).toContain('A transfer request takes 1 to 25 different subscription ids');
    expect(partnerCenterWords(value).en).toContain('this one has 26');
    expect(partnerCenterWords(value).ja).toContain('1～25 件');
    expect(pc.requests).toHaveLength(0);
  });

  it('a subscription already in another transfer (409) is said with Partner Center\'s reason; a 500 is never resent', async () => {
    const conflict = await server({ conflict: new Set(['createTransfer']) });
    const args = { customerTenantId: TRANSFER_CUSTOMER_TENANT, sourcePartnerTenantId: SOURCE_PARTNER, subscriptionIds: [SUBSCRIPTION] };
    const refused = valueOf(await conflict.call('partnerCenter.createTransfer', args));
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
    if (refused.ok) throw new Error('expected a refusal');
    expect(partnerCenterWords(refused).en).toContain('Subscription is already part of another transfer request.');
    expect(partnerCenterWords(refused).ja).toContain('移管の依頼が拒否されました (409 Conflict)');

    const lost = await server({ failAfterCreate: new Set(['createTransfer']) });
    expect(valueOf(await lost.call('partnerCenter.createTransfer', args))).toMatchObject({ ok: false, code: 'uncertain' });
    expect(lost.pc.requests.filter((r) => r.route === 'createTransfer')).toHaveLength(1);
  });
});

describe('partnerCenter.transfers (local contract server)', () => {
  it("reads the customer's transfers with Partner Center's status and the case file's", async () => {
    const { call } = await server();
    const value = PartnerCenterTransfersResult.parse(valueOf(await call('partnerCenter.transfers', { customerTenantId: TRANSFER_CUSTOMER_TENANT })));
    if (!value.ok) throw new Error(partnerCenterWords(value).en);
    expect(value.transfers).toHaveLength(9);
    const byId = new Map(value.transfers.map((t) => [t.id, t]));
    expect(byId.get('ab724652-3442-4912-8615-61525bb9903d')).toMatchObject({ partnerCenterStatus: 'Reject', status: 'rejected', partial: false, sourcePartnerTenantId: SOURCE_PARTNER });
    expect(byId.get('38a00d97-421c-4c33-8ae4-c8750604e02c')).toMatchObject({ partnerCenterStatus: 'Complete', status: 'completed', partial: false });
    const partial = byId.get('f10421cd-d4af-4939-82b9-cd0e75022759');
    expect(partial).toMatchObject({ partnerCenterStatus: 'PartiallyComplete', status: 'completed', partial: true });
    expect(partial?.lines.map((l) => l.status)).toEqual(['Failed', 'Complete']);
  });

  it('a user who is not an Admin agent gets the reason in English and Japanese', async () => {
    const { call } = await server({ forbidden: new Set(['transfers']) });
    const value = valueOf(await call('partnerCenter.transfers', { customerTenantId: TRANSFER_CUSTOMER_TENANT }));
    expect(value).toMatchObject({ ok: false, code: 'forbidden' });
    if (value.ok) throw new Error('expected a refusal');
    expect(partnerCenterWords(value).en).toContain("Partner Center refused the customer's transfers (403 Forbidden): your account needs the Admin agent role");
    expect(partnerCenterWords(value).ja).toContain('「管理エージェント」ロールが必要です');
  });
});
