// A local Microsoft Graph contract server: a real HTTP server (fastify, as server/ uses) on
// 127.0.0.1 that serves the documented payloads of ../shared/fixtures/graph and a generated tenant,
// checks the bearer token, pages users through @odata.nextLink with $skiptoken, and misbehaves on
// demand (throttling, outages, expired tokens, missing roles, foreign next links, broken pages).
// Every request is recorded so tests can see what the client really sent. It also lists the
// partner's GDAP relationships (tenantRelationships/delegatedAdminRelationships): the fixture's
// relationship plus generated ones, on two pages by default.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures/graph');
export const readGraphFixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

export type ServedCollection = 'organization' | 'subscribedSkus' | 'subscriptions' | 'users' | 'relationships';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  /** performance.now() when it arrived. */
  at: number;
}

/** What the server does; tests change it between (or during) reads. */
export interface GraphBehaviour {
  /** Bearer tokens the tenant accepts. */
  validTokens: Set<string>;
  /** The user records served, in order. */
  users: unknown[];
  /** Users per page (Graph's $top caps it as well). */
  pageSize: number;
  /** 1-based request numbers answered 429 with this Retry-After. */
  throttle: { onRequest: number; retryAfter: string }[];
  /** 1-based request numbers answered 503 (Retry-After when given). */
  unavailable: { onRequest: number; retryAfter?: string }[];
  /** This token stops being accepted after it was used this many times (then 401, token expired). */
  expireToken?: { token: string; afterRequests: number };
  /** Collections answered 403 (the GDAP relationship lacks a role). */
  forbidden: Set<ServedCollection>;
  /** Collections answered 404 (a tenant Graph does not know). */
  notFound?: Set<ServedCollection>;
  /** Users page 1's next link points to this origin instead of the server's own. */
  nextLinkOrigin?: string;
  /** This users page (1-based) is sent as broken JSON. */
  brokenUsersPage?: number;
  /** This users page (1-based) is JSON without a `value` list. */
  valuelessUsersPage?: number;
  /** Delay before each answer. */
  latencyMs: number;
  /** The GDAP relationships listed, in order. */
  relationships: unknown[];
  /** Relationships per page (Graph's $top, at most 300, caps it as well). */
  relationshipPageSize: number;
}

export interface GraphServer {
  origin: string;
  behaviour: GraphBehaviour;
  requests: RecordedRequest[];
  organizationText: string;
  close(): Promise<void>;
}

export const TENANT_ID = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';

/** The users of user.licenseAssignmentStates.example.json. */
export function fixtureUsers(): unknown[] {
  return (JSON.parse(readGraphFixture('user.licenseAssignmentStates.example.json')) as { value: unknown[] }).value;
}

// SKUs of subscribedSkus.list.response.json, so generated users hold licenses the tenant has.
const SKUS = ['c7df2760-2c81-4ef7-b578-5b5392b571df', 'd17b27af-3f49-4822-99f9-56a661538792'];

/** `count` users as Graph returns them with the app's $select, ids stable by position. */
export function generatedUsers(count: number): unknown[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(12, '0');
    const sku = SKUS[i % SKUS.length] as string;
    const group = i % 3 === 0 ? `0a0b0c0d-0000-4000-8000-${n}` : null;
    return {
      id: `11111111-2222-4333-8444-${n}`,
      userPrincipalName: `user${i + 1}@contoso.onmicrosoft.com`,
      displayName: `User ${i + 1}`,
      usageLocation: i % 2 === 0 ? 'JP' : 'US',
      accountEnabled: i % 10 !== 9,
      assignedLicenses: [{ skuId: sku, disabledPlans: [] }],
      licenseAssignmentStates: [{ skuId: sku, disabledPlans: [], assignedByGroup: group, state: 'Active', error: 'None' }],
    };
  });
}

/** The fixture's relationship as a list holds it (a list item carries no @odata.context). */
export function fixtureRelationship(): Record<string, unknown> {
  const record = JSON.parse(readGraphFixture('delegatedAdminRelationship.create.response.json')) as Record<string, unknown>;
  delete record['@odata.context'];
  return record;
}

const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
const GLOBAL_READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';
const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const LICENSE_ADMINISTRATOR = '4d6ac14f-3453-41d0-bef9-a3e0c569773a';

/**
 * `count` active relationships as Graph lists them, ids stable by position: the first reaches the
 * server's own tenant (TENANT_ID) with Directory Readers; then Global Reader, then roles that cannot
 * read licenses (User Administrator, License Administrator), in turn.
 */
export function generatedRelationships(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(12, '0');
    const tenantId = i === 0 ? TENANT_ID : `aaaaaaaa-bbbb-4ccc-8ddd-${n}`;
    const roles = i % 3 === 0 ? [DIRECTORY_READERS, USER_ADMINISTRATOR] : i % 3 === 1 ? [GLOBAL_READER] : [USER_ADMINISTRATOR, LICENSE_ADMINISTRATOR];
    return {
      '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
      '@odata.etag': `W/"${n}"`,
      id: `${tenantId}-0000-4000-8000-${n}`,
      displayName: `Customer ${i + 1} licenses`,
      duration: 'P730D',
      customer: { tenantId, displayName: i === 0 ? 'Contoso' : `Customer ${i + 1}` },
      accessDetails: { unifiedRoles: roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
      status: 'active',
      autoExtendDuration: i % 2 === 0 ? 'P180D' : 'PT0S',
      createdDateTime: '2026-01-10T09:00:00Z',
      lastModifiedDateTime: '2026-01-12T09:00:00Z',
      activatedDateTime: '2026-01-12T09:00:00Z',
      endDateTime: `2028-01-${String((i % 28) + 1).padStart(2, '0')}T09:00:00Z`,
    };
  });
}

const graphError = (code: string, message: string) => ({ error: { code, message, innerError: { date: '2026-12-06T00:00:00', 'request-id': 'local', 'client-request-id': 'local' } } });

function collectionOf(pathname: string): ServedCollection | undefined {
  switch (pathname) {
    case '/v1.0/organization':
      return 'organization';
    case '/v1.0/subscribedSkus':
      return 'subscribedSkus';
    case '/v1.0/directory/subscriptions':
      return 'subscriptions';
    case '/v1.0/users':
      return 'users';
    case '/v1.0/tenantRelationships/delegatedAdminRelationships':
      return 'relationships';
    default:
      return undefined;
  }
}

export async function startGraphServer(initial: Partial<GraphBehaviour> = {}): Promise<GraphServer> {
  const behaviour: GraphBehaviour = {
    validTokens: new Set(['token-1']),
    users: fixtureUsers(),
    pageSize: 999,
    throttle: [],
    unavailable: [],
    forbidden: new Set(),
    latencyMs: 0,
    relationships: [fixtureRelationship(), ...generatedRelationships(4)],
    relationshipPageSize: 3,
    ...initial,
  };
  const requests: RecordedRequest[] = [];
  const tokenUses = new Map<string, number>();
  const organizationText = JSON.stringify({
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#organization',
    value: [{ id: TENANT_ID, displayName: 'Contoso', countryLetterCode: 'JP', verifiedDomains: [{ name: 'contoso.onmicrosoft.com', isDefault: true }] }],
  });
  const app = Fastify({ logger: false });
  let origin = '';

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = new URL(request.url, origin);
    const query = Object.fromEntries(url.searchParams);
    const authorization = request.headers.authorization;
    requests.push({ method: request.method, path: url.pathname, query, authorization, at: performance.now() });
    const n = requests.length;
    if (behaviour.latencyMs > 0) await new Promise((r) => setTimeout(r, behaviour.latencyMs));
    const json = (status: number, body: unknown) => reply.code(status).type('application/json').send(JSON.stringify(body));

    if (request.method !== 'GET') return json(405, graphError('Request_BadRequest', 'This contract server serves reads only.'));
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token || !behaviour.validTokens.has(token)) return json(401, graphError('InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'));
    const uses = (tokenUses.get(token) ?? 0) + 1;
    tokenUses.set(token, uses);
    if (behaviour.expireToken?.token === token && uses > behaviour.expireToken.afterRequests) {
      reply.header('www-authenticate', 'Bearer error="invalid_token", error_description="The token is expired"');
      return json(401, graphError('InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'));
    }
    const throttled = behaviour.throttle.find((t) => t.onRequest === n);
    if (throttled) {
      reply.header('retry-after', throttled.retryAfter);
      return json(429, graphError('TooManyRequests', 'Too many requests.'));
    }
    const down = behaviour.unavailable.find((t) => t.onRequest === n);
    if (down) {
      if (down.retryAfter !== undefined) reply.header('retry-after', down.retryAfter);
      return json(503, graphError('ServiceUnavailable', 'Service unavailable.'));
    }
    const collection = collectionOf(url.pathname);
    if (!collection) return json(404, graphError('Request_ResourceNotFound', `Resource '${url.pathname}' does not exist.`));
    if (behaviour.notFound?.has(collection)) return json(404, graphError('Request_ResourceNotFound', `Resource '${url.pathname}' does not exist.`));
    if (behaviour.forbidden.has(collection)) return json(403, graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'));

    switch (collection) {
      case 'organization':
        return reply.code(200).type('application/json').send(organizationText);
      case 'subscribedSkus':
        return reply.code(200).type('application/json').send(readGraphFixture('subscribedSkus.list.response.json'));
      case 'subscriptions':
        return reply.code(200).type('application/json').send(readGraphFixture('directory.subscriptions.list.response.json'));
      case 'users': {
        const top = Math.min(Number(query.$top ?? behaviour.pageSize) || behaviour.pageSize, 999, behaviour.pageSize);
        const offset = query.$skiptoken ? Number(Buffer.from(query.$skiptoken, 'base64url').toString('utf8')) : 0;
        const page = Math.floor(offset / top) + 1;
        if (behaviour.brokenUsersPage === page) return reply.code(200).type('application/json').send('{"value": [{"id": "cut off in the midd');
        if (behaviour.valuelessUsersPage === page) return json(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', values: [] });
        const value = behaviour.users.slice(offset, offset + top);
        const body: Record<string, unknown> = { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', value };
        if (offset + top < behaviour.users.length) {
          const next = new URL(url.pathname, page === 1 && behaviour.nextLinkOrigin ? behaviour.nextLinkOrigin : origin);
          for (const [k, v] of url.searchParams) if (k !== '$skiptoken') next.searchParams.set(k, v);
          next.searchParams.set('$skiptoken', Buffer.from(String(offset + top)).toString('base64url'));
          body['@odata.nextLink'] = next.href;
        }
        return json(200, body);
      }
      case 'relationships': {
        const top = Math.min(Number(query.$top ?? 300) || 300, 300, behaviour.relationshipPageSize);
        const offset = query.$skiptoken ? Number(Buffer.from(query.$skiptoken, 'base64url').toString('utf8')) : 0;
        const body: Record<string, unknown> = {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships',
          value: behaviour.relationships.slice(offset, offset + top),
        };
        if (offset + top < behaviour.relationships.length) {
          const next = new URL(url.pathname, offset === 0 && behaviour.nextLinkOrigin ? behaviour.nextLinkOrigin : origin);
          for (const [k, v] of url.searchParams) if (k !== '$skiptoken') next.searchParams.set(k, v);
          next.searchParams.set('$skiptoken', Buffer.from(String(offset + top)).toString('base64url'));
          body['@odata.nextLink'] = next.href;
        }
        return json(200, body);
      }
    }
  };
  app.all('/*', handle);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('graph contract server: no port');
  origin = `http://127.0.0.1:${address.port}`;
  return { origin, behaviour, requests, organizationText, close: () => app.close() };
}
