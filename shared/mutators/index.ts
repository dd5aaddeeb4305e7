// Every change a user can make, by name: the client's outbox and the server's push handler look
// mutators up here, so both run exactly the same code. One scheme names them all: `record.verb` on
// the wire, where the record is the singular of the table the change is about (a plan line's target
// is `planLine.setTarget`), and the exported constant is the same words run together
// (`planLineSetTarget`), so either is found from the other (index.test.ts holds every module to it).
import type { z } from 'zod';
import type { Mutator } from './define';
import { conflictResolve } from './conflicts';
import {
  customerClearAgreement,
  customerCreate,
  customerCreateMany,
  customerDelete,
  customerRecordAgreement,
  customerSetBillingAccount,
  customerSetOwnSubscriptions,
  customerSetStage,
  customerUpdate,
} from './customers';
import { findingAcknowledge, findingUnacknowledge } from './findingAcks';
import {
  invitationCancel,
  invitationCreate,
  invitationMarkAccepted,
  invitationMarkExpired,
  invitationMarkSent,
  invitationRemind,
} from './invitations';
import { catalogImportChunk, catalogImportCommit, catalogMarkDiscontinued, tenantImportChunk, tenantImportCommit, tenantImportDiscard } from './imports';
import { partnerUpdate } from './partner';
import {
  planCreate,
  planLineAdd,
  planLineRemove,
  planLineSetOldEndScheduled,
  planLineSetOrderDate,
  planLineSetTarget,
  planLineSetTerm,
  planSetStatus,
} from './plans';
import { transferRequest, transferSetStatus } from './transfers';
import { planSave } from './planSave';

const registered = [
  partnerUpdate,
  customerCreate,
  customerUpdate,
  customerSetStage,
  customerDelete,
  customerSetBillingAccount,
  customerRecordAgreement,
  customerClearAgreement,
  customerCreateMany,
  customerSetOwnSubscriptions,
  invitationCreate,
  invitationMarkSent,
  invitationMarkAccepted,
  invitationMarkExpired,
  invitationRemind,
  invitationCancel,
  planCreate,
  planSetStatus,
  planLineAdd,
  planLineSetTarget,
  planLineSetOrderDate,
  planLineRemove,
  planSave,
  planLineSetTerm,
  planLineSetOldEndScheduled,
  transferRequest,
  transferSetStatus,
  findingAcknowledge,
  findingUnacknowledge,
  conflictResolve,
  tenantImportChunk,
  tenantImportCommit,
  tenantImportDiscard,
  catalogImportChunk,
  catalogImportCommit,
  catalogMarkDiscontinued,
] as const;
const all = registered as readonly Mutator[];

type Registered = (typeof registered)[number];
/** Every change's name, as the outbox and the server know it. */
export type MutatorName = Registered['name'];
/** What a change takes, from its zod schema (before defaults are applied). */
export type MutatorArgs<N extends MutatorName> = z.input<Extract<Registered, { name: N }>['args']>;

export const mutators: ReadonlyMap<string, Mutator> = new Map(all.map((m) => [m.name, m]));

/**
 * The names changed by schema 5 (one scheme), old -> new. Apps of schema 4 push the old names, and
 * what was stored before an update (an outbox, a refusal) holds them: each still finds its change.
 * An old name is never given to another change, so an entry here is kept for good.
 */
export const RENAMED_MUTATORS = {
  'plan.setTarget': 'planLine.setTarget',
  'plan.setTerm': 'planLine.setTerm',
  'plan.setOrderDate': 'planLine.setOrderDate',
  'plan.setOldEndScheduled': 'planLine.setOldEndScheduled',
  'invite.create': 'invitation.create',
  'invite.markSent': 'invitation.markSent',
  'invite.markAccepted': 'invitation.markAccepted',
  'invite.markExpired': 'invitation.markExpired',
  'invite.remind': 'invitation.remind',
  'invite.cancel': 'invitation.cancel',
} as const satisfies Readonly<Record<string, MutatorName>>;

/** The current name of a change, given a name of this schema or of an earlier one (unknown names come back as they are). */
export function currentMutatorName(name: string): string {
  return Object.hasOwn(RENAMED_MUTATORS, name) ? RENAMED_MUTATORS[name as keyof typeof RENAMED_MUTATORS] : name;
}

/** A name read from storage (an outbox or a refusal made by another version) is checked, not trusted: only current names pass. */
export function isMutatorName(name: string): name is MutatorName {
  return mutators.has(name);
}

/** The change of that name, old names included. */
export function mutatorNamed(name: string): Mutator | undefined {
  return mutators.get(currentMutatorName(name));
}

export { runMutator, MutationError, type Actor, type MutatorContext, type ReadTx, type WriteTx } from './define';
