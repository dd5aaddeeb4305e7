// /auth/sign-in, /auth/refresh, /auth/sign-out and /me; the `authenticate` hook that sets
// `request.actor` on protected routes; the rate limits of sign-in and the one sync routes use.
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Permission, Role, permissionsOf } from '../../shared/domain/roles';
import { ApiError, errorResponses } from '../http/errors';
import { FailureLimit } from './failures';
import { PASSWORD_MAX } from './password';
import { getOrganization, normalizeEmail } from './store';
import type { AuthService, PushCaller, RequestActor } from './service';
import '../http/fastifyTypes'; // the FastifyInstance/FastifyRequest augmentation (types only)

export interface AuthRouteOptions {
  auth: AuthService;
  signInPerIp: number;
  signInPerEmail: number;
  syncPerUser: number;
}

const Email = z.string().trim().min(3).max(320).describe('Sign-in email; case does not matter');
const UserOut = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: Role });
const OrgOut = z.object({ id: z.uuid(), name: z.string() });
const Tokens = z.object({
  accessToken: z.string().describe('Bearer token for API calls (prefix cspw_at_)'),
  refreshToken: z.string().describe('Single use: exchange at /auth/refresh for a new pair (prefix cspw_rt_)'),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
  refreshExpiresIn: z.number().int().describe('Seconds until the refresh token expires'),
});
const SignInBody = z.object({ email: Email, password: z.string().min(1).max(PASSWORD_MAX) }).strict();
const RefreshBody = z.object({ refreshToken: z.string().min(1).max(200) }).strict();
const EntraSignInBody = z
  .object({
    token: z
      .string()
      .min(1)
      .max(16_384)
      .describe("A Microsoft Entra ID token, or an access token for this server's app registration, from the partner's tenant"),
  })
  .strict();
const bearer = [{ bearerAuth: [] }];

export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1] ?? '';
}

/** A per-minute limit on `key(req)`, as a preHandler; several can stack on one route (the
 * plugin's own route hooks run only once per request). In memory: per server instance. */
export function limiter(app: FastifyInstance, max: number, key: (req: FastifyRequest) => string): preHandlerAsyncHookHandler {
  const check = app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: key });
  return async (req, reply) => {
    const r = await check(req);
    if (r.isAllowed || !r.isExceeded) return;
    void reply.header('retry-after', r.ttlInSeconds);
    throw new ApiError(429, 'RATE_LIMITED', `too many requests: retry in ${r.ttlInSeconds} s`);
  };
}

/** Registers the routes on `app` itself (not an encapsulated plugin): `authenticate`,
 * `syncRateLimit` and `request.actor` are for every route of the app. */
export async function authRoutes(app: FastifyInstance, opts: AuthRouteOptions): Promise<void> {
  const { auth } = opts;

  app.decorateRequest('actor', null as unknown as RequestActor);
  /** The request's bearer token, or 401. */
  const requiredToken = (req: FastifyRequest) => {
    const token = bearerToken(req);
    if (token === undefined) throw new ApiError(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <access token>');
    return token;
  };
  app.decorate('authenticate', async (req: FastifyRequest) => {
    req.actor = await auth.authenticate(requiredToken(req));
  });
  // POST /sync/push: the same, except that a session checked lately is checked again by the push's
  // own transaction instead (AuthService.authenticatePush).
  app.decorateRequest('pushCaller', null as unknown as PushCaller);
  app.decorate('authenticatePush', async (req: FastifyRequest) => {
    req.pushCaller = await auth.authenticatePush(requiredToken(req));
    req.actor = req.pushCaller.actor;
  });
  app.decorate('syncRateLimit', limiter(app, opts.syncPerUser, (req) => `sync:${req.actor?.userId ?? req.ip}`));
  const signInPerIp = limiter(app, opts.signInPerIp, (req) => `sign-in-ip:${req.ip}`);
  const failures = new FailureLimit(opts.signInPerEmail);
  const failureKey = (req: FastifyRequest) => `${normalizeEmail((req.body as { email: string }).email)}|${req.ip}`;
  const signInFailures: preHandlerAsyncHookHandler = async (req, reply) => {
    const wait = failures.waitSeconds(failureKey(req));
    if (wait === 0) return;
    void reply.header('retry-after', wait);
    throw new ApiError(429, 'RATE_LIMITED', `too many failed sign-ins for this email from this address: retry in ${wait} s`);
  };
  const refreshPerIp = limiter(app, opts.signInPerIp, (req) => `refresh-ip:${req.ip}`);

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: SignInBody,
        response: { 200: Tokens.extend({ user: UserOut, organization: OrgOut }), ...errorResponses(400, 401, 403, 413, 429) },
      },
      preHandler: [signInPerIp, signInFailures],
    },
    async (req) => {
      try {
        return await auth.signIn(req.body.email, req.body.password, req.headers['user-agent']);
      } catch (e) {
        if (e instanceof ApiError && e.statusCode === 401) failures.fail(failureKey(req));
        throw e;
      }
    },
  );

  r.post(
    '/auth/entra/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with Microsoft Entra ID: exchange an Entra token for this server\'s tokens',
        description:
          'The token must be signed by the configured issuer (ENTRA_ISSUER) with RS256, be for one of ENTRA_AUDIENCES, unexpired, ' +
          'and from a tenant in ENTRA_TENANT_IDS; the person is the member mapped to its object id (oid), or, with ENTRA_APP_ROLES, ' +
          'takes the role of its app roles. The answer is the same as /auth/sign-in.',
        body: EntraSignInBody,
        response: { 200: Tokens.extend({ user: UserOut, organization: OrgOut }), ...errorResponses(400, 401, 403, 413, 429, 503) },
      },
      preHandler: signInPerIp,
    },
    async (req) => auth.signInWithEntra(req.body.token, req.headers['user-agent']),
  );

  r.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new token pair (the old one stops working)',
        body: RefreshBody,
        response: { 200: Tokens, ...errorResponses(400, 401, 413, 429) },
      },
      preHandler: refreshPerIp,
    },
    async (req) => auth.refresh(req.body.refreshToken, req.headers['user-agent']),
  );

  r.post(
    '/auth/sign-out',
    {
      schema: { tags: ['auth'], summary: 'Revoke this session', security: bearer, response: { 204: z.null(), ...errorResponses(401) } },
      onRequest: app.authenticate,
    },
    async (req, reply) => {
      await auth.signOut(req.actor);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their organization and permissions',
        security: bearer,
        response: { 200: z.object({ user: UserOut, organization: OrgOut, permissions: z.array(Permission) }), ...errorResponses(401, 429) },
      },
      onRequest: app.authenticate,
      preHandler: app.syncRateLimit,
    },
    async (req) => {
      const a = req.actor;
      const org = await getOrganization(app.db, a.orgId);
      if (!org) throw new ApiError(401, 'INVALID_TOKEN', 'the organization no longer exists');
      return {
        user: { id: a.userId, email: a.email, name: a.name, role: a.role },
        organization: { id: org.id, name: org.name },
        permissions: [...permissionsOf(a.role)],
      };
    },
  );
}
