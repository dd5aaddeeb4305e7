// The invitation email, in the language the customer reads (not necessarily the UI's). Pure: the
// words come from the catalogs through a translate function fixed to that language
// (i18n.getFixedT(lang)), so the same text is tested here and shown in the app.
import type { DelegatedAdmin } from '../../../shared/workspace/tables';
import type { Email } from '../../output/mailto';
import type { Translate } from '../../ui/language';
import { entraRole } from './entraRoles';

export type { Translate };

export interface InviteEmailInput {
  partnerName: string;
  customerName: string;
  /** The reseller relationship link as invitation.create stored it. */
  resellerLink: string;
  delegatedAdmin: DelegatedAdmin;
  /** With delegatedAdmin 'gdap': role template ids, days, and the customer's approval link. */
  gdap: { roles: readonly string[]; durationDays: number; approvalLink: string } | null;
  /** A reminder of an invitation already sent. */
  reminder?: boolean;
}

export type InviteEmail = Email;

export function buildInviteEmail(input: InviteEmailInput, t: Translate): InviteEmail {
  const partner = input.partnerName.trim() || t('invite.email.partnerFallback');
  const customer = input.customerName.trim();
  const subject = t('invite.email.subject', { partner, customer });
  const paragraphs: string[] = [t('invite.email.greeting', { customer })];
  if (input.reminder) paragraphs.push(t('invite.email.reminderIntro'));
  paragraphs.push(t('invite.email.intro', { partner, customer }), input.resellerLink, t('invite.email.noDisruption'));
  if (input.delegatedAdmin === 'gdap' && input.gdap) {
    const roles = input.gdap.roles.map((id) => {
      const role = entraRole(id);
      return `- ${role ? role.label(t) : id}`;
    });
    paragraphs.push(
      [t('invite.email.gdapIntro', { days: input.gdap.durationDays }), ...roles].join('\n'),
      t('invite.email.gdapApprove'),
      input.gdap.approvalLink,
    );
  }
  paragraphs.push(t('invite.email.closing'), t('invite.email.signature', { partner }));
  return {
    subject: input.reminder ? t('invite.email.reminderSubject', { subject }) : subject,
    body: paragraphs.join('\n\n'),
  };
}

/** The email as one text to paste: subject line, blank line, body. */
export function emailAsText(email: InviteEmail, t: Translate): string {
  return `${t('invite.email.subjectLine', { subject: email.subject })}\n\n${email.body}`;
}
