// Products Microsoft retired or stopped selling, known without an offer list (DOMAIN.md "The rules
// in force now", rules 6 and 11). With an offer list the engine reads purchasability from it; without
// one, these marks keep a retired product from being proposed as "the same offer", and say that
// the offer list would make it certain.
import type { LocalDate } from './dates';

export type RetirementKind = 'retired' | 'with-teams';

export interface Retirement {
  kind: RetirementKind;
  /** The day it stopped being sold (to new customers, for the with-Teams suites). */
  since: LocalDate;
  /** The product Microsoft names as the replacement (part number), when there is one. */
  replacement?: string;
}

/** By upper-case part number. */
const RETIRED: ReadonlyMap<string, Retirement> = new Map([
  // Office 365 E4 was retired when Office 365 E5 came (2015); the catalog still lists it.
  ['ENTERPRISEWITHSCAL', { kind: 'retired', since: '2015-12-01', replacement: 'ENTERPRISEPREMIUM' }],
]);

/**
 * The enterprise suites with Teams: not sold to new customers since 2024-04-01 (EEA and
 * Switzerland since 2023-10-01); existing holders may renew. The pair that replaces each: the
 * no-Teams suite and Microsoft Teams (Microsoft_Teams_EEA_New).
 */
export const WITH_TEAMS_SUITES: ReadonlyMap<string, string> = new Map([
  ['STANDARDPACK', 'OFFICE_365_E1_(NO_TEAMS)'],
  ['ENTERPRISEPACK', 'OFFICE_365_E3_(NO_TEAMS)'],
  ['ENTERPRISEPREMIUM', 'OFFICE_365_E5_(NO_TEAMS)'],
  ['SPE_E3', 'MICROSOFT_365_E3_(NO_TEAMS)'],
  ['SPE_E5', 'MICROSOFT_365_E5_(NO_TEAMS)'],
]);
export const TEAMS_UNBUNDLING_SINCE: LocalDate = '2024-04-01';
/** The standalone Teams product of the licensing CSV (it holds TEAMS1). */
export const STANDALONE_TEAMS_PART_NUMBER = 'MICROSOFT_TEAMS_EEA_NEW';

const WITH_TEAMS: Retirement = Object.freeze({ kind: 'with-teams', since: TEAMS_UNBUNDLING_SINCE });
/** Per part number as Graph or the catalog spells it: read for every line of every plan. */
const known = new Map<string, Retirement | null>();

/** A product's end of sale whatever the day (null: on sale as far as the engine knows); the catalog keeps it per SKU. */
export function knownRetirement(partNumber: string): Retirement | null {
  const pn = partNumber.trim().toUpperCase();
  return RETIRED.get(pn) ?? (WITH_TEAMS_SUITES.has(pn) ? WITH_TEAMS : null);
}

/** The end of sale that applies on `asOf`: none before its day. */
export function retirementOn(r: Retirement | null, asOf: LocalDate): Retirement | null {
  return r && asOf >= r.since ? r : null;
}

/**
 * What is known about a product's end of sale on `asOf`; null when it is on sale as far as the
 * engine knows. Products marked discontinued by hand are NOT_PURCHASABLE already.
 */
export function retirementOf(partNumber: string, asOf: LocalDate): Retirement | null {
  let r = known.get(partNumber);
  if (r === undefined) {
    r = knownRetirement(partNumber);
    if (known.size > 4096) known.clear();
    known.set(partNumber, r);
  }
  return retirementOn(r, asOf);
}

/** The named replacement of a retired product (or "" when none is named); null when it is not retired. */
export function isRetiredProduct(partNumber: string): string | null {
  const r = RETIRED.get(partNumber.trim().toUpperCase());
  return r ? (r.replacement ?? '') : null;
}
