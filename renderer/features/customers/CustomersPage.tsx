import { BeingBuilt } from '../../app/BeingBuilt';

export function CustomersPage() {
  return <BeingBuilt purposeKey="pages.customers.purpose" />;
}
