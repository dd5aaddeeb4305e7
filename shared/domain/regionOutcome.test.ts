import { describe, expect, it } from 'vitest';
import { regionOutcome } from './regionOutcome';

describe('the region check of the wizard', () => {
  it('lets a customer of the same CSP region through', () => {
    expect(regionOutcome('DE', 'fr')).toEqual({ kind: 'ok', region: 'europe' });
  });

  it('stops a customer of another region, saying both', () => {
    expect(regionOutcome('JP', 'US')).toEqual({ kind: 'mismatch', partnerCountry: 'JP', partnerRegion: 'japan', customerCountry: 'US', customerRegion: 'united-states' });
  });

  it('asks for a missing country, and names a country outside the markets list', () => {
    expect(regionOutcome('JP', '')).toEqual({ kind: 'needs-country' });
    expect(regionOutcome('JP', 'ZZ')).toEqual({ kind: 'unknown-country', country: 'ZZ' });
  });
});
