// Partner Center exports (REST API response bodies, `{"items": [...]}`): the partner's own
// subscriptions for a customer, and the customer (country from the billing profile or company
// address). The documentation's own samples hold dates like "2015-11-25T06: 41: 12Z": they are
// reported as errors naming file, record and field, never guessed.
import { z } from 'zod';
import { normalizeId } from '../domain/ids';
import type { TenantInventory } from '../domain/tenant';
import { withoutBom } from './decode';
import { ImportError } from './errors';
import { DATE_TIME_MESSAGE, collection, isoDateTimeCheck, parseJsonText, parseRecord } from './json';

const DateTime = z.string().refine(isoDateTimeCheck, { message: DATE_TIME_MESSAGE });

const PcSubscription = z.object({
  id: z.string().trim().min(1),
  offerId: z.string().optional(),
  offerName: z.string().optional(),
  friendlyName: z.string().optional(),
  quantity: z.number().int().nonnegative(),
  status: z.string(),
  autoRenewEnabled: z.boolean().optional(),
  billingType: z.string().optional(),
  creationDate: DateTime.optional(),
  effectiveStartDate: DateTime.optional(),
  commitmentEndDate: DateTime.optional(),
  isTrial: z.boolean().optional(),
  links: z.object({ offer: z.object({ uri: z.string() }).optional() }).optional(),
});

export interface PartnerCenterSubscription {
  id: string;
  /** The offer id, from `offerId` or the offer link (`/v1/offers/{id}`), lower case. */
  offerId: string | null;
  name: string;
  quantity: number;
  status: string;
  autoRenewEnabled: boolean | null;
  isTrial: boolean;
  commitmentEndDate: string | null;
}

/** A subscriptions list (`{"items": [...]}`) or one subscription (`GET .../subscriptions/{id}`). */
export function parsePartnerCenterSubscriptions(text: string, file: string): PartnerCenterSubscription[] {
  const body = parseJsonText(text, file);
  const single = typeof body === 'object' && body !== null && !Array.isArray(body) && !('items' in body) && 'id' in body;
  return (single ? [body] : collection(body, 'items', file)).map((raw, i) => {
    const s = parseRecord(PcSubscription, raw, i, file);
    const fromLink = s.links?.offer?.uri.match(/\/offers\/([^/?#]+)/i)?.[1];
    const offerId = s.offerId ?? fromLink;
    return {
      id: normalizeId(s.id),
      offerId: offerId ? normalizeId(offerId) : null,
      name: s.offerName ?? s.friendlyName ?? '',
      quantity: s.quantity,
      status: s.status,
      autoRenewEnabled: s.autoRenewEnabled ?? null,
      isTrial: s.isTrial ?? false,
      commitmentEndDate: s.commitmentEndDate ?? null,
    };
  });
}

const Address = z.object({ country: z.string().optional() }).optional();
const PcCustomer = z.object({
  id: z.string().trim().min(1),
  companyProfile: z.object({ tenantId: z.string().optional(), domain: z.string().optional(), companyName: z.string().optional(), address: Address }).optional(),
  billingProfile: z.object({ defaultAddress: Address }).optional(),
});

export interface PartnerCenterCustomer {
  id: string;
  tenantId: string;
  companyName: string;
  /** The customer's domain as Partner Center knows it (`companyProfile.domain`), lower case; '' when absent. */
  domain: string;
  /** ISO 3166 alpha-2 from the billing profile (or the company address), upper case. */
  country: string | null;
}

export function parsePartnerCenterCustomer(text: string, file: string): PartnerCenterCustomer {
  const c = parseRecord(PcCustomer, parseJsonText(text, file), 0, file);
  const country = (c.billingProfile?.defaultAddress?.country ?? c.companyProfile?.address?.country ?? '').trim().toUpperCase();
  if (country !== '' && !/^[A-Z]{2}$/.test(country)) {
    throw new ImportError({ code: 'INVALID_VALUE', file, record: 1, recordId: c.id, field: 'billingProfile.defaultAddress.country', reason: 'NOT_A_COUNTRY_CODE', params: { value: country } });
  }
  return {
    id: normalizeId(c.id),
    tenantId: normalizeId(c.companyProfile?.tenantId ?? c.id),
    companyName: c.companyProfile?.companyName ?? '',
    domain: (c.companyProfile?.domain ?? '').trim().toLowerCase(),
    country: country || null,
  };
}

/**
 * Which Partner Center response a JSON file is, from its content: its `attributes.objectType`
 * (Customer, Subscription, or a Collection of subscriptions), else the keys of its first record.
 */
export function partnerCenterJsonKind(text: string): 'customer' | 'subscriptions' | null {
  const head = withoutBom(text).slice(0, 16_384);
  if (!head.trimStart().startsWith('{')) return null;
  if (/"objectType"\s*:\s*"Subscription"/.test(head)) return 'subscriptions';
  if (/"objectType"\s*:\s*"Customer"/.test(head) || /"companyProfile"\s*:/.test(head)) return 'customer';
  if (/"(entitlementId|commitmentEndDate|offerId)"\s*:/.test(head) && !/"@odata\.context"/.test(head)) return 'subscriptions';
  return null;
}

/** What Partner Center's customer adds to a tenant import: the tenant id, domain and country Graph's organization did not give. */
export function withPartnerCenterCustomer(inventory: TenantInventory, customer: PartnerCenterCustomer): TenantInventory {
  return {
    ...inventory,
    tenantId: inventory.tenantId ?? customer.tenantId,
    defaultDomain: inventory.defaultDomain ?? (customer.domain || null),
    countryLetterCode: inventory.countryLetterCode ?? customer.country,
  };
}
