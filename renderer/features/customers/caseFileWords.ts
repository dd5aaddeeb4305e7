// Plain words for the engine's values (channel, match kind, timing), in the UI language.
import type { TFunction } from 'i18next';
import type { Channel, Lang, MatchKind, PlannedLine } from '../../../shared/domain/engine';
import { formatCountOf } from '../../../shared/domain/format';

export function channelWord(t: TFunction, channel: Channel): string {
  switch (channel) {
    case 'own':
      return t('caseFile.channel.own');
    case 'other-partner':
      return t('caseFile.channel.otherPartner');
    case 'direct':
      return t('caseFile.channel.direct');
    default:
      return t('caseFile.channel.unknown');
  }
}

export function matchWord(t: TFunction, kind: MatchKind): string {
  switch (kind) {
    case 'same':
      return t('caseFile.match.same');
    case 'equivalent':
      return t('caseFile.match.equivalent');
    case 'different':
      return t('caseFile.match.different');
    default:
      return t('caseFile.match.none');
  }
}

/** Graph's subscription status (Enabled, Warning, Suspended, Deleted, LockedOut) in words; anything else as it came. */
export function statusWord(t: TFunction, status: string): string {
  switch (status.toLowerCase()) {
    case 'enabled':
      return t('caseFile.subscriptionStatus.enabled');
    case 'warning':
      return t('caseFile.subscriptionStatus.warning');
    case 'suspended':
      return t('caseFile.subscriptionStatus.suspended');
    case 'deleted':
      return t('caseFile.subscriptionStatus.deleted');
    case 'lockedout':
      return t('caseFile.subscriptionStatus.lockedOut');
    default:
      return status;
  }
}

/** "in 12 days", "3 days left in the 30-day window", "window ended": what the dates mean today. */
export function timingWord(t: TFunction, line: PlannedLine, lang: Lang): string {
  const { state, daysToExpiry, daysToDeadline } = line.timing;
  switch (state) {
    case 'active':
    case 'expiring-soon':
      return t('caseFile.timing.expiresIn', { days: formatCountOf(daysToExpiry ?? 0, 'day', lang) });
    case 'in-expired-window':
      return t('caseFile.timing.inWindow', { days: formatCountOf(daysToDeadline ?? 0, 'day', lang) });
    case 'past-deadline':
      return t('caseFile.timing.pastDeadline');
    default:
      return t('caseFile.timing.unknown');
  }
}
