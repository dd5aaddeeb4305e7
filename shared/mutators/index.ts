// Every change a user can make, by name: the client's outbox and the server's push handler look
// mutators up here, so both run exactly the same code.
import type { z } from 'zod';
import type { Mutator } from './define';
import { resolveConflict } from './conflicts';
import {
  clearCustomerAgreement,
  createCustomer,
  createCustomers,
  deleteCustomer,
  recordCustomerAgreement,
  setCustomerBillingAccount,
  setCustomerStage,
  setOwnSubscriptions,
  updateCustomer,
} from './customers';
import { acknowledgeFinding, unacknowledgeFinding } from './findingAcks';
import {
  cancelInvitation,
  createInvitation,
  markInvitationAccepted,
  markInvitationExpired,
  markInvitationSent,
  remindInvitation,
} from './invitations';
import { catalogImportChunk, catalogImportCommit, markDiscontinued, tenantImportChunk, tenantImportCommit, tenantImportDiscard } from './imports';
import { updatePartnerProfile } from './partner';
import {
  addPlanLine,
  createPlan,
  removePlanLine,
  setOldEndScheduled,
  setPlanLineSchedule,
  setPlanLineTarget,
  setPlanLineTerm,
  setPlanStatus,
} from './plans';
import { requestTransfer, setTransferStatus } from './transfers';
import { savePlan } from './planSave';

const registered = [
  updatePartnerProfile,
  createCustomer,
  updateCustomer,
  setCustomerStage,
  deleteCustomer,
  setCustomerBillingAccount,
  recordCustomerAgreement,
  clearCustomerAgreement,
  createCustomers,
  setOwnSubscriptions,
  createInvitation,
  markInvitationSent,
  markInvitationAccepted,
  markInvitationExpired,
  remindInvitation,
  cancelInvitation,
  createPlan,
  setPlanStatus,
  addPlanLine,
  setPlanLineTarget,
  setPlanLineSchedule,
  removePlanLine,
  savePlan,
  setPlanLineTerm,
  setOldEndScheduled,
  requestTransfer,
  setTransferStatus,
  acknowledgeFinding,
  unacknowledgeFinding,
  resolveConflict,
  tenantImportChunk,
  tenantImportCommit,
  tenantImportDiscard,
  catalogImportChunk,
  catalogImportCommit,
  markDiscontinued,
] as const;
const all = registered as readonly Mutator[];

type Registered = (typeof registered)[number];
/** Every change's name, as the outbox and the server know it. */
export type MutatorName = Registered['name'];
/** What a change takes, from its zod schema (before defaults are applied). */
export type MutatorArgs<N extends MutatorName> = z.input<Extract<Registered, { name: N }>['args']>;

export const mutators: ReadonlyMap<string, Mutator> = new Map(all.map((m) => [m.name, m]));

/** A name read from storage (an outbox or a refusal made by another version) is checked, not trusted. */
export function isMutatorName(name: string): name is MutatorName {
  return mutators.has(name);
}

export function mutatorNamed(name: string): Mutator | undefined {
  return mutators.get(name);
}

export { runMutator, MutationError, type Actor, type MutatorContext, type ReadTx, type WriteTx } from './define';
