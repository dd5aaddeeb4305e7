import { describe, expect, it } from 'vitest';
import { regionName } from './regionNames';
import { CSP_REGION_BY_COUNTRY } from './regionTable';

describe('region names', () => {
  it('has a name for every CSP region', () => {
    for (const region of new Set(Object.values(CSP_REGION_BY_COUNTRY))) {
      expect(regionName(region, 'en'), region).not.toBe(region);
      expect(regionName(region, 'ja'), region).not.toBe(region);
    }
  });
});
