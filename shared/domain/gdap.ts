// The limits of a GDAP (granular delegated admin) request, DOMAIN.md "The rules in force now", rule 5.
// One home: the invite wizard shows these problems and `invitation.create` refuses them on the server.
import { addDays, daysBetween, type LocalDate } from './dates';

export const GDAP_RULE_ID = 'gdap-only';
/** A GDAP relationship lasts at most 730 days. */
export const GDAP_MAX_DURATION_DAYS = 730;
/** Auto-extend adds 180 days, and is not possible when Global Administrator is requested. */
export const GDAP_AUTO_EXTEND_DAYS = 180;
/** An approval request the customer does not answer expires after 90 days. */
export const GDAP_APPROVAL_EXPIRES_DAYS = 90;
/** Microsoft Entra role template id of Global Administrator. */
export const GLOBAL_ADMINISTRATOR_ROLE_ID = '62e90394-69f5-4237-9190-012177145e10';

export interface GdapRequest {
  durationDays: number;
  roleIds: readonly string[];
  autoExtend: boolean;
}

export type GdapProblem =
  | { code: 'no-roles' }
  | { code: 'duration-out-of-range'; maxDays: number }
  | { code: 'auto-extend-with-global-admin' };

/** What makes a GDAP request one Partner Center would refuse; empty when it is fine. */
export function gdapRequestProblems(request: GdapRequest): GdapProblem[] {
  const problems: GdapProblem[] = [];
  if (request.roleIds.length === 0) problems.push({ code: 'no-roles' });
  if (!Number.isInteger(request.durationDays) || request.durationDays < 1 || request.durationDays > GDAP_MAX_DURATION_DAYS) {
    problems.push({ code: 'duration-out-of-range', maxDays: GDAP_MAX_DURATION_DAYS });
  }
  if (request.autoExtend && request.roleIds.includes(GLOBAL_ADMINISTRATOR_ROLE_ID)) problems.push({ code: 'auto-extend-with-global-admin' });
  return problems;
}

/** The day an unanswered approval request expires. */
export function gdapApprovalExpiresOn(sentOn: LocalDate): LocalDate {
  return addDays(sentOn, GDAP_APPROVAL_EXPIRES_DAYS);
}

/** True when a request sent on `sentOn` and still unanswered on `asOf` has expired. */
export function gdapApprovalExpired(sentOn: LocalDate, asOf: LocalDate): boolean {
  return daysBetween(sentOn, asOf) >= GDAP_APPROVAL_EXPIRES_DAYS;
}
