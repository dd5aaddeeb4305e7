// Refuses, at the edge, text the server never stores (shared/sync/text.ts: NUL, lone surrogates)
// anywhere in a request's body or query: a 400 naming the JSON path, before any route, mutator or
// database sees it. Deeper in, such text made PostgreSQL fail with a 500 on every retry (blocking
// that client's outbox) and put the customer's data in the error log.
import type { FastifyInstance } from 'fastify';
import { findBadText } from '../../shared/sync/text';
import { ApiError, type ErrorDetail } from './errors';

export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [['body', req.body], ['query', req.query]] as const) {
      const bad = findBadText(value);
      if (!bad) continue;
      const path = bad.path.slice(0, 300);
      const detail: ErrorDetail = { path: path === '' ? where : `${where}${path.startsWith('[') ? '' : '.'}${path}` };
      // In a push, the mutation it is in: the app withdraws that one change, not its whole outbox.
      const [top, index] = bad.keys;
      if (where === 'body' && top === 'mutations' && typeof index === 'number') {
        const id = (req.body as { mutations?: { id?: unknown }[] }).mutations?.[index]?.id;
        if (typeof id === 'number' && Number.isInteger(id)) detail.mutationId = id;
      }
      throw new ApiError(400, 'INVALID_TEXT', `${detail.path} holds a NUL or a broken character (a lone UTF-16 surrogate): such text cannot be stored`, detail);
    }
  });
}
