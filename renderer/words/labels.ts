// The words of the workspace's codes (a stage, a term, a status, a field), each a literal catalog
// key: the lint (eslint/i18nKeys.js) keeps every t() key literal, so the "every key the renderer
// asks for" test sees them all. A screen or an activity entry names a code through these maps,
// never through a key built from the code.
import type { BillingAccount, BillingFrequency, Term, TransferStatus } from '../../shared/domain/commerce';
import type { Permission, Role } from '../../shared/domain/roles';
import type { SyncPhase } from '../../shared/sync/loop';
import type { StorageErrorKey } from '../db/health';
import type { Channel, CustomerStage, StoredDelegatedAdmin, ImportKind, InvitationStatus, PlanStatus } from '../../shared/workspace/tables';

/** react-i18next's t as these maps call it (renderer/ui/language's Translate; this layer may not import renderer/ui). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
type Words<K extends string> = Record<K, (t: Translate) => string>;

export const STAGE_WORDS: Words<CustomerStage> = {
  'not-started': (t) => t('customers.stage.not-started'),
  invited: (t) => t('customers.stage.invited'),
  accepted: (t) => t('customers.stage.accepted'),
  'plan-ready': (t) => t('customers.stage.plan-ready'),
  ordered: (t) => t('customers.stage.ordered'),
  'old-ended': (t) => t('customers.stage.old-ended'),
  done: (t) => t('customers.stage.done'),
};

export const PLAN_STATUS_WORDS: Words<PlanStatus> = {
  draft: (t) => t('offerMatching.status.draft'),
  ready: (t) => t('offerMatching.status.ready'),
  approved: (t) => t('offerMatching.status.approved'),
  ordered: (t) => t('offerMatching.status.ordered'),
  done: (t) => t('offerMatching.status.done'),
};

export const TERM_WORDS: Words<Term> = {
  P1M: (t) => t('offerMatching.term.terms.P1M'),
  P1Y: (t) => t('offerMatching.term.terms.P1Y'),
  P3Y: (t) => t('offerMatching.term.terms.P3Y'),
};

export const BILLING_FREQUENCY_WORDS: Words<BillingFrequency> = {
  monthly: (t) => t('offerMatching.term.billingFrequencies.monthly'),
  annual: (t) => t('offerMatching.term.billingFrequencies.annual'),
  triennial: (t) => t('offerMatching.term.billingFrequencies.triennial'),
};

export const BILLING_ACCOUNT_WORDS: Words<BillingAccount> = {
  unknown: (t) => t('caseFile.billing.unknown'),
  mca: (t) => t('caseFile.billing.mca'),
  mosa: (t) => t('caseFile.billing.mosa'),
  ea: (t) => t('caseFile.billing.ea'),
};

export const TRANSFER_STATUS_WORDS: Words<TransferStatus> = {
  requested: (t) => t('caseFile.transfers.status.requested'),
  approved: (t) => t('caseFile.transfers.status.approved'),
  completed: (t) => t('caseFile.transfers.status.completed'),
  rejected: (t) => t('caseFile.transfers.status.rejected'),
};

export const INVITATION_STATUS_WORDS: Words<InvitationStatus> = {
  draft: (t) => t('invite.status.draft'),
  sent: (t) => t('invite.status.sent'),
  accepted: (t) => t('invite.status.accepted'),
  expired: (t) => t('invite.status.expired'),
  cancelled: (t) => t('invite.status.cancelled'),
};

export const CHANNEL_WORDS: Words<Channel> = {
  own: (t) => t('caseFile.channel.own'),
  'other-partner': (t) => t('caseFile.channel.otherPartner'),
  direct: (t) => t('caseFile.channel.direct'),
  unknown: (t) => t('caseFile.channel.unknown'),
};

/** The customer details form's fields, as its labels. */
export const CUSTOMER_FIELD_WORDS: Words<'name' | 'domain' | 'tenantId' | 'country' | 'channel' | 'notes'> = {
  name: (t) => t('caseFile.details.name'),
  domain: (t) => t('caseFile.details.domain'),
  tenantId: (t) => t('caseFile.details.tenantId'),
  country: (t) => t('caseFile.details.country'),
  channel: (t) => t('caseFile.details.channel'),
  notes: (t) => t('caseFile.notes.label'),
};

/** The partner profile's fields, as its labels. */
export const PARTNER_FIELD_WORDS: Words<'name' | 'partnerTenantId' | 'country' | 'relationshipLink'> = {
  name: (t) => t('partner.name'),
  partnerTenantId: (t) => t('partner.tenant'),
  country: (t) => t('partner.country'),
  relationshipLink: (t) => t('partner.link'),
};

export const IMPORT_KIND_WORDS: Words<ImportKind> = {
  skus: (t) => t('activity.kind.skus'),
  subscriptions: (t) => t('activity.kind.subscriptions'),
  users: (t) => t('activity.kind.users'),
  catalog: (t) => t('activity.kind.catalog'),
};

/** A plan's status as the case file says it (lower case, inside its sentence). */
export const CASE_PLAN_STATUS_WORDS: Words<PlanStatus> = {
  draft: (t) => t('caseFile.planStatus.draft'),
  ready: (t) => t('caseFile.planStatus.ready'),
  approved: (t) => t('caseFile.planStatus.approved'),
  ordered: (t) => t('caseFile.planStatus.ordered'),
  done: (t) => t('caseFile.planStatus.done'),
};

export const CASE_INVITATION_STATUS_WORDS: Words<InvitationStatus> = {
  draft: (t) => t('caseFile.invitationStatus.draft'),
  sent: (t) => t('caseFile.invitationStatus.sent'),
  accepted: (t) => t('caseFile.invitationStatus.accepted'),
  expired: (t) => t('caseFile.invitationStatus.expired'),
  cancelled: (t) => t('caseFile.invitationStatus.cancelled'),
};

export const DELEGATED_ADMIN_WORDS: Words<StoredDelegatedAdmin> = {
  none: (t) => t('caseFile.delegatedAdmin.none'),
  gdap: (t) => t('caseFile.delegatedAdmin.gdap'),
  dap: (t) => t('caseFile.delegatedAdmin.dap'),
};

/** The button that moves a transfer to a status. */
export const TRANSFER_MARK_WORDS: Words<Exclude<TransferStatus, 'requested'>> = {
  approved: (t) => t('caseFile.transfers.mark.approved'),
  completed: (t) => t('caseFile.transfers.mark.completed'),
  rejected: (t) => t('caseFile.transfers.mark.rejected'),
};

export const SYNC_PHASE_WORDS: Words<SyncPhase> = {
  idle: (t) => t('sync.phase.idle'),
  syncing: (t) => t('sync.phase.syncing'),
  offline: (t) => t('sync.phase.offline'),
  error: (t) => t('sync.phase.error'),
  'signed-out': (t) => t('sync.phase.signed-out'),
  'update-required': (t) => t('sync.phase.update-required'),
};

/** A storage failure in words; `message` is the browser's, shown where the kind is unknown. */
export const STORAGE_ERROR_WORDS: Record<StorageErrorKey, (t: Translate, message: string) => string> = {
  quota: (t, message) => t('storage.error.quota', { message }),
  closed: (t, message) => t('storage.error.closed', { message }),
  version: (t, message) => t('storage.error.version', { message }),
  blocked: (t, message) => t('storage.error.blocked', { message }),
  versionchange: (t, message) => t('storage.error.versionchange', { message }),
  unknown: (t, message) => t('storage.error.unknown', { message }),
};

/** A role's name, as Partner Center writes it ("Admin agent"): who is signed in, which role a step needs. */
export const ROLE_NAME_WORDS: Words<Role> = {
  'admin-agent': (t) => t('permission.roleName.adminAgent'),
  'sales-agent': (t) => t('permission.roleName.salesAgent'),
  'billing-agent': (t) => t('permission.roleName.billingAgent'),
};

/** A role with its article, as the permission sentences use it ("an Admin agent"). */
export const ROLE_WORDS: Words<Role> = {
  'admin-agent': (t) => t('permission.role.adminAgent'),
  'sales-agent': (t) => t('permission.role.salesAgent'),
  'billing-agent': (t) => t('permission.role.billingAgent'),
};

/** What a permission lets a person do, as the permission sentences use it. */
export const PERMISSION_WORDS: Words<Permission> = {
  'workspace.view': (t) => t('permission.action.workspaceView'),
  'customer.edit': (t) => t('permission.action.customerEdit'),
  'tenant.import': (t) => t('permission.action.tenantImport'),
  'catalog.edit': (t) => t('permission.action.catalogEdit'),
  'plan.edit': (t) => t('permission.action.planEdit'),
  'invite.send': (t) => t('permission.action.inviteSend'),
  'invite.delegatedAdmin': (t) => t('permission.action.inviteDelegatedAdmin'),
  'license.assign': (t) => t('permission.action.licenseAssign'),
  'pricing.view': (t) => t('permission.action.pricingView'),
  'billing.manage': (t) => t('permission.action.billingManage'),
  'partner.edit': (t) => t('permission.action.partnerEdit'),
};

/** The word of a code a map knows; an unknown code (a newer app's) as it is. */
export function wordOf<K extends string>(words: Words<K>, code: unknown, t: Translate): string {
  const say = typeof code === 'string' && Object.hasOwn(words, code) ? words[code as K] : undefined;
  return say ? say(t) : String(code ?? '');
}
