// The email to a customer's current CSP partner asking it to schedule "cancel at end of term" for
// the subscriptions the customer moves to us (DOMAIN.md "The rules in force now", rule 1): without
// it they continue in a paid Extended Service Term. In the language the old partner reads, from the
// catalogs through a translate function fixed to that language, like the invitation email. Products
// by their catalog names with the part number beside, counts and days as that language writes them.
import type { PlannedLine } from '../../../shared/domain/engine';
import { formatCountOf, formatDay, nameWithPartNumber } from '../../../shared/domain/format';
import type { Lang } from '../../../shared/domain/lang';
import { EST_UPLIFT_NO_MONTHLY_PERCENT, EST_UPLIFT_PERCENT } from '../../../shared/domain/engine';
import type { Email } from '../../output/mailto';
import type { Translate } from '../../ui/language';

export interface EstEmailInput {
  partnerName: string;
  customerName: string;
  /** The current partner's name, as the account manager knows it. */
  oldPartnerName: string;
  /** The lines to list: those of the old partner still to be cancelled at term end. */
  lines: readonly Pick<PlannedLine, 'sourceSkuPartNumber' | 'sourceSkuName' | 'subscriptionId' | 'quantity' | 'expires'>[];
  /** The email's language (the one `t` is fixed to): numbers and days are written as it writes them. */
  language: Lang;
}

/** The lines an EST email is about: another partner's, under EST, with nothing scheduled and no transfer under way. */
export function linesNeedingCancelAtTermEnd(lines: readonly PlannedLine[]): PlannedLine[] {
  return lines.filter((l) => l.channel === 'other-partner' && l.action === 'rebuy' && l.endOfTerm?.kind === 'est' && l.endOfTerm.cancelScheduledOn === null);
}

export function buildEstEmail(input: EstEmailInput, t: Translate): Email {
  const partner = input.partnerName.trim() || t('caseFile.estEmail.partnerFallback');
  const customer = input.customerName.trim();
  const oldPartner = input.oldPartnerName.trim();
  // The earliest end date: every subscription must be scheduled before the first one ends.
  const dates = input.lines.map((l) => l.expires).filter((d): d is string => d !== null).sort();
  const lang = input.language;
  const by = dates[0] ? formatDay(dates[0], lang) : t('caseFile.estEmail.unknownDate');
  const list = input.lines.map((l) => {
    const expires = l.expires ? formatDay(l.expires, lang) : t('caseFile.estEmail.unknownDate');
    const product = nameWithPartNumber(l.sourceSkuName, l.sourceSkuPartNumber);
    const licenses = formatCountOf(l.quantity, 'license', lang);
    return l.subscriptionId ? t('caseFile.estEmail.line', { product, subscriptionId: l.subscriptionId, licenses, expires }) : t('caseFile.estEmail.lineNoId', { product, licenses, expires });
  });
  const paragraphs = [
    t('caseFile.estEmail.greeting', { oldPartner }),
    t('caseFile.estEmail.intro', { customer, partner, by }),
    list.join('\n'),
    t('caseFile.estEmail.why', { uplift: EST_UPLIFT_PERCENT, upliftNoMonthly: EST_UPLIFT_NO_MONTHLY_PERCENT }),
    t('caseFile.estEmail.confirm'),
    t('caseFile.estEmail.closing'),
    t('caseFile.estEmail.signature', { partner }),
  ];
  return { subject: t('caseFile.estEmail.subject', { partner, customer }), body: paragraphs.join('\n\n') };
}
