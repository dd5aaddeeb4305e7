// One error shape for every failure: `{error: {code, message}}`, with the HTTP status saying the kind
// and the code, one of the protocol's SyncErrorCode (shared/sync), saying which.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SyncErrorCode } from '../../shared/sync/protocol';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

/** Where a refused request went wrong, for programs: the JSON path, and the pushed mutation it is in. */
export interface ErrorDetail {
  path?: string;
  mutationId?: number;
  /** The data the app words the code with (who, which tenant, which organization): never a sentence. Sign-in errors only. */
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: ErrorStatus,
    readonly code: SyncErrorCode,
    /** The English detail, for developers and logs (and older apps, which show it): the app words the code. */
    message: string,
    readonly detail: ErrorDetail = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const ErrorBody = z
  .object({
    error: z.object({
      code: SyncErrorCode,
      message: z.string(),
      path: z.string().optional().describe('The JSON path of the refused value, when one value is at fault'),
      mutationId: z.number().int().optional().describe('The pushed mutation holding the refused value'),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('The data the app words a sign-in error with'),
    }),
  })
  .meta({ id: 'Error', description: 'Every error: a stable code the app words for people, and an English detail for developers.' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The error responses a route can give, for its OpenAPI schema. */
export function errorResponses(...statuses: ErrorStatus[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]));
}

const body = (code: SyncErrorCode, message: string, detail: ErrorDetail = {}): ErrorBody => ({ error: { code, message, ...detail } });

/**
 * What may be logged of a failure. A database error's message and detail quote the values of the
 * row it failed on (a customer's data): only its SQLSTATE and the names of what it concerns go to
 * the log. Other errors are the server's own, logged whole.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  const e = err as { code?: unknown; severity?: unknown; table?: unknown; column?: unknown; constraint?: unknown; routine?: unknown };
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
    const pick = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return { dbError: { code: e.code, severity: pick(e.severity), table: pick(e.table), column: pick(e.column), constraint: pick(e.constraint), routine: pick(e.routine) } };
  }
  return { err };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send(body('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.statusCode).send(body(err.code, err.message, err.detail));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = first?.instancePath ? `${err.validationContext ?? 'body'}${first.instancePath.replaceAll('/', '.')}` : err.validationContext ?? 'request';
      return reply.code(400).send(body('INVALID_REQUEST', `${where}: ${first?.message ?? 'invalid'}`));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(body('PAYLOAD_TOO_LARGE', 'the request body is too large'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(body('UNSUPPORTED_MEDIA_TYPE', 'send application/json'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.code(400).send(body('MALFORMED_JSON', 'the request body is not valid JSON'));
    }
    if (err instanceof SyntaxError || err.statusCode === 400) {
      return reply.code(400).send(body('MALFORMED_REQUEST', err.message));
    }
    if (err.statusCode === 503) return reply.code(503).send(body('UNAVAILABLE', 'the server is shutting down'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(body('BAD_REQUEST', err.message));
    }
    req.log.error(loggableError(err), 'request failed');
    return reply.code(500).send(body('INTERNAL', 'internal server error'));
  });
}
