import { BeingBuilt } from '../../app/BeingBuilt';

export function InvitePage() {
  return <BeingBuilt purposeKey="pages.invite.purpose" />;
}
