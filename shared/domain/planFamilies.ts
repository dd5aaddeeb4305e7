// Service plans come in tiers with a different id per tier (FORMS_PLAN_E3 vs FORMS_PLAN_E5), so
// "does the target keep this service?" is asked per plan family: the same family at the same or a
// higher tier keeps the service; a lower tier, or no plan of the family, loses it.
//
// The family of a plan name is found by stripping one tier suffix separated by "_" (E1/E3/E5, P1..P3,
// PLAN1..3, K/F1/F3, SMB, BASIC, STANDARD, ENTERPRISE, PREMIUM, ...). Names that run the tier into
// the word (SHAREPOINTENTERPRISE, MCOSTANDARD), aliases (Skype audio conferencing) and names whose
// suffix is not a tier (CPC_1 is a Cloud PC size) are listed by hand below, checked against the
// licensing CSV by planFamilies.test.ts.

export interface PlanFamily {
  /** Upper-case family key, e.g. FORMS_PLAN, EXCHANGE_S, SHAREPOINT. */
  family: string;
  /** Rank within the family: higher includes lower. */
  tier: number;
}

/** The tier ladder shared by Microsoft's naming: foundation < kiosk < basic < plan 1 < plan 2 < plan 3. */
export const TIER_RANK: Readonly<Record<string, number>> = {
  FOUNDATION: 0,
  K: 1,
  F: 1,
  F1: 1,
  F3: 1,
  DESKLESS: 1,
  KIOSK: 1,
  BASIC: 2,
  SMB: 3,
  E1: 3,
  P1: 3,
  PLAN1: 3,
  PLAN_1: 3,
  STANDARD: 3,
  E3: 4,
  P2: 4,
  PLAN2: 4,
  PLAN_2: 4,
  ENTERPRISE: 4,
  E5: 5,
  P3: 5,
  PLAN3: 5,
  PLAN_3: 5,
  PREMIUM: 5,
  PREMIUM2: 6,
};

/** Plans the suffix rule gets wrong or cannot see; family and tier by hand. */
export const FAMILY_OVERRIDES: Readonly<Record<string, PlanFamily>> = {
  // Tier run into the word.
  SHAREPOINTDESKLESS: { family: 'SHAREPOINT', tier: 1 },
  SHAREPOINTSTANDARD: { family: 'SHAREPOINT', tier: 3 },
  SHAREPOINTENTERPRISE: { family: 'SHAREPOINT', tier: 4 },
  ONEDRIVE_BASIC: { family: 'ONEDRIVE', tier: 2 },
  ONEDRIVESTANDARD: { family: 'ONEDRIVE', tier: 3 },
  ONEDRIVEENTERPRISE: { family: 'ONEDRIVE', tier: 4 },
  MIP_S_CLP1: { family: 'MIP_S_CLP', tier: 3 },
  MIP_S_CLP2: { family: 'MIP_S_CLP', tier: 4 },
  TEAMS_DESKLESS: { family: 'TEAMS', tier: 1 },
  TEAMS1: { family: 'TEAMS', tier: 3 },
  YAMMER_BASIC: { family: 'YAMMER', tier: 2 },
  YAMMER_ENTERPRISE: { family: 'YAMMER', tier: 4 },
  BPOS_S_TODO_1: { family: 'BPOS_S_TODO', tier: 3 },
  BPOS_S_TODO_2: { family: 'BPOS_S_TODO', tier: 4 },
  BPOS_S_TODO_3: { family: 'BPOS_S_TODO', tier: 5 },
  // Skype for Business Online Plan 1 / Plan 2; Plan 3 (MCOVOICECONF) was audio conferencing,
  // which Microsoft 365 sells as Audio Conferencing (MCOMEETADV): E4's listed replacement is E5.
  MCOIMP: { family: 'MCO_SKYPE', tier: 3 },
  MCOSTANDARD: { family: 'MCO_SKYPE', tier: 4 },
  MCOVOICECONF: { family: 'MCOMEETADV', tier: 4 },
  MCOMEETADV: { family: 'MCOMEETADV', tier: 4 },
  // Teams audio conferencing with dial-out to select geographies < full Audio Conferencing.
  MCOMEETBASIC: { family: 'MCOMEETADV', tier: 3 },
  WHITEBOARD_FIRSTLINE1: { family: 'WHITEBOARD', tier: 1 },
  // Microsoft 365 Apps for business < for enterprise.
  OFFICE_BUSINESS: { family: 'OFFICE_APPS', tier: 3 },
  OFFICESUBSCRIPTION: { family: 'OFFICE_APPS', tier: 4 },
  // Microsoft Entra ID: Free/basic < business < P1 (AAD_PREMIUM) < P2.
  AAD_BASIC: { family: 'AAD', tier: 2 },
  AAD_SMB: { family: 'AAD', tier: 3 },
  AAD_PREMIUM: { family: 'AAD', tier: 4 },
  AAD_PREMIUM_P2: { family: 'AAD', tier: 5 },
  // Intune Plan 1 is INTUNE_A; the SMB edition is Plan 1 for business.
  INTUNE_SMBIZ: { family: 'INTUNE', tier: 3 },
  INTUNE_A: { family: 'INTUNE', tier: 3 },
  INTUNE_P2: { family: 'INTUNE', tier: 4 },
};

/**
 * Tenant plumbing that holds no user data and comes with whatever SKU needs it (Exchange Foundation
 * backs Teams, Bookings and others; Lighthouse is the partner's management view). A target without
 * it is not a data-loss risk, so these are never reported as lost.
 */
export const NO_USER_DATA_PLANS: ReadonlySet<string> = new Set([
  'EXCHANGE_S_FOUNDATION',
  'EXCHANGE_S_FOUNDATION_GOV',
  'M365_LIGHTHOUSE_CUSTOMER_PLAN1',
  'M365_LIGHTHOUSE_PARTNER_PLAN1',
]);

const SUFFIX = new RegExp(`^(.+?)_(${Object.keys(TIER_RANK).sort((a, b) => b.length - a.length).join('|')})$`);

const cache = new Map<string, PlanFamily>();

/** The family of a service plan name (case-insensitive: the CSV has both `Deskless` and `DESKLESS`). */
export function planFamily(servicePlanName: string): PlanFamily {
  const key = servicePlanName.trim().toUpperCase();
  const hit = cache.get(key);
  if (hit) return hit;
  let result: PlanFamily | undefined = FAMILY_OVERRIDES[key];
  if (!result) {
    const m = SUFFIX.exec(key);
    // A plan without a tier suffix is its own family at the middle tier, so a tiered plan of the
    // same name never outranks it by accident.
    result = m && m[1] && m[2] ? { family: m[1], tier: TIER_RANK[m[2]] ?? 3 } : { family: key, tier: 3 };
  }
  cache.set(key, result);
  return result;
}
