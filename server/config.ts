// Server configuration from the environment, validated once at start so a typo fails loudly.
import { z } from 'zod';
import { Role } from '../shared/domain/roles';

const positiveInt = z.coerce.number().int().positive();
const flag = (byDefault: boolean) =>
  z.enum(['true', 'false']).default(byDefault ? 'true' : 'false').transform((v) => v === 'true');
const list = (v: string | undefined) => (v ?? '').split(',').map((x) => x.trim()).filter((x) => x.length > 0);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** https, or plain http to this machine only (the local OpenID provider of the tests). */
export const isTrustedUrl = (u: URL): boolean => u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));

/** Microsoft's v2.0 issuer of a work or school tenant; `{tenantid}` is each allowed tenant. */
export const ENTRA_DEFAULT_ISSUER = 'https://login.microsoftonline.com/{tenantid}/v2.0';
export const ENTRA_DEFAULT_ROLE_MAP = 'AdminAgent=admin-agent,SalesAgent=sales-agent,BillingAgent=billing-agent';

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

  // ---- Sign-in ----------------------------------------------------------------------------------
  /** Email and password sign-in (people added with `server:admin add-user`). 'false' on a server
   * where everyone signs in with Microsoft Entra ID. */
  LOCAL_PASSWORDS: flag(true),
  /** The partner's Entra tenant id(s) (comma-separated GUIDs) whose people may sign in; unset:
   * no Entra sign-in. A token's `tid` must be one of them. */
  ENTRA_TENANT_IDS: z
    .string()
    .optional()
    .transform(list)
    .pipe(z.array(z.guid('each must be a tenant id (a GUID)').transform((v) => v.toLowerCase()))),
  /** The issuer tokens must name (`iss`); `{tenantid}` stands for each allowed tenant. Its keys come
   * from `<issuer>/.well-known/openid-configuration` -> jwks_uri. */
  ENTRA_ISSUER: z
    .string()
    .default(ENTRA_DEFAULT_ISSUER)
    .refine((v) => URL.canParse(v.replaceAll('{tenantid}', '0')) && isTrustedUrl(new URL(v.replaceAll('{tenantid}', '0'))), 'must be an https URL'),
  /** What tokens must be issued for (`aud`), comma-separated: the server's app registration's
   * application (client) id, and/or its Application ID URI (api://...). */
  ENTRA_AUDIENCES: z.string().optional().transform(list),
  /** 'true': a person's role comes from the app roles in their token (`roles`), on every sign-in, and
   * the first sign-in adds them; 'false': people are added with `server:admin add-entra-user`. */
  ENTRA_APP_ROLES: flag(false),
  /** App role value -> role, comma-separated `Value=role`. */
  ENTRA_ROLE_MAP: z
    .string()
    .default(ENTRA_DEFAULT_ROLE_MAP)
    .transform((v, ctx) => {
      const map: Record<string, Role> = {};
      for (const pair of list(v)) {
        const [value, role] = pair.split('=').map((x) => x.trim());
        const r = Role.safeParse(role);
        if (!value || !r.success) {
          ctx.addIssue({ code: 'custom', message: `"${pair}" is not Value=role with a role of ${Role.options.join(', ')}` });
          return z.NEVER;
        }
        map[value] = r.data;
      }
      return map;
    }),
  /** Seconds of clock difference allowed when checking a token's exp and nbf. */
  ENTRA_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
  /** Seconds the issuer's signing keys are kept before they are fetched again. A token with a key id
   * not in the cache fetches them at once (key rotation), at most once per cooldown. */
  ENTRA_JWKS_CACHE_SECONDS: positiveInt.default(600),
  ENTRA_JWKS_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(30),
}).superRefine((c, ctx) => {
  if (c.ENTRA_TENANT_IDS.length > 0 && c.ENTRA_AUDIENCES.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['ENTRA_AUDIENCES'], message: 'is required with ENTRA_TENANT_IDS: the server app registration\'s client id or Application ID URI' });
  }
  if (!c.LOCAL_PASSWORDS && c.ENTRA_TENANT_IDS.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['LOCAL_PASSWORDS'], message: 'false leaves no way to sign in: set ENTRA_TENANT_IDS too' });
  }
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
