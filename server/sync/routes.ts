// The sync protocol over HTTP: POST /sync/push, GET /sync/pull, GET /sync/poke (server-sent events).
// The rules live in shared/sync (processPush) and run here inside PostgreSQL transactions scoped to
// the caller's organization (group commit: one per group of concurrent pushes, see groupCommit.ts),
// with the caller's role from the server's own records.
import type { FastifyInstance } from 'fastify';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClientId, PullResponse, PushRequest, PushResponse, SyncErrorCode, checkSchemaVersion } from '../../shared/sync/protocol';
import type { PullResponse as PullResponseBody } from '../../shared/sync/protocol';
import { decodeBody } from '../http/decodeBody';
import { ApiError, ErrorBody, errorResponses } from '../http/errors';
import { PokeHub, pokeData } from './pokes';
import { pullPage } from './pull';
import { PushGroups, type GroupLimits } from './groupCommit';
import { invalidToken } from '../auth/service';

export interface SyncRouteOptions {
  /** Records per pull page (a page may hold more, to end on a version boundary). */
  pullPageSize: number;
  pullPageBytes: number;
  pushBodyLimit: number;
  /** Seconds between SSE heartbeats, which keep proxies from closing an idle stream. */
  heartbeatSeconds: number;
  /** Open poke streams one person may hold (on this server process). */
  pokeStreamsPerUser: number;
  /** Seconds between checks that each open poke stream's session is still live. */
  pokeSessionCheckSeconds: number;
  /** Group commit's limits (default DEFAULT_GROUP_LIMITS). */
  pushGroup?: GroupLimits;
}

const SyncErrorBody = z.object({
  error: z.object({
    code: SyncErrorCode,
    message: z.string(),
    expected: z.number().int().optional(),
    lastMutationId: z.number().int().optional(),
    minSchemaVersion: z.number().int().optional(),
    path: z.string().optional(),
    mutationId: z.number().int().optional(),
  }),
});

const PullQuery = z.object({
  cursor: z.coerce.number().int().nonnegative(),
  clientId: ClientId,
  schemaVersion: z.coerce.number().int(),
});

/** Push bodies up to this size get a poke that carries their rows (when those fit in a NOTIFY). */
const CARRY_BODY_BYTES = 64 * 1024;

const PokeQuery = z.object({
  /** The app's schema: given, pokes carry the change (the rows of the tables it knows); else data-less. */
  schemaVersion: z.coerce.number().int().optional(),
});

const notYours = () => ({
  error: { code: 'CLIENT_NOT_YOURS' as const, message: 'this client id belongs to another person: the app takes a new one' },
});

export async function syncRoutes(app: FastifyInstance, opts: SyncRouteOptions): Promise<void> {
  // Each group's size, at debug level: how much group commit merges under the load of the day.
  const groups = new PushGroups(
    app.db,
    opts.pushGroup,
    (g) => app.log.debug({ orgIds: g.orgIds, pushes: g.pushes, committed: g.committed }, 'push group'),
    () => app.auth.honoured(),
  );
  const hub = new PokeHub();
  await hub.start(app.db);
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    // Open poke streams would hold the server open: end them, clients reconnect elsewhere.
    for (const res of streams) res.end();
    streams.clear();
    await hub.stop();
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/sync/push',
    {
      bodyLimit: opts.pushBodyLimit,
      // A session checked lately is checked again by the push's own transaction, not upfront.
      onRequest: app.authenticatePush,
      // An import's chunks come gzip-compressed: decoded here, refused past the body limit once decoded.
      preParsing: decodeBody(opts.pushBodyLimit),
      preHandler: app.syncRateLimit,
      schema: {
        tags: ['sync'],
        summary: 'Push a batch of mutations from one client, in order',
        security: [{ bearerAuth: [] }],
        body: PushRequest,
        response: { 200: PushResponse, 403: SyncErrorBody, 409: SyncErrorBody, 426: SyncErrorBody, ...errorResponses(401, 413, 415, 429), 400: SyncErrorBody },
      },
    },
    async (req, reply) => {
      const { orgId, userId, name, role } = req.actor;
      const actor = { id: userId, name, role };
      // Group commit: with the org's other pushes waiting meanwhile, in one transaction; the
      // answer comes after that transaction committed (the pokes are sent by the commit too).
      // A body this big makes rows that cannot fit in a NOTIFY: not worth building them.
      const carry = (req.decodedBodyBytes ?? Number(req.headers['content-length'] ?? 0)) <= CARRY_BODY_BYTES;
      const { checkInTransaction, tokenHash } = req.pushCaller;
      const outcome = await groups.push(orgId, userId, actor, req.body, new Date().toISOString(), carry, checkInTransaction ? req.actor.sessionId : undefined);
      if (!outcome.ok && outcome.code === 'SESSION_ENDED') {
        app.auth.forgetPushSession(tokenHash);
        throw invalidToken();
      }
      if (!outcome.ok) {
        const { status, code, message, expected, lastMutationId, minSchemaVersion } = outcome;
        return reply.code(status).send({ error: { code, message, expected, lastMutationId, minSchemaVersion } });
      }
      const rejected = outcome.response.results.filter((x) => x.status === 'rejected').length;
      req.log.info({ clientId: req.body.clientId, mutations: req.body.mutations.length, rejected, version: outcome.version }, 'push');
      return outcome.response;
    },
  );

  r.get(
    '/sync/pull',
    {
      onRequest: app.authenticate,
      preHandler: app.syncRateLimit,
      schema: {
        tags: ['sync'],
        summary: 'Changes past a cursor, and the last mutation of this client the server processed',
        security: [{ bearerAuth: [] }],
        querystring: PullQuery,
        response: { 200: PullResponse, 403: SyncErrorBody, 426: SyncErrorBody, ...errorResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const schema = checkSchemaVersion(req.query.schemaVersion);
      if (!schema.ok) {
        return reply.code(426).send({ error: { code: 'CLIENT_UPDATE_REQUIRED', message: schema.message, minSchemaVersion: schema.minSchemaVersion } });
      }
      const { clientId, cursor, schemaVersion } = req.query;
      const page = await pullPage(app.db, { orgId: req.actor.orgId, userId: req.actor.userId, clientId, cursor, schemaVersion }, { records: opts.pullPageSize, bytes: opts.pullPageBytes });
      if (page.notYours) return reply.code(403).send(notYours());
      // Already JSON, built by the database: sent as is, past the response serializer (the raw
      // reply is typed by the route's schema, which describes this very body).
      void reply.type('application/json; charset=utf-8').serializer((s: unknown) => s as string);
      return reply.send(page.body as unknown as PullResponseBody);
    },
  );

  // Open streams by session: a stream lives no longer than the session that opened it (signed
  // out, revoked, user disabled, access token expired), checked for all streams at once.
  const open = new Map<ServerResponse, { sessionId: string; userId: string; end: (reason: string) => void }>();
  const perUser = new Map<string, number>();
  const sessionCheck = setInterval(() => {
    if (open.size === 0) return;
    void app.auth
      .liveSessions([...new Set([...open.values()].map((s) => s.sessionId))])
      .then((live) => {
        for (const stream of [...open.values()]) if (!live.has(stream.sessionId)) stream.end('session-ended');
      })
      .catch((err: unknown) => app.log.warn({ code: (err as { code?: unknown }).code }, 'poke: session check failed'));
  }, opts.pokeSessionCheckSeconds * 1000);
  sessionCheck.unref();
  app.addHook('onClose', async () => clearInterval(sessionCheck));

  r.get(
    '/sync/poke',
    {
      onRequest: app.authenticate,
      preHandler: app.syncRateLimit,
      schema: {
        tags: ['sync'],
        summary:
          'Server-sent events: "poke" whenever the workspace changes, carrying a small change (apply it at its base version; else pull); "end" when the session ends',
        security: [{ bearerAuth: [] }],
        querystring: PokeQuery,
        response: { 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const { userId, sessionId, orgId } = req.actor;
      if ((perUser.get(userId) ?? 0) >= opts.pokeStreamsPerUser) {
        throw new ApiError(429, 'TOO_MANY_STREAMS', `at most ${opts.pokeStreamsPerUser} open poke streams per person: close another window first`);
      }
      perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
      // Headers set by hooks (CORS) would be lost with the hijack: carry them over.
      const hooked = reply.getHeaders() as OutgoingHttpHeaders;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...hooked,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');
      streams.add(res);
      const asked = req.query.schemaVersion;
      const stream = { userId, schemaVersion: asked !== undefined && checkSchemaVersion(asked).ok ? asked : null };
      const unsubscribe = hub.subscribe(orgId, (event) => {
        res.write(`event: poke\ndata: ${pokeData(event, stream)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), opts.heartbeatSeconds * 1000);
      heartbeat.unref();
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(res);
        open.delete(res);
        const n = (perUser.get(userId) ?? 1) - 1;
        if (n > 0) perUser.set(userId, n);
        else perUser.delete(userId);
      };
      open.set(res, {
        sessionId,
        userId,
        end: (reason) => {
          // Said before closing, so the app asks for a fresh token instead of reconnecting with this one.
          res.end(`event: end\ndata: ${reason}\n\n`);
          close();
        },
      });
      req.raw.on('close', close);
    },
  );
}
