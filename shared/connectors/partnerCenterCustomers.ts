// Partner Center's customer list (connectors/partnerCenter.ts) as the changes that create the
// workspace's customers. Apart from the client so the Electron main process, which only reads from
// Partner Center, does not carry the mutators and the CSV parser along.
import { relationshipIsReseller } from '../import/partnerCenterCsv';
import { MAX_CUSTOMERS_PER_LIST } from '../mutators/customers';
import type { PartnerCenterListedCustomer } from './partnerCenter';

/**
 * The customer list as `customer.createMany` changes, at most `max` customers each: a customer whose
 * reseller relationship is in place starts at "accepted". Ids come from the caller (the app's id rule).
 */
export function customerListChanges(
  list: readonly PartnerCenterListedCustomer[],
  options: { file: string; newId: () => string; max?: number },
): { file: string; customers: { id: string; name: string; domain: string; tenantId: string; country?: string; stage: 'not-started' | 'accepted' }[] }[] {
  const max = options.max ?? MAX_CUSTOMERS_PER_LIST;
  const out: ReturnType<typeof customerListChanges> = [];
  for (let i = 0; i < list.length; i += max) {
    out.push({
      file: options.file,
      // The country only when Partner Center gave one: a list without it stays what older apps sent.
      customers: list.slice(i, i + max).map((c) => ({
        id: options.newId(),
        name: c.companyName,
        domain: c.domain,
        tenantId: c.tenantId,
        ...(c.country ? { country: c.country } : {}),
        stage: relationshipIsReseller(c.relationship) ? 'accepted' : 'not-started',
      })),
    });
  }
  return out;
}
