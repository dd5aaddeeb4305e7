// The invite wizard's region step, as data: for each picked customer, may the partner invite it? The CSP
// region rule (DOMAIN.md) decides; a customer without a country cannot be checked yet.
import { checkRegion } from './region';

export type RegionOutcome =
  | { kind: 'ok'; region: string }
  | { kind: 'needs-country' }
  | { kind: 'mismatch'; partnerCountry: string; partnerRegion: string; customerCountry: string; customerRegion: string }
  | { kind: 'unknown-country'; country: string };

export function regionOutcome(partnerCountry: string, customerCountry: string): RegionOutcome {
  if (customerCountry.trim() === '') return { kind: 'needs-country' };
  const r = checkRegion(partnerCountry, customerCountry);
  if (r.ok) return { kind: 'ok', region: r.region };
  if (r.reason === 'unknown-country') return { kind: 'unknown-country', country: r.country };
  return {
    kind: 'mismatch',
    partnerCountry: partnerCountry.toUpperCase(),
    partnerRegion: r.partnerRegion,
    customerCountry: customerCountry.toUpperCase(),
    customerRegion: r.customerRegion,
  };
}
