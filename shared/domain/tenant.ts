// The customer tenant as the engine sees it: what the Graph (and Partner Center) importers produce.
// Plain data: ids lower-cased, dates strict ISO strings.
import { normalizeId } from './ids';

/** Graph subscribedSku: seats bought and consumed per SKU. */
export interface TenantSku {
  skuId: string;
  skuPartNumber: string;
  capabilityStatus: string;
  consumedUnits: number;
  prepaidUnits: { enabled: number; suspended: number; warning: number; lockedOut: number };
  subscriptionIds: string[];
  servicePlans: { servicePlanId: string; servicePlanName: string }[];
}

/** Graph companySubscription (`directory/subscriptions`): one subscription, its owner and dates. */
export interface TenantSubscription {
  id: string;
  skuId: string;
  skuPartNumber: string;
  /** Enabled, Warning, Suspended, LockedOut, Expired, Deleted (Graph's words). */
  status: string;
  totalLicenses: number;
  isTrial: boolean;
  /** The partner tenant that sold it; null when bought directly from Microsoft. */
  ownerTenantId: string | null;
  ownerType: string | null;
  createdDateTime: string | null;
  /** When it moves to its next lifecycle state (the end of term while Enabled). */
  nextLifecycleDateTime: string | null;
  commerceSubscriptionId: string | null;
}

export interface UserLicense {
  skuId: string;
  /** Plans switched off for this user (effective: a plan enabled by any assignment is enabled). */
  disabledPlans: string[];
  /** Groups the license comes from (group-based licensing). */
  assignedByGroups: string[];
  /** Assigned directly to the user (as well as, or instead of, by a group). */
  direct: boolean;
}

export interface TenantUser {
  id: string;
  userPrincipalName: string;
  licenses: UserLicense[];
}

export interface TenantInventory {
  /** organization.countryLetterCode (ISO 3166 alpha-2), when known. */
  countryLetterCode: string | null;
  /** The tenant's own id (organization.id, or Partner Center's customer), lower case, when a file says it. */
  tenantId?: string | null;
  /** The tenant's default domain (organization.verifiedDomains isDefault, or Partner Center's customer domain), when a file says it. */
  defaultDomain?: string | null;
  /** Subscriptions Partner Center says the partner itself sells (by subscription id): kept, never moved. */
  ownSubscriptionIds?: ReadonlySet<string>;
  skus: TenantSku[];
  /** null when no directory/subscriptions export was given (channel and expiry unknown). */
  subscriptions: TenantSubscription[] | null;
  users: TenantUser[];
}

/** Who sold a subscription: the partner itself, another partner, Microsoft directly, or not known. */
export const CHANNELS = ['own', 'other-partner', 'direct', 'unknown'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who sold a subscription, from its ownerTenantId (DOMAIN.md, "Data the account manager has"). */
export function classifyChannel(ownerTenantId: string | null | undefined, partnerTenantId: string): Channel {
  if (ownerTenantId === undefined) return 'unknown';
  if (ownerTenantId === null) return 'direct';
  if (ownerTenantId === partnerTenantId) return 'own'; // both already normalised: the usual case
  // The lines of a tenant (and of the tenants after it) mostly name a few owners: the last answer
  // stands for the same owner and partner, without normalising either again.
  if (ownerTenantId === lastOwner && partnerTenantId === lastPartner) return lastChannel;
  const owner = normalizeId(ownerTenantId);
  const channel: Channel = owner === '' || owner === '00000000-0000-0000-0000-000000000000' ? 'direct' : owner === normalizeId(partnerTenantId) ? 'own' : 'other-partner';
  lastOwner = ownerTenantId;
  lastPartner = partnerTenantId;
  lastChannel = channel;
  return channel;
}

// classifyChannel's last answer (a pure function of two strings).
let lastOwner = '';
let lastPartner = '';
let lastChannel: Channel = 'unknown';

/**
 * Who sold the customer what it has, in one word for its Details: the channel of its paid, live
 * subscriptions that are not ours. null when the import cannot say (no subscriptions export, none
 * live, or several channels mixed: a person decides).
 */
export function customerChannelOf(subscriptions: readonly Pick<TenantSubscription, 'ownerTenantId' | 'status' | 'isTrial'>[] | null, partnerTenantId: string): Channel | null {
  if (subscriptions === null) return null;
  const live = subscriptions.filter((s) => !s.isTrial && s.status.trim().toLowerCase() !== 'deleted');
  const channels = new Set(live.map((s) => classifyChannel(s.ownerTenantId, partnerTenantId)));
  if (channels.size === 0) return null;
  if (channels.size === 1) return [...channels][0]!;
  channels.delete('own');
  return channels.size === 1 ? [...channels][0]! : null;
}
