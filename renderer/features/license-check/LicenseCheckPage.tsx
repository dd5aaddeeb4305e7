import { BeingBuilt } from '../../app/BeingBuilt';

export function LicenseCheckPage() {
  return <BeingBuilt purposeKey="pages.licenseCheck.purpose" />;
}
