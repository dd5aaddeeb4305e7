// The sync protocol between the app and the team's server (DESIGN.md, "Sync protocol"): a
// server-authoritative mutation log. Both sides validate every message with these schemas.
import { z } from 'zod';
import { MutationErrorCode } from '../mutators/define';
import type { RefusalParam as RefusalParamType } from '../mutators/refusalCodes';
import { tableNames, type TableName } from '../workspace/tables';

/**
 * Bumped when a message shape or a table changes. The server accepts the schema before this one
 * too (DESIGN.md: N-1), so a team can update its apps over days; older ones are told to update
 * (426) and keep their unsynced changes. What an N-1 app cannot read is kept from it (the tables
 * of TABLE_SINCE_SCHEMA it does not know; fields of FIELD_SINCE_SCHEMA in answers).
 */
// 4: customers carry who set their importable details (fieldSources) and the partner's own
// subscriptions from Partner Center; tenant.importCommit takes `known`; customer.createMany and
// customer.setOwnSubscriptions. A server of schema 3 tells such an app to wait for its update
// instead of refusing its imports.
// 5: mutators named in one scheme (RENAMED_MUTATORS in shared/mutators: the server takes the old
// names too) and error codes in one casing (ErrorCode below). A server of schema 4 would refuse the
// new names for good as unknown changes; the bump makes it ask for its own update instead.
// 6: customer.createMany takes each customer's country (Partner Center's customer list). A server of
// schema 5 would refuse the field for good as unknown; the bump makes it ask for its update instead.
// 7: activity entries carry a code and parameters (shared/mutators/activityCodes) instead of English
// and Japanese sentences; `summary` holds the change's name for apps of schema 6, which read only it.
// A server of schema 6 would write sentences again; the bump makes it ask for its update instead.
// 7 also: customerSummaries, derived rows every mutator keeps (shared/mutators/summaries.ts). A
// server of schema 6 would not write them.
// Refusals too (same schema, same change set): a rejected result carries a reason and parameters
// (shared/mutators/refusalCodes) and `message` as an English detail; apps of schema 6 are sent
// neither reason nor parameters (they parse results strictly) and show that detail.
export const SCHEMA_VERSION = 7;
export const OLDEST_ACCEPTED_SCHEMA_VERSION = SCHEMA_VERSION - 1;

/**
 * The schema that brought each table, where later than the first. An app on an older schema is
 * sent no rows of these tables and may not create or change them (its mutators do not know them;
 * a deletion cascading from a row it knows is allowed). Keyed by name, not by TableName, so a table
 * can be listed in the same change that adds it. 2: imported users as chunks; 3: transfers and
 * finding acknowledgements.
 */
export const TABLE_SINCE_SCHEMA: Readonly<Record<string, number>> = {
  tenantUserChunks: 2,
  transfers: 3,
  findingAcks: 3,
  customerSummaries: 7,
};

/**
 * Tables no person writes: the mutators derive them from the rows they change. A change from an app
 * of the previous schema still derives them on the server (where the same mutators run); that app
 * is sent none of them.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['customerSummaries']);

/** The schema that brought each optional field of the protocol's answers. */
export const FIELD_SINCE_SCHEMA = {
  /** MutationResult.messageJa (no longer sent: results a server stored before schema 7 hold it) */
  messageJa: 2,
  /** MutationResult.reason and .params: an app of schema 6 reads its results strictly, and is sent neither. */
  reason: 7,
} as const;

/** Whether an app on `schemaVersion` knows `table`. */
export function knowsTable(schemaVersion: number, table: string): boolean {
  return (TABLE_SINCE_SCHEMA[table] ?? 1) <= schemaVersion;
}

/** The tables an app on `schemaVersion` does not know (none for the current schema). */
export function tablesUnknownTo(schemaVersion: number): string[] {
  return Object.keys(TABLE_SINCE_SCHEMA).filter((t) => !knowsTable(schemaVersion, t));
}


export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a client id is 8-64 letters, digits, _ or -');

/** `table/id` of a record, as used in baseVersions. */
export const RecordKey = z.string().max(200);
export function recordKey(table: TableName, id: string): string {
  return `${table}/${id}`;
}

export const PushedMutation = z
  .object({
    /** Per-client sequence: 1, 2, 3 ... with no gaps. */
    id: z.number().int().positive(),
    name: z.string().min(1).max(100),
    args: z.unknown(),
    /** The server version of each record the mutation read or wrote, as the client last pulled it (0: never). */
    baseVersions: z.record(RecordKey, z.number().int().nonnegative()),
  })
  .strict();
export type PushedMutation = z.infer<typeof PushedMutation>;

export const PushRequest = z
  .object({
    clientId: ClientId,
    schemaVersion: z.number().int(),
    mutations: z.array(PushedMutation).min(1).max(1000),
  })
  .strict();
export type PushRequest = z.infer<typeof PushRequest>;

/**
 * Why the server refused a pushed change for good: the mutator's own reasons, or a name it does not
 * know. In the one casing of every code here (SCREAMING_SNAKE_CASE, as SyncErrorCode).
 */
export const RefusalCode = z.enum([...MutationErrorCode.options, 'UNKNOWN_MUTATOR']);
export type RefusalCode = z.infer<typeof RefusalCode>;

/**
 * The refusal codes as schema 4 spelled them: results stored by a server of schema 4 hold them, and
 * are read back as today's. (Apps of schema 4 were sent them until schema 6 stopped accepting them.)
 */
export const REFUSAL_CODES_BEFORE_SCHEMA_5 = {
  INVALID: 'invalid',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  UNKNOWN_MUTATOR: 'unknown-mutator',
} as const satisfies Readonly<Record<RefusalCode, string>>;

/** A refusal code as stored or sent by any schema, as today's (an unknown one is INVALID: a refusal stays a refusal). */
export function currentRefusalCode(code: string): RefusalCode {
  const parsed = RefusalCode.safeParse(code);
  if (parsed.success) return parsed.data;
  const old = Object.entries(REFUSAL_CODES_BEFORE_SCHEMA_5).find(([, before]) => before === code);
  return old ? (old[0] as RefusalCode) : 'INVALID';
}

/** A refusal's parameter: an id, a name, a date or the code of a word; a count; or a list of them. */
const RefusalParam: z.ZodType<RefusalParamType> = z.union([z.string().max(4000), z.number(), z.array(z.string().max(4000)).max(1000)]);

const AppliedResult = z.object({ id: z.number().int(), status: z.literal('applied'), conflicts: z.number().int().nonnegative() }).strict();
const rejectedResult = <C extends z.ZodType<string>>(code: C) =>
  z
    .object({
      id: z.number().int(),
      status: z.literal('rejected'),
      code,
      /** The detail in English, for developers and logs, and for apps of schema 6, which show it as it is. */
      message: z.string(),
      /** The reason in Japanese, in results a server stored before schema 7 (those hold sentences, and no reason). */
      messageJa: z.string().optional(),
      /** Why, as a code of shared/mutators/refusalCodes (a string: a newer server's reason reads as its message) (schema 7). */
      reason: z.string().max(100).optional(),
      /** The reason's parameters: data and codes of words, never sentences (schema 7). */
      params: z.record(z.string(), RefusalParam).optional(),
    })
    .strict();

export const MutationResult = z.discriminatedUnion('status', [AppliedResult, rejectedResult(RefusalCode)]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z
  .object({
    lastMutationId: z.number().int().nonnegative(),
    /** One per pushed mutation, duplicates included (their recorded result is answered again). */
    results: z.array(MutationResult),
  })
  .strict();
export type PushResponse = z.infer<typeof PushResponse>;

export const Table = z.enum(tableNames as [TableName, ...TableName[]]);

export const Change = z
  .object({
    table: Table,
    id: z.string(),
    version: z.number().int().positive(),
    /** The whole row, or null for a tombstone. */
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .strict();
export type Change = z.infer<typeof Change>;

export const PullResponse = z
  .object({
    /** The workspace version this answer brings the client to; send it back as the next cursor. */
    cursor: z.number().int().nonnegative(),
    /** The last mutation of this client the server has processed (applied or rejected). */
    lastMutationId: z.number().int().nonnegative(),
    changes: z.array(Change),
    /** True when the cursor is older than the tombstone window: drop local rows, then apply. */
    reset: z.boolean(),
    /** More changes wait past `cursor`: pull again before rebasing. */
    more: z.boolean(),
  })
  .strict();
export type PullResponse = z.infer<typeof PullResponse>;

/**
 * A poke that carries the change (GET /sync/poke?schemaVersion=N, event "poke", JSON data): one
 * push's version and its rows, so a client whose cursor is `base` applies them as it would apply a
 * pull's page, with no round trip. A client at another cursor (a gap), or given a data-less poke
 * (its data is the version number alone: the change was too big for a NOTIFY), pulls as before.
 */
export const Poke = z
  .object({
    /** The workspace version the push brought it to: the client's new cursor. */
    version: z.number().int().positive(),
    /** The version before the push: the poke applies only to a client whose cursor is this one. */
    base: z.number().int().nonnegative(),
    /** The push's rows (and tombstones), those the listening app may read, as a pull answers them. */
    changes: z.array(Change),
    /** Sent only to the pushing person's own streams: the client that pushed, and its last processed mutation. */
    clientId: ClientId.optional(),
    lastMutationId: z.number().int().nonnegative().optional(),
  })
  .strict();
export type Poke = z.infer<typeof Poke>;

/**
 * Every code the team's server answers an error with (`{error: {code, message}}`), for sync and
 * sign-in alike: one list, in one casing (SCREAMING_SNAKE_CASE), read by the server when it sends
 * and by the app when it decides. Schema 4 servers sent the sign-in and HTTP codes in lower case;
 * no app ever branched on those (it reads the status), so none needs them as they were.
 */
export const SyncErrorCode = z.enum([
  'MUTATION_GAP',
  'CLIENT_UPDATE_REQUIRED',
  /** The client id was claimed by another person (a client id belongs to one user). */
  'CLIENT_NOT_YOURS',
  /** Text the server never stores (NUL, a lone surrogate): `path` names where. */
  'INVALID_TEXT',
  /** No access token was sent. */
  'UNAUTHENTICATED',
  /** The access token is unknown, expired or revoked. */
  'INVALID_TOKEN',
  'INVALID_CREDENTIALS',
  'INVALID_REFRESH_TOKEN',
  'INVALID_ENTRA_TOKEN',
  'ACCOUNT_DISABLED',
  'PASSWORD_SIGN_IN_DISABLED',
  'ENTRA_SIGN_IN_DISABLED',
  'ENTRA_UNAVAILABLE',
  'ENTRA_TENANT_NOT_LINKED',
  'ENTRA_NO_ROLE',
  'ENTRA_PERSON_UNKNOWN',
  'ENTRA_EMAIL_TAKEN',
  'FORBIDDEN',
  /** The request does not match the route's schema. */
  'INVALID_REQUEST',
  'MALFORMED_JSON',
  'MALFORMED_REQUEST',
  'BAD_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'TOO_MANY_STREAMS',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

export const SyncError = z
  .object({
    error: z
      .object({
        /** One of SyncErrorCode from a server of this schema; a string, so a newer server's code still reads as an error. */
        code: z.string(),
        message: z.string(),
        /** MUTATION_GAP: the id the server expected next. */
        expected: z.number().int().optional(),
        /** MUTATION_GAP: the last mutation of this client the server processed; resend from the one after. */
        lastMutationId: z.number().int().nonnegative().optional(),
        /** INVALID_TEXT (and other refused fields): the JSON path of the refused value. */
        path: z.string().optional(),
        /** INVALID_TEXT inside a pushed mutation: that mutation's id, so the client can withdraw it. */
        mutationId: z.number().int().optional(),
        /** CLIENT_UPDATE_REQUIRED: the oldest schema version the server accepts. */
        minSchemaVersion: z.number().int().optional(),
      })
      .strict(),
  })
  .strict();
export type SyncError = z.infer<typeof SyncError>;

export type SchemaCheck = { ok: true } | { ok: false; minSchemaVersion: number; message: string };

export function checkSchemaVersion(clientVersion: number): SchemaCheck {
  if (clientVersion >= OLDEST_ACCEPTED_SCHEMA_VERSION && clientVersion <= SCHEMA_VERSION) return { ok: true };
  if (clientVersion > SCHEMA_VERSION) {
    return { ok: false, minSchemaVersion: OLDEST_ACCEPTED_SCHEMA_VERSION, message: `this server speaks schema ${SCHEMA_VERSION}; the app is newer (${clientVersion}): update the server` };
  }
  return {
    ok: false,
    minSchemaVersion: OLDEST_ACCEPTED_SCHEMA_VERSION,
    message: `this app (schema ${clientVersion}) is too old for the team's server (oldest accepted: ${OLDEST_ACCEPTED_SCHEMA_VERSION}): update the app; your unsynced changes are kept`,
  };
}
