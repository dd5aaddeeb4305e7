// Server configuration from the environment, validated once at start so a typo fails loudly.
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

const Env = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Longest a graceful shutdown waits for in-flight requests before it exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** A real PostgreSQL (postgres://...). Unset: embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** PGlite's data directory; 'memory://' keeps nothing. Default: the user's data folder. */
  DATA_DIR: z.string().min(1).optional(),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt.default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: positiveInt.default(30 * 24 * 3600),
  /** Largest request body accepted, in bytes; larger ones get 413. */
  BODY_LIMIT_BYTES: positiveInt.default(1024 * 1024),
  /** Sign-in attempts per minute from one IP address. */
  SIGN_IN_RATE_PER_IP: positiveInt.default(30),
  /** Failed sign-ins per minute for one email from one address; past it, that pair waits (a success does not count). */
  SIGN_IN_RATE_PER_EMAIL: positiveInt.default(10),
  /** Requests per minute for one user to the sync routes, /sync/poke and /me. */
  SYNC_RATE_PER_USER: positiveInt.default(600),
  /** Largest push, in bytes (a tenant import travels as chunked pushes of up to this size). */
  SYNC_PUSH_BODY_LIMIT_BYTES: positiveInt.default(16 * 1024 * 1024),
  /** Open poke streams (GET /sync/poke) one person may hold on one server process. */
  POKE_STREAMS_PER_USER: positiveInt.default(10),
  /** Seconds between checks that each open poke stream's session is still live (signed out, revoked, user disabled, token expired: the stream ends). */
  POKE_SESSION_CHECK_SECONDS: positiveInt.default(30),
  /** Records per pull page; a page may hold more so that it ends on a version boundary. */
  SYNC_PULL_PAGE_SIZE: positiveInt.default(50_000),
  /** Stored bytes per pull page (imported users travel as ~1 MB chunk records); a page may hold more to end on a version boundary. */
  SYNC_PULL_PAGE_BYTES: positiveInt.default(32 * 1024 * 1024),
  /** Days a deleted record's tombstone is kept; clients offline longer rebuild from the server. */
  TOMBSTONE_RETENTION_DAYS: positiveInt.default(90),
  /** Browser origins allowed to call the API (comma-separated): the desktop app's fixed origin,
   * plus e.g. http://localhost:5173 for `npm run dev:web`. */
  CORS_ORIGINS: z
    .string()
    .default('app://csp-migration-workspace')
    .transform((v) => v.split(',').map((o) => o.trim()).filter((o) => o.length > 0)),
  /** Behind a reverse proxy: trust X-Forwarded-For for the client's address. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export type ServerConfig = z.infer<typeof Env>;

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  // An empty variable counts as unset (e.g. `DATABASE_URL= npm run server`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid server configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
