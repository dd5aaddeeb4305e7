// The sync server's HTTP application: /health, OpenAPI (/openapi.json, /docs), auth routes, one
// error shape, rate limits and redacted structured logs. The sync protocol mounts its routes here
// (protected ones with `onRequest: app.authenticate, preHandler: app.syncRateLimit`).
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authRoutes } from './auth/routes';
import { EntraVerifier } from './auth/entraTokens';
import { AuthService } from './auth/service';
import './http/fastifyTypes'; // app.db, app.auth, app.authenticate, request.actor (types only)
import type { ServerConfig } from './config';
import type { Database } from './db/types';
import { registerErrorHandling } from './http/errors';
import { refuseUnstorableText } from './http/text';
import { syncRoutes } from './sync/routes';

export const SERVER_NAME = 'csp-migration-workspace-server';

/** Never logged: credentials in headers and bodies, wherever a log call puts them. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'body.password',
  'body.refreshToken',
  'body.accessToken',
  'body.token',
  'password',
  'refreshToken',
  'accessToken',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
];

export type AppConfig = Pick<
  ServerConfig,
  | 'LOG_LEVEL'
  | 'BODY_LIMIT_BYTES'
  | 'ACCESS_TOKEN_TTL_SECONDS'
  | 'REFRESH_TOKEN_TTL_SECONDS'
  | 'SIGN_IN_RATE_PER_IP'
  | 'SIGN_IN_RATE_PER_EMAIL'
  | 'SYNC_RATE_PER_USER'
  | 'TRUST_PROXY'
  | 'SYNC_PUSH_BODY_LIMIT_BYTES'
  | 'SYNC_PULL_PAGE_SIZE'
  | 'SYNC_PULL_PAGE_BYTES'
  | 'CORS_ORIGINS'
  | 'POKE_STREAMS_PER_USER'
  | 'POKE_SESSION_CHECK_SECONDS'
  | 'LOCAL_PASSWORDS'
  | 'ENTRA_TENANT_IDS'
  | 'ENTRA_ISSUER'
  | 'ENTRA_AUDIENCES'
  | 'ENTRA_APP_ROLES'
  | 'ENTRA_ROLE_MAP'
  | 'ENTRA_CLOCK_TOLERANCE_SECONDS'
  | 'ENTRA_JWKS_CACHE_SECONDS'
  | 'ENTRA_JWKS_COOLDOWN_SECONDS'
>;

export interface AppOptions {
  config: AppConfig;
  db: Database;
  version: string;
  /** Where logs go (tests capture them); default stdout. */
  logStream?: { write(line: string): void };
  /** Close the database when the app closes (main.ts: yes; tests sharing one database: no). */
  closeDatabase?: boolean;
  /** The clock Entra tokens are checked against (tests move it); default the computer's. */
  entraClock?: () => Date;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, db, version } = opts;
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      name: SERVER_NAME,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  refuseUnstorableText(app);

  const entra =
    config.ENTRA_TENANT_IDS.length === 0
      ? undefined
      : {
          verifier: new EntraVerifier({
            tenantIds: config.ENTRA_TENANT_IDS,
            issuer: config.ENTRA_ISSUER,
            audiences: config.ENTRA_AUDIENCES,
            clockToleranceSeconds: config.ENTRA_CLOCK_TOLERANCE_SECONDS,
            jwksCacheSeconds: config.ENTRA_JWKS_CACHE_SECONDS,
            jwksCooldownSeconds: config.ENTRA_JWKS_COOLDOWN_SECONDS,
            ...(opts.entraClock ? { now: opts.entraClock } : {}),
          }),
          appRoles: { enabled: config.ENTRA_APP_ROLES, map: config.ENTRA_ROLE_MAP },
        };
  const auth = new AuthService(db, {
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    localPasswords: config.LOCAL_PASSWORDS,
    ...(entra ? { entra } : {}),
    log: app.log,
  });
  app.decorate('db', db);
  app.decorate('auth', auth);
  // Graceful close: requests in flight finish, and their keep-alive connections close after the
  // response (else close() would wait for the clients' idle timeout); then the database closes.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  if (opts.closeDatabase) app.addHook('onClose', async () => db.close());

  await app.register(swagger, {
    openapi: {
      info: { title: 'CSP Migration Workspace sync server', version },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An access token from /auth/sign-in' } } },
    },
    transform: jsonSchemaTransform,
    // Puts the schemas with an id (Error) under components.schemas, where the routes' $refs point.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(rateLimit, { global: false });
  // The app calls from its own origin (app://csp-migration-workspace, or the page's in a browser).
  await app.register(cors, {
    origin: config.CORS_ORIGINS,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'content-encoding'],
    maxAge: 600,
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  r.get(
    '/health',
    {
      schema: {
        tags: ['ops'],
        summary: 'Liveness and database check',
        response: {
          200: z.object({ status: z.literal('ok'), name: z.string(), version: z.string(), storage: z.enum(['pglite', 'postgres']) }),
          503: z.object({ status: z.literal('unavailable'), name: z.string(), version: z.string(), storage: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
    async (req, reply) => {
      try {
        await db.query('SELECT 1');
        return { status: 'ok' as const, name: SERVER_NAME, version, storage: db.kind };
      } catch (err) {
        req.log.error({ err }, 'health: database check failed');
        return reply.code(503).send({ status: 'unavailable' as const, name: SERVER_NAME, version, storage: db.kind });
      }
    },
  );

  await authRoutes(app, {
    auth,
    signInPerIp: config.SIGN_IN_RATE_PER_IP,
    signInPerEmail: config.SIGN_IN_RATE_PER_EMAIL,
    syncPerUser: config.SYNC_RATE_PER_USER,
  });
  await syncRoutes(app, {
    pullPageSize: config.SYNC_PULL_PAGE_SIZE,
    pullPageBytes: config.SYNC_PULL_PAGE_BYTES,
    pushBodyLimit: config.SYNC_PUSH_BODY_LIMIT_BYTES,
    heartbeatSeconds: 25,
    pokeStreamsPerUser: config.POKE_STREAMS_PER_USER,
    pokeSessionCheckSeconds: config.POKE_SESSION_CHECK_SECONDS,
  });
  return app;
}
