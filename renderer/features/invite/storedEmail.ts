// The email of a stored invitation, in the invitation's own language whatever the UI's.
import type { i18n as I18n } from 'i18next';
import type { Invitation } from '../../../shared/workspace/tables';
import { buildInviteEmail, type InviteEmail } from './inviteEmail';

export function emailOfInvitation(
  inv: Invitation,
  names: { customer: string; partner: string },
  i18n: I18n,
  reminder = false,
): InviteEmail {
  return buildInviteEmail(
    {
      partnerName: names.partner,
      customerName: names.customer,
      resellerLink: inv.link,
      // A legacy DAP invitation's link no longer grants DAP: its email asks for nothing more.
      delegatedAdmin: inv.delegatedAdmin === 'dap' ? 'none' : inv.delegatedAdmin,
      gdap: inv.gdap,
      reminder,
    },
    i18n.getFixedT(inv.language),
  );
}
