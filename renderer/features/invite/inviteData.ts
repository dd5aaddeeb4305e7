// The workspace rows the invite screens read, as live queries: they follow changes made here, in
// another window, or pulled from the team.
import { useLiveQuery } from 'dexie-react-hooks';
import { customersByName, strip } from '../../db/queries';
import type { Customer, Invitation, PartnerProfile } from '../../../shared/workspace/tables';
import { workspaceDb } from '../../workspace/workspace';

export function usePartnerProfile(): PartnerProfile | null | undefined {
  return useLiveQuery(async () => {
    const row = await workspaceDb().partner.get('partner');
    return row ? strip(row) : null;
  }, []);
}

export function useCustomers(): Customer[] | undefined {
  return useLiveQuery(() => customersByName(workspaceDb()), []);
}

export function useInvitations(): Invitation[] | undefined {
  return useLiveQuery(async () => (await workspaceDb().invitations.toArray()).map(strip), []);
}

/** Invitations the customer is still waiting on or has not answered: a new one would duplicate it. */
export const OPEN_STATUSES: ReadonlySet<Invitation['status']> = new Set(['draft', 'sent', 'expired']);
