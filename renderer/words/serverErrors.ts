// The team's server's errors in the reader's language: the server answers with a code of the
// protocol's one list (SyncErrorCode) and, for sign-in, the data it names (who, which tenant); its
// `message` is an English detail for developers. Each code's words are a literal catalog key
// (`serverError.*`). A code this app does not know (a newer server's) falls back to the detail.
import type { SyncFailure, SyncStatus } from '../../shared/sync/loop';
import type { SessionError, SessionErrorCode } from '../../shared/sync/session';
import { SyncErrorCode } from '../../shared/sync/protocol';
import type { Translate } from './labels';

type Params = Readonly<Record<string, string | number>>;
const str = (v: string | number | undefined): string => String(v ?? '');

/** Each code's words: exhaustive, so a new code does not compile without them. */
const SERVER_ERROR_WORDS: Record<SyncErrorCode, (t: Translate, p: Params) => string> = {
  MUTATION_GAP: (t) => t('serverError.mutationGap'),
  CLIENT_UPDATE_REQUIRED: (t) => t('serverError.clientUpdateRequired'),
  CLIENT_NOT_YOURS: (t) => t('serverError.clientNotYours'),
  INVALID_TEXT: (t) => t('serverError.invalidText'),
  UNAUTHENTICATED: (t) => t('serverError.unauthenticated'),
  INVALID_TOKEN: (t) => t('serverError.invalidToken'),
  INVALID_CREDENTIALS: (t) => t('serverError.invalidCredentials'),
  INVALID_REFRESH_TOKEN: (t) => t('serverError.invalidRefreshToken'),
  INVALID_ENTRA_TOKEN: (t) => t('serverError.invalidEntraToken'),
  ACCOUNT_DISABLED: (t) => t('serverError.accountDisabled'),
  PASSWORD_SIGN_IN_DISABLED: (t) => t('serverError.passwordSignInDisabled'),
  ENTRA_SIGN_IN_DISABLED: (t) => t('serverError.entraSignInDisabled'),
  ENTRA_UNAVAILABLE: (t) => t('serverError.entraUnavailable'),
  ENTRA_TENANT_NOT_LINKED: (t, p) => t('serverError.entraTenantNotLinked', { tenantId: str(p.tenantId) }),
  ENTRA_NO_ROLE: (t, p) => t('serverError.entraNoRole', { account: str(p.account), roles: str(p.roles) }),
  ENTRA_PERSON_UNKNOWN: (t, p) => t('serverError.entraPersonUnknown', { account: str(p.account), organization: str(p.organization) }),
  ENTRA_EMAIL_TAKEN: (t, p) => t('serverError.entraEmailTaken', { email: str(p.email), account: str(p.account) }),
  FORBIDDEN: (t) => t('serverError.forbidden'),
  INVALID_REQUEST: (t) => t('serverError.invalidRequest'),
  MALFORMED_JSON: (t) => t('serverError.malformedJson'),
  MALFORMED_REQUEST: (t) => t('serverError.malformedRequest'),
  BAD_REQUEST: (t) => t('serverError.badRequest'),
  UNSUPPORTED_MEDIA_TYPE: (t) => t('serverError.unsupportedMediaType'),
  NOT_FOUND: (t) => t('serverError.notFound'),
  PAYLOAD_TOO_LARGE: (t) => t('serverError.payloadTooLarge'),
  RATE_LIMITED: (t) => t('serverError.rateLimited'),
  TOO_MANY_STREAMS: (t) => t('serverError.tooManyStreams'),
  UNAVAILABLE: (t) => t('serverError.unavailable'),
  INTERNAL: (t) => t('serverError.internal'),
};

/** What the app says when the server gave no code it knows, by how the sign-in failed. */
const SESSION_ERROR_WORDS: Record<SessionErrorCode, (t: Translate) => string> = {
  INVALID_CREDENTIALS: (t) => t('serverError.invalidCredentials'),
  REFUSED: (t) => t('serverError.session.refused'),
  SIGNED_OUT: (t) => t('serverError.session.signedOut'),
  NO_BACKEND: (t) => t('serverError.session.noBackend'),
  SERVER: (t) => t('serverError.session.server'),
  NETWORK: (t) => t('serverError.session.network'),
};

/** A server error code and its data in words; null for a code this app does not know. */
export function serverErrorWords(t: Translate, code: string | null | undefined, params: Params = {}): string | null {
  const known = SyncErrorCode.safeParse(code);
  return known.success ? SERVER_ERROR_WORDS[known.data](t, params) : null;
}

/** A failed sign-in in words: the server's code when it gave one, else how it failed. */
export function sessionErrorText(t: Translate, e: SessionError): string {
  return serverErrorWords(t, e.serverCode, e.params) ?? SESSION_ERROR_WORDS[e.code](t);
}

const SYNC_FAILURE_WORDS: { [K in SyncFailure['kind']]: (t: Translate, f: Extract<SyncFailure, { kind: K }>) => string } = {
  'update-required': (t) => t('sync.failure.updateRequired'),
  'session-ended': (t) => t('sync.failure.sessionEnded'),
  'slow-down': (t) => t('sync.failure.slowDown'),
  server: (t, f) => t('sync.failure.server', { status: f.status, reason: serverErrorWords(t, f.code) ?? f.detail }),
  network: (t) => t('sync.failure.network'),
};

/** Why the last sync failed, in words: from its kind and the server's code (the server's detail only for a code this app does not know). */
export function syncFailureText(t: Translate, status: Pick<SyncStatus, 'error' | 'failure'>): string {
  const f = status.failure;
  if (!f) return status.error ?? '';
  return (SYNC_FAILURE_WORDS[f.kind] as (t: Translate, f: SyncFailure) => string)(t, f);
}
