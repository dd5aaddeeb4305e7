// A mutator is every change a user can make, as a named, validated, permission-checked function.
// The app runs it optimistically against Dexie; the server runs the very same code authoritatively
// against PostgreSQL. Both give it a WriteTx: the body never knows which storage it is on.
import { z } from 'zod';
import { can, type Permission, type Role } from '../domain/roles';
import type { TableName, Tables } from '../workspace/tables';
import { refreshSummaries, watchingTx } from './summaries';
import type { ActivityText } from './activityCodes';
import { refusalDetail, type RefusalParams, type RefusalReason } from './refusalCodes';
import type { ReadTx, WriteTx } from './tx';

// The storage a mutator runs on: its own module, so summaries.ts can use it without importing this one.
export { putRows, type ReadTx, type WriteTx } from './tx';

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export interface MutatorContext {
  actor: Actor;
  /** The time of the change: the server's clock when authoritative, never trusted from a client. */
  now: string;
  /** Unique per mutation across the workspace (clientId:mutationId): derived ids stay equal on re-run. */
  mutationKey: string;
}

/** Why a mutator refuses a change for good; the sync protocol's RefusalCode adds its own reason to these. */
export const MutationErrorCode = z.enum(['INVALID', 'FORBIDDEN', 'NOT_FOUND']);
export type MutationErrorCode = z.infer<typeof MutationErrorCode>;

/**
 * A permanent rejection: the change is refused with a reason code and its parameters (worded by the
 * renderer in the reader's language), and nothing it did is kept. `message` is the English detail
 * for developers and logs.
 */
export class MutationError extends Error {
  constructor(
    readonly code: MutationErrorCode,
    readonly reason: RefusalReason,
    readonly params: RefusalParams = {},
  ) {
    super(refusalDetail(reason, params));
    this.name = 'MutationError';
  }
}

export interface Mutator<S extends z.ZodType = z.ZodType, N extends string = string> {
  name: N;
  args: S;
  permission: Permission;
  /**
   * One line for the activity log and the pending-changes list, as a code and its parameters: the
   * renderer words it from its catalogs in the reader's language (teammates reading the same log may
   * use different ones). Ids, part numbers and file names stay as given.
   */
  describe(args: z.output<S>): ActivityText;
  /**
   * Applies the change; answers the id of the customer it concerns, for that customer's activity
   * list, or that id with a summary computed while running (what an import changed), which then
   * replaces `describe` in the activity entry.
   */
  run(tx: WriteTx, args: z.output<S>, ctx: MutatorContext): Promise<string | null | RunResult>;
  /** No activity entry (an import's chunks: its commit writes the one entry for the whole import). */
  quiet?: boolean;
  /**
   * A hand-written check tried before the schema for large arguments (an import chunk's 1,000
   * rows): true only for arguments the schema accepts unchanged, which then skip zod's walk (slow
   * in the renderer, where the CSP forbids the eval zod compiles with). False says nothing: the
   * schema decides and words the refusal.
   */
  plainArgs?: (raw: unknown) => raw is z.output<S>;
}

export interface RunResult {
  customerId: string | null;
  summary: ActivityText;
}

/** How a change is queued. */
export interface MutateOptions {
  /**
   * `table/id` -> the version of the record a draft was made from: the server judges the change
   * against what the person saw, so a teammate's change made since then becomes a conflict.
   */
  baseVersions?: Readonly<Record<string, number>>;
}

/** Keeps the literal name, so the registry can type each call from its zod schema. */
export function defineMutator<const N extends string, S extends z.ZodType>(m: Mutator<S, N>): Mutator<S, N> {
  return m;
}

/**
 * A refusal says why as a reason code and parameters (./refusalCodes), which the screens word in the
 * reader's language; `message` is the English detail for developers and logs, never shown as it is.
 */
export type MutationOutcome =
  | { ok: true }
  | {
      ok: false;
      code: MutationErrorCode;
      reason: RefusalReason;
      params: RefusalParams;
      message: string;
      /** In a batch (mutateMany), the position of the refused change: the screens point at it without reading the message. */
      index?: number;
      /** In a batch, how many changes it holds. */
      of?: number;
    };

/** A refusal as an outcome: the detail is made from the reason, prefixed with the change's name. */
export function refused(code: MutationErrorCode, reason: RefusalReason, params: RefusalParams, mutation?: string): Extract<MutationOutcome, { ok: false }> {
  const detail = refusalDetail(reason, params);
  return { ok: false, code, reason, params, message: mutation ? `${mutation}: ${detail}` : detail };
}

/** A schema's refusal: the path as a parameter; zod's own (English) words only in the detail. */
function invalid(reason: 'args.invalid' | 'row.invalid', mutation: string, error: z.ZodError): Extract<MutationOutcome, { ok: false }> {
  const issue = error.issues[0];
  const outcome = refused('INVALID', reason, { mutation, path: issue?.path.join('.') ?? '' }, mutation);
  return { ...outcome, message: `${outcome.message}: ${issue?.message ?? 'invalid'}` };
}

/**
 * Validates, authorizes and runs one mutator, then appends its activity entry. On a rejection the
 * caller must abort its storage transaction: a refused change leaves nothing behind.
 */
export async function runMutator(
  mutator: Mutator,
  rawArgs: unknown,
  tx: WriteTx,
  ctx: MutatorContext,
): Promise<MutationOutcome> {
  const parsed = mutator.plainArgs?.(rawArgs) ? { success: true as const, data: rawArgs } : mutator.args.safeParse(rawArgs);
  if (!parsed.success) {
    return invalid('args.invalid', mutator.name, parsed.error);
  }
  if (!can(ctx.actor.role, mutator.permission)) {
    return refused('FORBIDDEN', 'permission.missing', { mutation: mutator.name, permission: mutator.permission, role: ctx.actor.role }, mutator.name);
  }
  let result: string | null | RunResult;
  // The customers whose rows the change writes: their summaries are recomputed below, in the same
  // transaction (shared/mutators/summaries.ts), so no mutator can leave one stale.
  const touched = new Set<string>();
  try {
    result = await mutator.run(watchingTx(tx, touched), parsed.data, ctx);
    await refreshSummaries(tx, touched);
  } catch (e) {
    if (e instanceof MutationError) return refused(e.code, e.reason, e.params, mutator.name);
    // A row the body built that fails its table's schema is bad input, not a storage fault: refuse
    // it for good rather than fail the push again on every retry.
    if (e instanceof z.ZodError) {
      return invalid('row.invalid', mutator.name, e);
    }
    throw e;
  }
  if (mutator.quiet) return { ok: true };
  const described = result !== null && typeof result === 'object' ? result : { customerId: result, summary: mutator.describe(parsed.data) };
  await tx.put('activity', {
    id: `act:${ctx.mutationKey}`,
    at: ctx.now,
    actor: ctx.actor.name,
    role: ctx.actor.role,
    mutation: mutator.name,
    customerId: described.customerId,
    // Apps of the previous schema read only `summary` (required there): they are given the change's
    // name. This app words the entry from `code` and `params` (renderer/words/activityText.ts).
    summary: mutator.name,
    code: described.summary.code,
    params: described.summary.params,
  });
  return { ok: true };
}

export async function mustGet<T extends TableName>(tx: ReadTx, table: T, id: string): Promise<Tables[T]> {
  const row = await tx.get(table, id);
  if (!row) throw new MutationError('NOT_FOUND', 'record.notFound', { table, id });
  return row;
}
