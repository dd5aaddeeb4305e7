// What the sync server adds to Fastify's instance and request (set up in app.ts). A module of its
// own, so that the routes see the types without importing the app that mounts them.
import type { onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { AuthService, PushCaller, RequestActor } from '../auth/service';
import type { Database } from '../db/types';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    auth: AuthService;
    /** onRequest hook for protected routes: a valid bearer access token, or 401; sets `request.actor`. */
    authenticate: onRequestAsyncHookHandler;
    /** onRequest hook of POST /sync/push: `authenticate`, or the session left to the push's transaction
     * to check (AuthService.authenticatePush); sets `request.actor` and `request.pushCaller`. */
    authenticatePush: onRequestAsyncHookHandler;
    /** preHandler for sync routes, after `authenticate`: SYNC_RATE_PER_USER requests a minute per user. */
    syncRateLimit: preHandlerAsyncHookHandler;
  }
  interface FastifyRequest {
    /** The caller; set by `app.authenticate` (protected routes only). */
    actor: RequestActor;
    /** The caller of a push and whether its transaction checks its session (`app.authenticatePush`). */
    pushCaller: PushCaller;
    /** Bytes of a compressed body once decoded (see decodeBody); unset for a body sent as is. */
    decodedBodyBytes?: number;
  }
}
