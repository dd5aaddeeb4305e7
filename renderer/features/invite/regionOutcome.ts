// Step 2 of the wizard, as data: for each picked customer, may the partner invite it? The CSP
// region rule (DOMAIN.md) decides; a customer without a country cannot be checked yet.
import { checkRegion } from '../../../shared/domain/engine';

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

/** i18n keys of the 15 CSP regions of the markets list (shared/domain/regionTable.ts). */
export const REGION_NAME_KEYS: Readonly<Record<string, string>> = {
  africa: 'invite.regionName.africa',
  'asia-and-pacific': 'invite.regionName.asiaAndPacific',
  australia: 'invite.regionName.australia',
  brazil: 'invite.regionName.brazil',
  canada: 'invite.regionName.canada',
  europe: 'invite.regionName.europe',
  india: 'invite.regionName.india',
  japan: 'invite.regionName.japan',
  'korea-republic-of': 'invite.regionName.korea',
  'latin-america-and-the-caribbean': 'invite.regionName.latinAmerica',
  'middle-east-central-europe-and-eastern-europe': 'invite.regionName.middleEastEurope',
  'new-zealand': 'invite.regionName.newZealand',
  russia: 'invite.regionName.russia',
  taiwan: 'invite.regionName.taiwan',
  'united-states': 'invite.regionName.unitedStates',
};
