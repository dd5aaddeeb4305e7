// The reseller relationship request (DOMAIN.md, "The move", step 1): a link to the customer's
// Microsoft 365 admin center that a Global Admin of the customer accepts.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADMIN_CENTER = 'https://admin.microsoft.com/Adminportal/Home';
const FRAGMENT = '#/BillingAccounts/partner-invitation';

export interface ResellerLinkInput {
  partnerTenantId: string;
  /** Legacy delegated admin (DAP=true). GDAP is a separate relationship with its own approval link. */
  legacyDap: boolean;
}

/** Builds the link Partner Center gives under Customers -> Request a reseller relationship. */
export function resellerInvitationLink({ partnerTenantId, legacyDap }: ResellerLinkInput): string {
  if (!GUID.test(partnerTenantId)) throw new Error(`partner tenant id "${partnerTenantId}" is not a GUID`);
  const query = `invType=ResellerRelationship&partnerId=${partnerTenantId.toLowerCase()}&msppId=0&DAP=${legacyDap}`;
  return `${ADMIN_CENTER}?${query}${FRAGMENT}`;
}

export interface ParsedResellerLink {
  partnerTenantId: string;
  legacyDap: boolean;
}

/** Reads a link pasted from Partner Center; null when it is not a reseller relationship request. */
export function parseResellerInvitationLink(link: string): ParsedResellerLink | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname.toLowerCase() !== 'admin.microsoft.com') return null;
  const params = url.searchParams;
  if (params.get('invType')?.toLowerCase() !== 'resellerrelationship') return null;
  const partnerTenantId = params.get('partnerId') ?? '';
  if (!GUID.test(partnerTenantId)) return null;
  return { partnerTenantId: partnerTenantId.toLowerCase(), legacyDap: params.get('DAP')?.toLowerCase() === 'true' };
}

/** GDAP admin relationships last at most two years (Graph delegatedAdminRelationship.duration). */
export const GDAP_MAX_DAYS = 730;

/** An ISO 8601 duration as Graph wants it for a GDAP relationship, e.g. 730 -> "P730D". */
export function gdapDuration(days: number): string {
  if (!Number.isInteger(days) || days < 1 || days > GDAP_MAX_DAYS) {
    throw new Error(`a GDAP relationship lasts 1 to ${GDAP_MAX_DAYS} days, not ${days}`);
  }
  return `P${days}D`;
}
