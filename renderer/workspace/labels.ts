// The words of the workspace's codes (a stage, a term, a status, a field), each a literal catalog
// key: the lint (eslint/i18nKeys.js) keeps every t() key literal, so the "every key the renderer
// asks for" test sees them all. A screen or an activity entry names a code through these maps,
// never through a key built from the code.
import type { BillingAccount, BillingFrequency, Term, TransferStatus } from '../../shared/domain/commerce';
import type { Channel, CustomerStage, ImportKind, InvitationStatus, PlanStatus } from '../../shared/workspace/tables';

/** react-i18next's t, as these maps call it. */
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

/** The word of a code a map knows; an unknown code (a newer app's) as it is. */
export function wordOf<K extends string>(words: Words<K>, code: unknown, t: Translate): string {
  const say = typeof code === 'string' && Object.hasOwn(words, code) ? words[code as K] : undefined;
  return say ? say(t) : String(code ?? '');
}
