// The Partner Center client against a real HTTP server on this machine that serves Partner Center's
// documented payloads (test/contract/pcServer.ts). Microsoft's cloud cannot be reached from here:
// these tests prove the client's protocol handling and its words, not Microsoft's answers.
import { describe, expect, it } from 'vitest';
import { PartnerCenterError, partnerCenterClient, transferStatusOf, type PartnerCenterOptions } from '../../shared/connectors/partnerCenter';
import { customerListChanges } from '../../shared/connectors/partnerCenterCustomers';
import { customerCreateMany } from '../../shared/mutators/customers';
import { FIXTURE_CUSTOMER_TENANT, MCA_TEMPLATE_ID, TRANSFER_CUSTOMER_TENANT, generatedCustomers, readPcFixture, startPcServer, type PcServer } from './pcServer';
import { partnerCenterWords, recordWords } from '../support/connectorWords';
import { closedAfterEach, fastRetry, nodeFetch, tokens } from './support';

const server = closedAfterEach(startPcServer);

const fast = fastRetry;
const client = (pc: PcServer, extra: Partial<PartnerCenterOptions> = {}) => partnerCenterClient({ fetch: nodeFetch, baseUrl: pc.origin, getToken: tokens('pc-token-1').getToken, retry: fast, ...extra });

async function failureOf(promise: Promise<unknown>): Promise<PartnerCenterError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof PartnerCenterError) return e;
    throw e;
  }
  throw new Error('expected a PartnerCenterError');
}

const TRANSFER_REQUEST = JSON.parse(readPcFixture('transfer.create.request.json')) as { sourcePartnerTenantId: string; targetPartnerTenantId: string; lineItems: { subscriptionId: string }[] };

describe('Partner Center client (local contract server)', () => {
  it('reads the reseller relationship link of the documented answer, with the headers Partner Center asks for', async () => {
    const pc = await server();
    const link = await client(pc).relationshipLink();
    expect(link).toEqual({ url: (JSON.parse(readPcFixture('relationshiprequest.get.response.json')) as { url: string }).url, partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438', legacyDap: false });
    const [request] = pc.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/v1/customers/relationshiprequests', headers: { authorization: 'Bearer pc-token-1', accept: 'application/json' } });
    expect(request?.headers['ms-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request?.headers['ms-correlationid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('pages the customer list by continuation token and maps each customer to tenant id, domain, company name and country', async () => {
    const broken = { id: 'not-a-guid', companyProfile: { tenantId: 'not-a-guid', companyName: 'Broken Co' } };
    const fixture = JSON.parse(readPcFixture('customer.get.response.json')) as unknown;
    const pc = await server({ customers: [fixture, ...generatedCustomers(93), broken, fixture] });
    const progress: { pages: number; customers: number }[] = [];
    const list = await client(pc, { onProgress: (p) => progress.push(p) }).customers();

    const pages = pc.requests.filter((r) => r.route === 'customers');
    expect(pages).toHaveLength(3); // 40 + 40 + 16
    expect(pages[0]?.query).toEqual({ size: '40' });
    expect(pages[0]?.headers['ms-continuationtoken']).toBeUndefined();
    expect(pages.slice(1).every((r) => r.query.seekOperation === 'Next' && r.headers['ms-continuationtoken'])).toBe(true);
    expect(new Set(pages.map((r) => r.headers['ms-continuationtoken'])).size).toBe(3);
    expect(progress.map((p) => p.pages)).toEqual([1, 2, 3]);

    expect(list.pages).toBe(3);
    expect(list.customers).toHaveLength(94);
    expect(list.customers[0]).toEqual({ tenantId: FIXTURE_CUSTOMER_TENANT, companyName: '1kl as kjk', domain: 'abcdefgh1234.ccsctp.net', country: 'US', relationship: 'reseller' });
    expect(list.customers[1]).toEqual({ tenantId: '22222222-3333-4444-8555-000000000001', companyName: 'Customer 1', domain: 'customer1.onmicrosoft.com', country: null, relationship: 'reseller' });
    expect(list.refused).toEqual([{ position: 95, id: 'not-a-guid', reason: 'tenantNotGuid', params: { tenant: 'not-a-guid' } }]);
    expect(recordWords(list.refused[0]!)).toEqual({ en: 'its tenant id "not-a-guid" is not a GUID', ja: 'テナント ID「not-a-guid」が GUID ではありません' });
    expect(list.duplicates).toEqual([{ position: 96, tenantId: FIXTURE_CUSTOMER_TENANT, companyName: '1kl as kjk' }]);

    // What customer.createMany takes, in chunks it accepts; a reseller relationship starts at "accepted".
    let n = 0;
    const changes = customerListChanges(list.customers, { file: 'Partner Center customer list', newId: () => `pc-${++n}`, max: 50 });
    expect(changes.map((c) => c.customers.length)).toEqual([50, 44]);
    for (const change of changes) expect(customerCreateMany.args.safeParse(change).success).toBe(true);
    expect(changes[0]?.customers[0]).toEqual({ id: 'pc-1', name: '1kl as kjk', domain: 'abcdefgh1234.ccsctp.net', tenantId: FIXTURE_CUSTOMER_TENANT, country: 'US', stage: 'accepted' });
    // Partner Center's list gave no country for this one: the change carries none, as older apps sent it.
    expect(changes[0]?.customers[1]).not.toHaveProperty('country');
    expect(changes[0]?.customers[2]?.stage).toBe('not-started');
  });

  it('reads the agreement template and the attestations, and records a new attestation once', async () => {
    const pc = await server();
    const partner = client(pc);
    const template = await partner.agreementTemplate();
    expect(template).toEqual({ templateId: MCA_TEMPLATE_ID, agreementType: 'MicrosoftCustomerAgreement', agreementLink: 'https://aka.ms/customeragreement' });
    expect(pc.requests[0]?.query).toEqual({ agreementType: 'MicrosoftCustomerAgreement' });

    const before = await partner.customerAgreements(FIXTURE_CUSTOMER_TENANT.toUpperCase());
    expect(before).toEqual([
      { templateId: MCA_TEMPLATE_ID, type: 'MicrosoftCustomerAgreement', dateAgreed: '2019-07-24T00:00:00', primaryContact: { firstName: 'Tania', lastName: 'Carter', email: 'someone@example.com', phoneNumber: '1234567890' }, agreementLink: 'https://aka.ms/customeragreement' },
    ]);
    expect(pc.requests[1]?.path).toBe(`/v1/customers/${FIXTURE_CUSTOMER_TENANT}/agreements`);

    const created = await partner.createCustomerAgreement(TRANSFER_CUSTOMER_TENANT, {
      templateId: template.templateId,
      dateAgreed: '2026-12-01',
      primaryContact: { firstName: ' Aiko ', lastName: 'Sato', email: 'aiko@contoso.example' },
    });
    expect(created).toMatchObject({ templateId: MCA_TEMPLATE_ID, dateAgreed: '2026-12-01', primaryContact: { firstName: 'Aiko', lastName: 'Sato', email: 'aiko@contoso.example' } });
    const posts = pc.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers['content-type']).toContain('application/json');
    expect(posts[0]?.body).toEqual({ primaryContact: { firstName: 'Aiko', lastName: 'Sato', email: 'aiko@contoso.example' }, templateId: MCA_TEMPLATE_ID, dateAgreed: '2026-12-01', type: 'MicrosoftCustomerAgreement' });
    expect(await partner.customerAgreements(TRANSFER_CUSTOMER_TENANT)).toHaveLength(1);
  });

  it('refuses an attestation without the person or the day before sending anything', async () => {
    const pc = await server();
    const error = await failureOf(client(pc).createCustomerAgreement(TRANSFER_CUSTOMER_TENANT, { templateId: MCA_TEMPLATE_ID, dateAgreed: '1 Dec 2026', primaryContact: { firstName: '', lastName: 'Sato', email: '' } }));
    expect(error.code).toBe('invalidInput');
    expect(error.params).toEqual({ call: 'createAgreement', problem: 'agreementInput', missing: 'firstName, email' });
    expect(partnerCenterWords(error).en).toContain('(missing: firstName, email)');
    expect(partnerCenterWords(error).ja).toContain('パートナー センターには何も送っていません');
    expect(pc.requests).toHaveLength(0);
  });

  it('reads transfer eligibility, creates a new-commerce transfer request, and reads transfers with statuses mapped onto the case file', async () => {
    const pc = await server();
    const partner = client(pc);
    const eligibility = await partner.transferEligibility(TRANSFER_CUSTOMER_TENANT);
    expect(pc.requests[0]).toMatchObject({ path: `/v1/customers/${TRANSFER_CUSTOMER_TENANT}/transferseligibility`, query: { transferType: '3' } });
    expect(eligibility.filter((e) => e.eligible).map((e) => e.subscriptionId)).toEqual(['d3350f46-aa29-4f6f-95a0-e3011988915c', 'e82b2f4a-736a-4e2b-955c-c1a4c56c0171']);
    expect(eligibility[0]).toEqual({ subscriptionId: '548fa265-5f40-4765-9a6b-47826f72a4bf', eligible: false, reason: 'Subscription: 548FA265-5F40-4765-9A6B-47826F72A4BF is in state: Deleted' });

    const created = await partner.createTransfer('823c6c3f-9259-4d51-bae2-5dd06743177f', {
      sourcePartnerTenantId: TRANSFER_REQUEST.sourcePartnerTenantId,
      targetPartnerTenantId: TRANSFER_REQUEST.targetPartnerTenantId,
      subscriptionIds: TRANSFER_REQUEST.lineItems.map((l) => l.subscriptionId),
    });
    const post = pc.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      sourcePartnerTenantId: 'da6c51b5-1246-4a42-b4ab-cbf38df54537',
      targetPartnerTenantId: '656218b1-80c9-40b2-83ae-3a2703b55271',
      transferType: 3,
      lineItems: [{ subscriptionId: '7291bfbf-1772-4c5b-a624-18b6152cd8cb' }, { subscriptionId: '6c0b221b-8df9-4f4a-a5bb-4c9cbb7b27b0' }],
    });
    expect(created).toMatchObject({ id: '67c5b05b-09b5-47ba-9047-5056fe2afa4f', partnerCenterStatus: 'Active', status: 'requested', partial: false, customerTenantId: '823c6c3f-9259-4d51-bae2-5dd06743177f' });
    expect(created.lines.map((l) => [l.subscriptionId, l.quantity])).toEqual([
      ['7291bfbf-1772-4c5b-a624-18b6152cd8cb', 1],
      ['6c0b221b-8df9-4f4a-a5bb-4c9cbb7b27b0', 8],
    ]);

    const one = await partner.transfer(TRANSFER_CUSTOMER_TENANT, '46E8ED67-8ADF-4F65-B3D8-D31318080556');
    expect(one).toMatchObject({ id: '46e8ed67-8adf-4f65-b3d8-d31318080556', status: 'requested', sourcePartnerName: 'Test_Test_09092019GBL', createdTime: '2020-03-27T18:22:33.2875302Z' });
    expect(one.lines).toHaveLength(3);

    const all = await partner.transfers(TRANSFER_CUSTOMER_TENANT);
    expect(all.map((t) => [t.partnerCenterStatus, t.status, t.partial])).toEqual([
      ['Reject', 'rejected', false],
      ['Complete', 'completed', false],
      ['Complete', 'completed', false],
      ['PartiallyComplete', 'completed', true],
      ['Reject', 'rejected', false],
      ['Complete', 'completed', false],
      ['Complete', 'completed', false],
      ['Reject', 'rejected', false],
      ['PartiallyComplete', 'completed', true],
    ]);
    const failedLine = all[3]?.lines.find((l) => l.status === 'Failed');
    expect(failedLine).toMatchObject({ subscriptionId: '586dfb1a-e65c-48f4-bf6c-0d62d68af1d0', error: 'Subscription has already been transfered. Subscription: 586dfb1a-e65c-48f4-bf6c-0d62d68af1d0' });
  });

  it('maps Partner Center transfer words onto the case file statuses, an unknown word onto none', () => {
    expect(transferStatusOf('Active')).toEqual({ status: 'requested', partial: false });
    expect(transferStatusOf('InProgress')).toEqual({ status: 'requested', partial: false });
    expect(transferStatusOf('accepted')).toEqual({ status: 'approved', partial: false });
    expect(transferStatusOf('Expired')).toEqual({ status: 'rejected', partial: false });
    expect(transferStatusOf('Cancel')).toEqual({ status: 'rejected', partial: false });
    expect(transferStatusOf('CompletedWithErrors')).toEqual({ status: 'completed', partial: true });
    expect(transferStatusOf('Paused')).toEqual({ status: null, partial: false });
  });

  it('refuses a transfer of 26 subscriptions, or of one twice, before sending anything', async () => {
    const pc = await server();
    const ids = Array.from({ length: 26 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const tooMany = await failureOf(client(pc).createTransfer(TRANSFER_CUSTOMER_TENANT, { sourcePartnerTenantId: TRANSFER_REQUEST.sourcePartnerTenantId, subscriptionIds: ids }));
    expect(tooMany).toMatchObject({ code: 'invalidInput', call: 'createTransfer' });
    expect(tooMany.params).toEqual({ call: 'createTransfer', problem: 'transferInput', max: 25, count: 26 });
    expect(partnerCenterWords(tooMany).en).toContain('1 to 25 different subscription ids');
    expect(partnerCenterWords(tooMany).ja).toContain('この依頼は 26 件');
    const twice = await failureOf(client(pc).createTransfer(TRANSFER_CUSTOMER_TENANT, { sourcePartnerTenantId: TRANSFER_REQUEST.sourcePartnerTenantId, subscriptionIds: [ids[0] as string, (ids[0] as string).toUpperCase()] }));
    expect(partnerCenterWords(twice).en).toContain(`twice: ${ids[0]}`);
    const notACustomer = await failureOf(client(pc).transfers('contoso.com'));
    expect(notACustomer.code).toBe('invalidInput');
    expect(pc.requests).toHaveLength(0);
  });
});

describe('Partner Center client errors (local contract server)', () => {
  it('an expired token is refreshed once and the call goes on; a second 401 says to sign in again, in both languages', async () => {
    const pc = await server({ validTokens: new Set(['pc-token-1', 'pc-token-2']), expireToken: { token: 'pc-token-1', afterRequests: 1 } });
    const t = tokens('pc-token-1', 'pc-token-2');
    const partner = client(pc, { getToken: t.getToken });
    await partner.relationshipLink();
    const link = await partner.relationshipLink();
    expect(link.partnerTenantId).toBe('3b33e682-00c3-41ee-9dd2-a548adf56438');
    expect(t.calls).toEqual([undefined, { refresh: true }]);
    expect(pc.requests.map((r) => r.headers.authorization)).toEqual(['Bearer pc-token-1', 'Bearer pc-token-1', 'Bearer pc-token-2']);

    const stale = await server({ validTokens: new Set(['pc-token-1']), expireToken: { token: 'pc-token-1', afterRequests: 0 } });
    const error = await failureOf(client(stale).customers());
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, call: 'customers' });
    expect(partnerCenterWords(error).en).toContain('Your Partner Center sign-in has expired or is not accepted (401 Unauthorized, also with a fresh token)');
    expect(partnerCenterWords(error).ja).toContain('Microsoft にもう一度サインインしてください');
    expect(stale.requests).toHaveLength(2);
  });

  it('a 403 names the Admin agent role and the Partner Center permission', async () => {
    const pc = await server({ forbidden: new Set(['createTransfer']) });
    const error = await failureOf(client(pc).createTransfer(TRANSFER_CUSTOMER_TENANT, { sourcePartnerTenantId: TRANSFER_REQUEST.sourcePartnerTenantId, subscriptionIds: [TRANSFER_REQUEST.lineItems[0]?.subscriptionId as string] }));
    expect(error).toMatchObject({ code: 'forbidden', status: 403, partnerCenterCode: '900' });
    expect(error.params).toMatchObject({ call: 'createTransfer', status: 403, partnerCenterCode: '900', requestId: error.requestId, attempts: 1 });
    expect(partnerCenterWords(error).en).toContain('your account needs the Admin agent role in Partner Center');
    expect(partnerCenterWords(error).en).toContain('user_impersonation');
    expect(partnerCenterWords(error).ja).toContain('「管理エージェント」ロールが必要です');
    expect(pc.requests).toHaveLength(1);
  });

  it('a 404 for a customer Partner Center does not know says to check the tenant id, with Partner Center\'s own words', async () => {
    const unknown = '99999999-9999-4999-8999-999999999999';
    const pc = await server({ unknownCustomers: new Set([unknown]) });
    const error = await failureOf(client(pc).customerAgreements(unknown));
    expect(error).toMatchObject({ code: 'notFound', status: 404, partnerCenterCode: '600008' });
    expect(error.params).toMatchObject({ call: 'customerAgreements', url: error.url, status: 404, partnerCenterCode: '600008', description: `The requested customer ${unknown} was not found.` });
    expect(partnerCenterWords(error).en).toContain("check the customer's tenant id");
    expect(partnerCenterWords(error).en).toContain(`Partner Center says: "The requested customer ${unknown} was not found." (code 600008)`);
    expect(partnerCenterWords(error).ja).toContain('顧客のテナント ID');
    const missingTransfer = await failureOf(client(pc).transfer(TRANSFER_CUSTOMER_TENANT, '12345678-1234-4234-8234-123456789012'));
    expect(missingTransfer.code).toBe('notFound');
  });

  it('a 409 on a create is said as a conflict and not sent again', async () => {
    const pc = await server({ conflict: new Set(['createTransfer']) });
    const error = await failureOf(client(pc).createTransfer(TRANSFER_CUSTOMER_TENANT, { sourcePartnerTenantId: TRANSFER_REQUEST.sourcePartnerTenantId, subscriptionIds: [TRANSFER_REQUEST.lineItems[0]?.subscriptionId as string] }));
    expect(error).toMatchObject({ code: 'conflict', status: 409, partnerCenterCode: '800002' });
    expect(partnerCenterWords(error).en).toContain('(409 Conflict)');
    expect(partnerCenterWords(error).en).toContain('Subscription is already part of another transfer request.');
    expect(partnerCenterWords(error).ja).toContain('409 Conflict');
    expect(pc.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('waits as long as Retry-After says on a 429, for a read and for a create, then goes on', async () => {
    const pc = await server({ throttle: [{ onRequest: 1, retryAfter: '1' }, { onRequest: 3, retryAfter: '1' }] });
    const partner = client(pc);
    await partner.relationshipLink();
    const [first, second] = pc.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);

    const created = await partner.createCustomerAgreement(TRANSFER_CUSTOMER_TENANT, { templateId: MCA_TEMPLATE_ID, dateAgreed: '2026-12-01', primaryContact: { firstName: 'Aiko', lastName: 'Sato', email: 'aiko@contoso.example' } });
    expect(created.dateAgreed).toBe('2026-12-01');
    const posts = pc.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2); // the throttled one was not carried out, so it is sent again
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    // The same request, as Partner Center counts requests: the same MS-RequestId.
    expect(posts[1]?.headers['ms-requestid']).toBe(posts[0]?.headers['ms-requestid']);
    expect(pc.agreements.get(TRANSFER_CUSTOMER_TENANT)).toHaveLength(1);
  });

  it('throttled on every try: says so with the wait Partner Center asked for, nothing changed', async () => {
    const pc = await server({ throttle: [1, 2, 3].map((onRequest) => ({ onRequest, retryAfter: '0' })) });
    const error = await failureOf(client(pc, { retry: { ...fast, maxAttempts: 3 } }).transfers(TRANSFER_CUSTOMER_TENANT));
    expect(error).toMatchObject({ code: 'throttled', status: 429, retryAfterMs: 0 });
    expect(error.params).toMatchObject({ call: 'transfers', status: 429, attempts: 3, wait: 0 });
    expect(partnerCenterWords(error).en).toContain('(429 Too Many Requests) for the customer\'s transfers and still did after 3 tries; it asks to wait 0 seconds');
    expect(partnerCenterWords(error).ja).toContain('429 Too Many Requests、3 回試行');
    expect(pc.requests).toHaveLength(3);
  });

  it('a 503 on a read is retried; 5xx on every try ends with "try again later"', async () => {
    const pc = await server({ unavailable: [1] });
    expect((await client(pc).agreementTemplate()).templateId).toBe(MCA_TEMPLATE_ID);
    expect(pc.requests).toHaveLength(2);

    const down = await server({ unavailable: [1, 2, 3] });
    const error = await failureOf(client(down, { retry: { ...fast, maxAttempts: 3 } }).transferEligibility(TRANSFER_CUSTOMER_TENANT));
    expect(error).toMatchObject({ code: 'server', status: 503 });
    expect(partnerCenterWords(error).en).toContain('after 3 tries. Try again later.');
    expect(partnerCenterWords(error).en).toContain(`Request id ${down.requests[2]?.headers['ms-requestid']}`);
    expect(partnerCenterWords(error).ja).toContain('時間をおいてやり直してください');
  });

  it('a 500 on a create is not retried: it says the request may have been made and to check first', async () => {
    const pc = await server({ failAfterCreate: new Set(['createTransfer']) });
    const error = await failureOf(client(pc).createTransfer(TRANSFER_CUSTOMER_TENANT, { sourcePartnerTenantId: TRANSFER_REQUEST.sourcePartnerTenantId, subscriptionIds: TRANSFER_REQUEST.lineItems.map((l) => l.subscriptionId) }));
    expect(error).toMatchObject({ code: 'uncertain', status: 500, call: 'createTransfer' });
    expect(pc.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(partnerCenterWords(error).en).toContain('Partner Center answered 500 to the transfer request, but the request may have been carried out all the same. It was not sent again: check in Partner Center whether it exists before trying again');
    expect(partnerCenterWords(error).ja).toContain('要求は処理された可能性があります。再送はしていません');
    expect(error.requestId).toBe(pc.requests[0]?.headers['ms-requestid']);
    // And indeed it was: the transfer is there.
    expect(pc.transfers.has('67c5b05b-09b5-47ba-9047-5056fe2afa4f')).toBe(true);

    const agreement = await server({ failAfterCreate: new Set(['createAgreement']) });
    const again = await failureOf(client(agreement).createCustomerAgreement(TRANSFER_CUSTOMER_TENANT, { templateId: MCA_TEMPLATE_ID, dateAgreed: '2026-12-01', primaryContact: { firstName: 'Aiko', lastName: 'Sato', email: 'aiko@contoso.example' } }));
    expect(again.code).toBe('uncertain');
    expect(agreement.requests).toHaveLength(1);
  });

  it('no answer to a create is not retried either; no answer to a read is, then said as a network failure', async () => {
    // Started and closed here: nothing listens at its address any more.
    const pc = await startPcServer();
    const origin = pc.origin;
    await pc.close();
    let tries = 0;
    const counting: PartnerCenterOptions['fetch'] = (url, init) => {
      tries++;
      return nodeFetch(url, init);
    };
    const partner = partnerCenterClient({ fetch: counting, baseUrl: origin, getToken: tokens('pc-token-1').getToken, retry: { ...fast, maxAttempts: 3 } });
    const create = await failureOf(partner.createTransfer(TRANSFER_CUSTOMER_TENANT, { sourcePartnerTenantId: TRANSFER_REQUEST.sourcePartnerTenantId, subscriptionIds: [TRANSFER_REQUEST.lineItems[0]?.subscriptionId as string] }));
    expect(create.code).toBe('uncertain');
    expect(create.params).toMatchObject({ call: 'createTransfer', attempts: 1, cause: expect.any(String) });
    expect(create.params.status).toBeUndefined();
    expect(partnerCenterWords(create).en).toContain('Partner Center could not be reached for the transfer request');
    expect(tries).toBe(1);
    const read = await failureOf(partner.transfers(TRANSFER_CUSTOMER_TENANT));
    expect(read.code).toBe('network');
    expect(partnerCenterWords(read).en).toContain('after 3 tries');
    expect(tries).toBe(4);
  });

  it('an answer that is not the documented shape is refused, naming the call', async () => {
    const pc = await server({ garbled: 'customers' });
    const error = await failureOf(client(pc).customers());
    expect(error).toMatchObject({ code: 'malformed', call: 'customers' });
    expect(error.params).toMatchObject({ call: 'customers', url: error.url, problem: 'notDocumented', at: expect.stringMatching(/^items/) });
    expect(partnerCenterWords(error).en).toContain("Partner Center's answer for your customer list");
    expect(partnerCenterWords(error).en).toContain('is not in the documented shape (at items');
    expect(partnerCenterWords(error).ja).toContain('顧客一覧についてのパートナー センターの応答');
  });

  it("a sign-in that cannot give a token is the sign-in's own error: nothing sent, nothing retried", async () => {
    const pc = await server();
    let asked = 0;
    const signedOut = new Error('Not signed in with Microsoft.');
    const getToken = async () => {
      asked++;
      throw signedOut;
    };
    await expect(client(pc, { getToken }).relationshipLink()).rejects.toBe(signedOut);
    expect(asked).toBe(1);
    expect(pc.requests).toHaveLength(0);
  });

  it('sends the token only over https, or http to this computer', () => {
    expect(() => partnerCenterClient({ fetch: nodeFetch, baseUrl: 'http://api.partnercenter.example', getToken: tokens('x').getToken })).toThrow(/not https/);
  });
});
