// Region rule (DOMAIN.md): the CSP partner must be in the same CSP region as the customer tenant.
// A partner may transact only with customers in the markets of its own region; single-country
// regions (United States, Canada, Japan, India, Brazil, ...) allow that country only.
import { isoFromGermanName } from './countries';
import { CSP_REGION_BY_COUNTRY } from './regionTable';

export interface MarketLike {
  regionId: string;
  countryName: string;
  row?: number;
}

export interface RegionTable {
  /** ISO 3166 alpha-2 -> CSP region id (e.g. 'europe', 'united-states'). */
  byCountry: ReadonlyMap<string, string>;
  /** Rows whose country name has no ISO code in countries.ts. */
  unmapped: MarketLike[];
}

/** Builds ISO -> region from the markets list (import/markets.ts parses the CSV). */
export function buildRegionTable(rows: readonly MarketLike[]): RegionTable {
  const byCountry = new Map<string, string>();
  const unmapped: MarketLike[] = [];
  for (const r of rows) {
    const iso = isoFromGermanName(r.countryName);
    if (iso) byCountry.set(iso, r.regionId);
    else unmapped.push(r);
  }
  return { byCountry, unmapped };
}

/** The table built into the app, from the 2021 markets list (regionTable.ts, checked by tests). */
export const DEFAULT_REGIONS: RegionTable = { byCountry: new Map(Object.entries(CSP_REGION_BY_COUNTRY)), unmapped: [] };

export function regionOf(country: string, table: RegionTable = DEFAULT_REGIONS): string | undefined {
  return table.byCountry.get(country.trim().toUpperCase());
}

export type RegionCheck =
  | { ok: true; region: string }
  | { ok: false; reason: 'different-region'; partnerRegion: string; customerRegion: string }
  | { ok: false; reason: 'unknown-country'; country: string };

export function checkRegion(partnerCountry: string, customerCountry: string, table: RegionTable = DEFAULT_REGIONS): RegionCheck {
  const p = regionOf(partnerCountry, table);
  if (!p) return { ok: false, reason: 'unknown-country', country: partnerCountry };
  const c = regionOf(customerCountry, table);
  if (!c) return { ok: false, reason: 'unknown-country', country: customerCountry };
  return p === c ? { ok: true, region: p } : { ok: false, reason: 'different-region', partnerRegion: p, customerRegion: c };
}
