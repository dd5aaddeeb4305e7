// How the case file's Partner Center buttons say why they cannot run and what went wrong: Partner
// Center's own refusals come from main as a code and parameters, worded by
// renderer/words/connectorErrors; a host failure (signed out, a browser) is said by the screen.
import type { TFunction } from 'i18next';
import { HostError } from '../../../shared/ipc/contract';

/** A failure of the host itself (no Microsoft sign-in, no desktop app), in words. */
export function hostFailureText(t: TFunction, e: unknown): string {
  if (e instanceof HostError && (e.code === 'MICROSOFT_SIGNED_OUT' || e.code === 'MICROSOFT_NOT_CONFIGURED')) return t('pcCaseFile.signedOutError');
  if (e instanceof HostError && e.code === 'NOT_SUPPORTED') return t('pcCaseFile.blocked.web');
  return t('pcCaseFile.hostError', { detail: e instanceof Error ? e.message : String(e) });
}

/** An attestedBy of at most 200 characters (CustomerAgreement), the person's name and address first. */
export function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
