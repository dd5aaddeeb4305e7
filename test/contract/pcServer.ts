// A local Partner Center contract server: a real HTTP server (fastify, as graphServer.ts) on
// 127.0.0.1 that serves the documented payloads of ../shared/fixtures/partner-center as they are,
// checks the bearer token, pages the customer list by continuation token (MS-ContinuationToken
// header, seekOperation=Next), and misbehaves on demand: throttling (429 + Retry-After), expired
// tokens (401), missing roles (403), outages (503), conflicts (409) and a 500 on a create that was
// carried out all the same. Every request is recorded so tests can see what the client really sent.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures/partner-center');
export const readPcFixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

/** The routes, by the client call they answer. */
export type PcRoute = 'relationshipLink' | 'customers' | 'agreementTemplate' | 'customerAgreements' | 'createAgreement' | 'transferEligibility' | 'createTransfer' | 'transfer' | 'transfers';

export interface PcRecordedRequest {
  method: string;
  route: PcRoute | null;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
  /** performance.now() when it arrived. */
  at: number;
}

export interface PcBehaviour {
  validTokens: Set<string>;
  /** This token stops being accepted after it was used this many times (then 401, token expired). */
  expireToken?: { token: string; afterRequests: number };
  /** The customer records of the list, in order. */
  customers: unknown[];
  /** Customers per page at most (the client's `size` caps it as well). */
  pageSize: number;
  /** 1-based request numbers answered 429 with this Retry-After. */
  throttle: { onRequest: number; retryAfter: string }[];
  /** 1-based request numbers answered 503. */
  unavailable: number[];
  /** Routes answered 403 (the user is not an Admin agent). */
  forbidden: Set<PcRoute>;
  /** Customer tenant ids Partner Center does not know (404). */
  unknownCustomers: Set<string>;
  /** Creates answered 409 with Partner Center's error body. */
  conflict: Set<'createAgreement' | 'createTransfer'>;
  /** Creates answered 500 after they were carried out (the record exists afterwards). */
  failAfterCreate: Set<'createAgreement' | 'createTransfer'>;
  /** Answers of this route are sent as a body that is not the documented shape. */
  garbled?: PcRoute;
}

export interface PcServer {
  origin: string;
  behaviour: PcBehaviour;
  requests: PcRecordedRequest[];
  /** Attestations stored per customer tenant id (lower case). */
  agreements: Map<string, unknown[]>;
  /** Transfers stored by id (lower case), the fixtures' and the created ones. */
  transfers: Map<string, unknown>;
  close(): Promise<void>;
}

/** The customer of customer.get.response.json: a reseller customer, country US in its billing profile. */
export const FIXTURE_CUSTOMER_TENANT = 'eebd1b55-5360-4438-a11d-5c06918c3014';
/** The customer of the transfers fixtures. */
export const TRANSFER_CUSTOMER_TENANT = 'b67f0b00-f9e8-4c57-bcb5-0b8b95c6ccf0';

/** `count` customers as the list returns them (company profile, no billing profile), ids stable by position. */
export function generatedCustomers(count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(12, '0');
    const id = `22222222-3333-4444-8555-${n}`;
    return {
      id,
      companyProfile: { tenantId: id, domain: `customer${i + 1}.onmicrosoft.com`, companyName: `Customer ${i + 1}`, attributes: { objectType: 'CustomerCompanyProfile' } },
      relationshipToPartner: i % 2 === 0 ? 'reseller' : 'none',
      allowDelegatedAccess: false,
      attributes: { objectType: 'Customer' },
    };
  });
}

// The repository's fixtures hold no agreement payloads: these follow the examples of Partner Center's
// "Get agreement metadata for Microsoft Customer Agreement" and "Get confirmation of customer
// acceptance of Microsoft Customer Agreement" pages (values are the docs' kind of placeholders).
export const MCA_TEMPLATE_ID = '117a77b0-9360-443b-8795-c6dedc750cf9';
const agreementMetadata = {
  totalCount: 1,
  items: [{ templateId: MCA_TEMPLATE_ID, agreementType: 'MicrosoftCustomerAgreement', agreementLink: 'https://aka.ms/customeragreement', versionRank: 0 }],
  attributes: { objectType: 'Collection' },
};
export const documentedAgreement = {
  primaryContact: { firstName: 'Tania', lastName: 'Carter', email: 'someone@example.com', phoneNumber: '1234567890' },
  templateId: MCA_TEMPLATE_ID,
  dateAgreed: '2019-07-24T00:00:00',
  type: 'MicrosoftCustomerAgreement',
  agreementLink: 'https://aka.ms/customeragreement',
};

const pcError = (code: number, description: string) => ({ code, description, data: [], source: 'PartnerFD' });

function routeOf(method: string, pathname: string): { route: PcRoute; customer?: string; transfer?: string } | null {
  const p = pathname.toLowerCase();
  if (method === 'GET' && p === '/v1/customers/relationshiprequests') return { route: 'relationshipLink' };
  if (method === 'GET' && p === '/v1/customers') return { route: 'customers' };
  if (method === 'GET' && p === '/v1/agreements') return { route: 'agreementTemplate' };
  const m = /^\/v1\/customers\/([^/]+)\/(agreements|transferseligibility|transfers)(?:\/([^/]+))?$/.exec(p);
  if (!m) return null;
  const customer = m[1] as string;
  const transfer = m[3];
  if (m[2] === 'agreements' && !transfer) return { route: method === 'POST' ? 'createAgreement' : 'customerAgreements', customer };
  if (m[2] === 'transferseligibility' && method === 'GET' && !transfer) return { route: 'transferEligibility', customer };
  if (m[2] === 'transfers' && method === 'POST' && !transfer) return { route: 'createTransfer', customer };
  if (m[2] === 'transfers' && method === 'GET') return transfer ? { route: 'transfer', customer, transfer } : { route: 'transfers', customer };
  return null;
}

export async function startPcServer(initial: Partial<PcBehaviour> = {}): Promise<PcServer> {
  const behaviour: PcBehaviour = {
    validTokens: new Set(['pc-token-1']),
    customers: [JSON.parse(readPcFixture('customer.get.response.json')), ...generatedCustomers(4)],
    pageSize: 40,
    throttle: [],
    unavailable: [],
    forbidden: new Set(),
    unknownCustomers: new Set(),
    conflict: new Set(),
    failAfterCreate: new Set(),
    ...initial,
  };
  const requests: PcRecordedRequest[] = [];
  const tokenUses = new Map<string, number>();
  const agreements = new Map<string, unknown[]>([[FIXTURE_CUSTOMER_TENANT, [documentedAgreement]]]);
  const transfers = new Map<string, unknown>();
  for (const t of [JSON.parse(readPcFixture('transfer.get.response.json')), ...(JSON.parse(readPcFixture('transfers.list.response.json')) as unknown[])]) {
    transfers.set(String((t as { id: string }).id).toLowerCase(), t);
  }
  const app = Fastify({ logger: false });
  let origin = '';

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(request.url, origin);
    const query = Object.fromEntries(url.searchParams);
    const h = request.headers;
    const header = (name: string) => {
      const v = h[name];
      return Array.isArray(v) ? v.join(',') : v;
    };
    const matched = routeOf(request.method, url.pathname);
    requests.push({
      method: request.method,
      route: matched?.route ?? null,
      path: url.pathname,
      query,
      headers: {
        authorization: header('authorization'),
        accept: header('accept'),
        'content-type': header('content-type'),
        'ms-continuationtoken': header('ms-continuationtoken'),
        'ms-requestid': header('ms-requestid'),
        'ms-correlationid': header('ms-correlationid'),
      },
      body: request.body ?? null,
      at: performance.now(),
    });
    const n = requests.length;
    const json = (status: number, body: unknown) => reply.code(status).type('application/json').send(JSON.stringify(body));
    const text = (status: number, body: string) => reply.code(status).type('application/json').send(body);

    const token = /^Bearer (.+)$/.exec(header('authorization') ?? '')?.[1];
    if (!token || !behaviour.validTokens.has(token)) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      return reply.code(401).send('');
    }
    const uses = (tokenUses.get(token) ?? 0) + 1;
    tokenUses.set(token, uses);
    if (behaviour.expireToken?.token === token && uses > behaviour.expireToken.afterRequests) {
      reply.header('www-authenticate', 'Bearer error="invalid_token", error_description="The token is expired"');
      return reply.code(401).send('');
    }
    const throttled = behaviour.throttle.find((t) => t.onRequest === n);
    if (throttled) {
      reply.header('retry-after', throttled.retryAfter);
      return json(429, pcError(429, 'Too many requests, please retry after some time.'));
    }
    if (behaviour.unavailable.includes(n)) return json(503, pcError(503, 'Service unavailable.'));
    if (!matched) return json(404, pcError(404, `No route ${request.method} ${url.pathname}.`));
    const { route } = matched;
    if (behaviour.forbidden.has(route)) return json(403, pcError(900, 'Access denied: the user does not have the required role.'));
    const customer = matched.customer?.toLowerCase();
    if (customer && behaviour.unknownCustomers.has(customer)) return json(404, pcError(600008, `The requested customer ${customer} was not found.`));
    if (behaviour.garbled === route) return json(200, { unexpected: true });

    switch (route) {
      case 'relationshipLink':
        return text(200, readPcFixture('relationshiprequest.get.response.json'));
      case 'customers': {
        const size = Math.min(Number(query.size ?? behaviour.pageSize) || behaviour.pageSize, behaviour.pageSize);
        let offset = 0;
        if (query.seekOperation !== undefined) {
          const continuation = header('ms-continuationtoken');
          if (query.seekOperation.toLowerCase() !== 'next' || !continuation) return json(400, pcError(400, 'A seek needs seekOperation=Next and the MS-ContinuationToken header.'));
          offset = Number(Buffer.from(continuation, 'base64url').toString('utf8'));
        }
        const items = behaviour.customers.slice(offset, offset + size);
        const body: Record<string, unknown> = { totalCount: items.length, items, links: { self: { uri: `/customers?size=${size}`, method: 'GET', headers: [] } }, attributes: { objectType: 'Collection' } };
        if (offset + size < behaviour.customers.length) {
          const continuation = Buffer.from(String(offset + size)).toString('base64url');
          body.continuationToken = continuation;
          (body.links as Record<string, unknown>).next = { uri: `/customers?size=${size}&seekOperation=Next`, method: 'GET', headers: [{ key: 'MS-ContinuationToken', value: continuation }] };
        }
        return json(200, body);
      }
      case 'agreementTemplate':
        return json(200, agreementMetadata);
      case 'customerAgreements': {
        const items = agreements.get(customer as string) ?? [];
        return json(200, { totalCount: items.length, items, attributes: { objectType: 'Collection' } });
      }
      case 'createAgreement': {
        if (behaviour.conflict.has('createAgreement')) return json(409, pcError(600061, 'An agreement with this template was already confirmed for the customer.'));
        const body = request.body as Record<string, unknown> | null;
        if (!body || typeof body.templateId !== 'string' || typeof body.dateAgreed !== 'string' || body.type !== 'MicrosoftCustomerAgreement') return json(400, pcError(400, 'The agreement is missing a field.'));
        const stored = { ...body, agreementLink: 'https://aka.ms/customeragreement' };
        agreements.set(customer as string, [...(agreements.get(customer as string) ?? []), stored]);
        if (behaviour.failAfterCreate.has('createAgreement')) return json(500, pcError(500, 'An internal error occurred.'));
        return json(201, stored);
      }
      case 'transferEligibility':
        return text(200, readPcFixture('transfer.eligibility.response.json'));
      case 'createTransfer': {
        if (behaviour.conflict.has('createTransfer')) return json(409, pcError(800002, 'Subscription is already part of another transfer request.'));
        const created = readPcFixture('transfer.create.response.json');
        const id = (JSON.parse(created) as { id: string }).id.toLowerCase();
        transfers.set(id, JSON.parse(created));
        if (behaviour.failAfterCreate.has('createTransfer')) return json(500, pcError(500, 'An internal error occurred.'));
        return reply.code(201).type('application/json').send(created);
      }
      case 'transfer': {
        const t = transfers.get((matched.transfer as string).toLowerCase());
        return t ? json(200, t) : json(404, pcError(800000, `Transfer ${matched.transfer} was not found.`));
      }
      case 'transfers':
        return text(200, readPcFixture('transfers.list.response.json'));
    }
  };
  app.all('/*', handle);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('Partner Center contract server: no port');
  origin = `http://127.0.0.1:${address.port}`;
  return { origin, behaviour, requests, agreements, transfers, close: () => app.close() };
}
