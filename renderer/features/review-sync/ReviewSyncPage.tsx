import { BeingBuilt } from '../../app/BeingBuilt';

export function ReviewSyncPage() {
  return <BeingBuilt purposeKey="pages.reviewSync.purpose" />;
}
