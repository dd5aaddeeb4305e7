// Words for stored values, each through a literal key (the translation test finds them).
import type { TFunction } from 'i18next';
import type { Invitation, InvitationStatus, StoredDelegatedAdmin } from '../../../shared/workspace/tables';
import { regionName } from '../../../shared/domain/engine';
import type { InvitationState } from '../../../shared/workspace/invitationState';

export function statusLabel(t: TFunction, status: InvitationStatus): string {
  switch (status) {
    case 'draft':
      return t('invite.status.draft');
    case 'sent':
      return t('invite.status.sent');
    case 'accepted':
      return t('invite.status.accepted');
    case 'expired':
      return t('invite.status.expired');
    case 'cancelled':
      return t('invite.status.cancelled');
  }
}

/** What a stored invitation means today (shared/workspace/invitationState.ts), in words. */
export function stateLabel(t: TFunction, state: InvitationState): string {
  if (state === 'needs-gdap') return t('invite.status.needsGdap');
  if (state === 'gdap-expired') return t('invite.status.gdapExpired');
  return statusLabel(t, state);
}

export function accessLabel(t: TFunction, inv: Pick<Invitation, 'delegatedAdmin' | 'gdap'>): string {
  const kind: StoredDelegatedAdmin = inv.delegatedAdmin;
  if (kind === 'gdap') return t('invite.access.gdap', { days: inv.gdap?.durationDays ?? '?' });
  // Written by an older version: DAP cannot be granted any more, a GDAP request is still to make.
  if (kind === 'dap') return t('invite.access.needsGdap');
  return t('invite.access.none');
}

export function languageLabel(t: TFunction, language: 'en' | 'ja'): string {
  return language === 'ja' ? t('invite.compose.japanese') : t('invite.compose.english');
}

/** A CSP region's name in the UI language (the names live with the region rules, shared/domain). */
export function regionLabel(region: string, language: string): string {
  return regionName(region, language === 'ja' ? 'ja' : 'en');
}

/** "Japan (JP)" in the UI's language; the bare code when the runtime does not know it. */
export function countryLabel(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'region' }).of(code.toUpperCase());
    return name && name !== code.toUpperCase() ? `${name} (${code.toUpperCase()})` : code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}
