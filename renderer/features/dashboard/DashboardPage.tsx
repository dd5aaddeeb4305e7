import { BeingBuilt } from '../../app/BeingBuilt';

export function DashboardPage() {
  return <BeingBuilt purposeKey="pages.dashboard.purpose" />;
}
