import { BeingBuilt } from '../../app/BeingBuilt';

export function OfferMatchingPage() {
  return <BeingBuilt purposeKey="pages.offerMatching.purpose" />;
}
