// What a stored invitation means today, whatever version wrote it: a legacy DAP request (schema
// 1-2) can no longer be granted and waits for a GDAP request; a GDAP approval request unanswered
// for 90 days has expired (DOMAIN.md rule 5, shared/domain/gdap.ts).
import { gdapApprovalExpired } from '../domain/gdap';
import type { Invitation, InvitationStatus } from './tables';

export type InvitationState = InvitationStatus | 'needs-gdap' | 'gdap-expired';

/** `today` as YYYY-MM-DD. */
export function invitationState(inv: Pick<Invitation, 'delegatedAdmin' | 'status' | 'sentAt'>, today: string): InvitationState {
  if (inv.status === 'cancelled') return inv.status;
  if (inv.delegatedAdmin === 'dap') return 'needs-gdap';
  if (inv.delegatedAdmin === 'gdap' && inv.status === 'sent' && inv.sentAt && gdapApprovalExpired(inv.sentAt.slice(0, 10), today)) return 'gdap-expired';
  return inv.status;
}
