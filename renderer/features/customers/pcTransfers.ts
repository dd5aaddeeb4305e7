// What the case file sends to Partner Center for a transfer request, and what it records from
// Partner Center's statuses: pure, so the rules are tested without a screen.
import type { TransferStatus } from '../../../shared/domain/commerce';
import { isGuid, normalizeId } from '../../../shared/domain/ids';
import type { TenantInventory } from '../../../shared/domain/tenant';
import { transferStepsTo } from '../../../shared/domain/transfers';
import type { PartnerCenterTransferSummary } from '../../../shared/ipc/contract';
import type { Transfer } from '../../../shared/workspace/tables';

export type TransferRequestOf =
  | { ok: true; sourcePartnerTenantId: string; subscriptionIds: string[] }
  /** noSubscription: lines known only by their product (no subscriptions export); severalPartners: one request is one current partner's. */
  | { ok: false; reason: 'noSubscription' | 'severalPartners' | 'noPartner'; keys: string[] };

/**
 * The chosen lines (by source key) as one Partner Center request: the subscriptions' ids and the
 * partner that holds them now (Graph's ownerTenantId). Graph's commerceSubscriptionId is the id
 * the commerce platform (and so Partner Center) knows the subscription by; the directory id when absent.
 */
export function transferRequestOf(keys: readonly string[], inventory: TenantInventory): TransferRequestOf {
  const byId = new Map((inventory.subscriptions ?? []).map((s) => [s.id, s]));
  const missing = keys.filter((k) => !byId.has(k));
  if (missing.length > 0) return { ok: false, reason: 'noSubscription', keys: missing };
  const subs = keys.map((k) => byId.get(k)!);
  const owners = new Set(subs.map((s) => (s.ownerTenantId ? normalizeId(s.ownerTenantId) : '')));
  if (owners.has('') || [...owners].some((o) => !isGuid(o))) return { ok: false, reason: 'noPartner', keys: subs.filter((s) => !s.ownerTenantId || !isGuid(s.ownerTenantId)).map((s) => s.id) };
  if (owners.size > 1) return { ok: false, reason: 'severalPartners', keys: [...owners] };
  return { ok: true, sourcePartnerTenantId: [...owners][0]!, subscriptionIds: subs.map((s) => normalizeId(s.commerceSubscriptionId && isGuid(s.commerceSubscriptionId) ? s.commerceSubscriptionId : s.id)) };
}

export interface TransferRefresh {
  /** Tracked transfers to move on, with the steps to record in order and Partner Center's view. */
  moves: { transfer: Transfer; steps: Exclude<TransferStatus, 'requested'>[]; remote: PartnerCenterTransferSummary }[];
  unchanged: number;
  /** Partner Center's word is not one the app knows: left as it is, the word shown. */
  unknown: { transfer: Transfer; word: string }[];
  /** Partner Center says a status the tracked transfer cannot move to (completed -> rejected). */
  conflicting: { transfer: Transfer; remote: PartnerCenterTransferSummary }[];
  /** Tracked transfers Partner Center does not list (requested by hand, or by another id). */
  notInPartnerCenter: number;
}

/** Partner Center's statuses onto the tracked transfers, matched by Partner Center's transfer id (the tracked transfer's id). */
export function refreshFromPartnerCenter(local: readonly Transfer[], remote: readonly PartnerCenterTransferSummary[]): TransferRefresh {
  const byId = new Map(remote.map((r) => [normalizeId(r.id), r]));
  const out: TransferRefresh = { moves: [], unchanged: 0, unknown: [], conflicting: [], notInPartnerCenter: 0 };
  for (const transfer of local) {
    const r = byId.get(normalizeId(transfer.id));
    if (!r) {
      out.notInPartnerCenter++;
      continue;
    }
    if (r.status === null) {
      out.unknown.push({ transfer, word: r.partnerCenterStatus });
      continue;
    }
    const steps = transferStepsTo(transfer.status, r.status);
    if (steps === null) out.conflicting.push({ transfer, remote: r });
    else if (steps.length === 0) out.unchanged++;
    else out.moves.push({ transfer, steps, remote: r });
  }
  return out;
}
