import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarketsCsv } from '../import/markets';
import { GERMAN_COUNTRY_NAMES, isoFromGermanName } from './countries';
import { buildRegionTable, checkRegion, DEFAULT_REGIONS, regionOf } from './region';
import { CSP_REGION_BY_COUNTRY } from './regionTable';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const rows = parseMarketsCsv(readFileSync(path.join(fixtures, 'markets/csp-regional-markets-2021.de-DE.csv'), 'utf8'), 'markets.csv');

describe('CSP regions', () => {
  it('the markets fixture has 245 rows in 15 regions, and every row maps to an ISO code', () => {
    expect(rows).toHaveLength(245);
    expect(new Set(rows.map((r) => r.regionId)).size).toBe(15);
    const unmapped = rows.filter((r) => !isoFromGermanName(r.countryName)).map((r) => `${r.row}: ${r.countryName}`);
    expect(unmapped).toEqual([]);
    for (const code of Object.values(GERMAN_COUNTRY_NAMES)) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('no country is in two regions, and only Caribbean Netherlands (BQ) has several rows', () => {
    const seen = new Map<string, string[]>();
    for (const r of rows) {
      const iso = isoFromGermanName(r.countryName)!;
      seen.set(iso, [...(seen.get(iso) ?? []), r.regionId]);
    }
    const multi = [...seen].filter(([, regions]) => regions.length > 1);
    expect(multi).toEqual([['BQ', ['latin-america-and-the-caribbean', 'latin-america-and-the-caribbean', 'latin-america-and-the-caribbean']]]);
  });

  it('the built-in table equals the one built from the fixture', () => {
    const built = buildRegionTable(rows);
    expect(built.unmapped).toEqual([]);
    expect(Object.fromEntries([...built.byCountry].sort())).toEqual(Object.fromEntries(Object.entries(CSP_REGION_BY_COUNTRY).sort()));
  });

  it('agrees with Partner Center country validation rules for the US', () => {
    const us = JSON.parse(readFileSync(path.join(fixtures, 'partner-center/countryvalidationrules.US.response.json'), 'utf8')) as {
      iso2Code: string;
      geographicRegion: string;
    };
    expect(us.geographicRegion).toBe('NorthAndLatinAmerica');
    // The US is a single-country CSP region (with its minor outlying islands); Canada and Mexico,
    // although in the same geographic region, are not in it.
    expect(regionOf(us.iso2Code)).toBe('united-states');
    expect([...DEFAULT_REGIONS.byCountry].filter(([, r]) => r === 'united-states').map(([c]) => c).sort()).toEqual(['UM', 'US']);
    expect(checkRegion('US', 'CA')).toEqual({ ok: false, reason: 'different-region', partnerRegion: 'united-states', customerRegion: 'canada' });
    expect(checkRegion('US', 'MX').ok).toBe(false);
  });

  it('checks partner and customer countries', () => {
    expect(checkRegion('DE', 'fr')).toEqual({ ok: true, region: 'europe' });
    expect(checkRegion('JP', 'JP')).toEqual({ ok: true, region: 'japan' });
    expect(checkRegion('JP', 'KR')).toMatchObject({ ok: false, reason: 'different-region' });
    expect(checkRegion('AU', 'NZ')).toMatchObject({ ok: false, reason: 'different-region' });
    expect(checkRegion('DE', 'ZZ')).toEqual({ ok: false, reason: 'unknown-country', country: 'ZZ' });
  });
});
