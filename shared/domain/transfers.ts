// Partner-to-partner transfer (DOMAIN.md "The rules in force now", rule 4): a new-commerce
// subscription held by another CSP partner can be transferred whole, within one CSP region, at
// most 25 line items per request; the customer keeps the same subscription, term and end date (no
// re-buy, no overlap, no reassignment). Otherwise the line is re-bought, and the app says why.
import type { TransferStatus } from './commerce';
import type { Channel } from './tenant';

export const TRANSFER_MAX_ITEMS = 25;

/** Whether the subscription is new commerce, as the user knows it (Graph does not say). */
export type CommerceKind = 'new' | 'legacy' | 'unknown';

export type TransferBlocker = 'other-region' | 'not-new-commerce' | 'partial-quantity' | 'trial';

export interface TransferVerdict {
  possible: boolean;
  /** Why not (empty when possible). */
  blockers: TransferBlocker[];
  /** Possible, but whether the subscription is new commerce is not known: ask the current partner. */
  checkCommerce: boolean;
}

export interface TransferInput {
  channel: Channel;
  isTrial: boolean;
  quantity: number;
  targetQuantity: number;
  /** The customer is in another CSP region than the partner. */
  otherRegion: boolean;
  commerce?: CommerceKind;
}

/** The verdict for a line held by another partner; null for every other channel (they are re-bought). */
export function transferVerdict(input: TransferInput): TransferVerdict | null {
  if (input.channel !== 'other-partner') return null;
  const blockers: TransferBlocker[] = [];
  if (input.isTrial) blockers.push('trial');
  if (input.otherRegion) blockers.push('other-region');
  if (input.commerce === 'legacy') blockers.push('not-new-commerce');
  // Only whole subscriptions move: a different quantity is a re-buy (or a transfer, then a change).
  if (input.targetQuantity !== input.quantity) blockers.push('partial-quantity');
  return { possible: blockers.length === 0, blockers, checkCommerce: blockers.length === 0 && (input.commerce ?? 'unknown') === 'unknown' };
}

/** A transfer status that takes the line out of the re-buy plan (its seats come with the transfer). */
export function isTransferring(status: TransferStatus | null | undefined): boolean {
  return status === 'requested' || status === 'approved' || status === 'completed';
}

/** Splits the transferable line ids into requests of at most 25 items, in order. */
export function transferRequests(lineIds: readonly string[], maxItems = TRANSFER_MAX_ITEMS): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < lineIds.length; i += maxItems) out.push(lineIds.slice(i, i + maxItems));
  return out;
}

/** The steps a tracked transfer can take from each status: Partner Center's own order. */
export const TRANSFER_NEXT: Readonly<Record<TransferStatus, readonly Exclude<TransferStatus, 'requested'>[]>> = {
  requested: ['approved', 'rejected'],
  approved: ['completed', 'rejected'],
  completed: [],
  rejected: [],
};

/**
 * The open transfer of each subscription, by source key: a subscription is in at most one open
 * transfer, and a rejected one frees it for a new request.
 */
export function openTransfersByKey<T extends { status: TransferStatus; sourceKeys: readonly string[] }>(transfers: readonly T[]): Map<string, T> {
  const open = new Map<string, T>();
  for (const t of transfers) if (t.status !== 'rejected') for (const key of t.sourceKeys) open.set(key, t);
  return open;
}

/**
 * The steps (TRANSFER_NEXT) that take a tracked transfer from `from` to `to`, in order: [] when it
 * is there already, null when it cannot get there (a completed transfer does not become rejected).
 * Partner Center may report "Complete" for a request the case file still has as requested: it was
 * approved on the way, so both steps are recorded.
 */
export function transferStepsTo(from: TransferStatus, to: TransferStatus): Exclude<TransferStatus, 'requested'>[] | null {
  // Breadth first: the fewest steps (requested -> rejected directly, never through approved).
  const queue: { at: TransferStatus; path: Exclude<TransferStatus, 'requested'>[] }[] = [{ at: from, path: [] }];
  for (let item = queue.shift(); item; item = queue.shift()) {
    if (item.at === to) return item.path;
    for (const next of TRANSFER_NEXT[item.at]) queue.push({ at: next, path: [...item.path, next] });
  }
  return null;
}
