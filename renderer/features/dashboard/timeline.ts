// The dates that matter in the move: when each old subscription expires and when its 30-day
// Expired window ends (the last day to provision the CSP subscription before data is lost). The
// dates and states come from the engine's subscriptionTiming; nothing here re-implements the rule.
import { classifyChannel, subscriptionTiming, type Channel, type LocalDate, type TimingState } from '../../../shared/domain/engine';
import { productName, type ProductNames } from '../../../shared/domain/format';
import type { Customer, CustomerStage, TenantSubscriptionRow } from '../../../shared/workspace/tables';

/** Customers whose old subscriptions no longer matter: they ended, or the move is finished. */
const FINISHED: ReadonlySet<CustomerStage> = new Set(['old-ended', 'done']);

// One collator for thousands of comparisons: String.localeCompare builds one per call.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export interface TimelineEntry {
  /** Unique in the list: the subscription row's id. */
  key: string;
  customerId: string;
  customerName: string;
  subscriptionId: string;
  /** The part number (Graph skuPartNumber). */
  sku: string;
  /** The catalog's name of the product; the part number when the catalog does not know it. */
  product: string;
  status: string;
  isTrial: boolean;
  channel: Channel;
  expires: LocalDate;
  deadline: LocalDate;
  daysToExpiry: number;
  daysToDeadline: number;
  state: Exclude<TimingState, 'unknown'>;
  /** The next date to act on: the expiry, or once expired the end of the window. */
  next: 'expiry' | 'deadline';
  nextDate: LocalDate;
  daysToNext: number;
}

/**
 * Every old subscription with a known date of the customers still moving, soonest first. Own-CSP
 * subscriptions are left out (nothing to move), as are deleted ones.
 */
export function buildTimeline(
  customers: ReadonlyMap<string, Customer>,
  subscriptions: readonly TenantSubscriptionRow[],
  partnerTenantId: string,
  asOf: LocalDate,
  names: ProductNames | null = null,
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const s of subscriptions) {
    const customer = customers.get(s.customerId);
    if (!customer || FINISHED.has(customer.stage) || customer.tenantImportId !== s.importId) continue;
    if (s.status.trim().toLowerCase() === 'deleted') continue;
    const channel = classifyChannel(s.ownerTenantId, partnerTenantId);
    if (channel === 'own') continue;
    const t = subscriptionTiming(s.status, s.nextLifecycleDateTime, asOf);
    if (t.state === 'unknown' || t.expires === null || t.deadline === null || t.daysToExpiry === null || t.daysToDeadline === null) continue;
    const expired = t.daysToExpiry <= 0;
    out.push({
      key: s.id,
      customerId: customer.id,
      customerName: customer.name,
      subscriptionId: s.subscriptionId,
      sku: s.skuPartNumber,
      product: productName(names, { skuId: s.skuId, partNumber: s.skuPartNumber }),
      status: s.status,
      isTrial: s.isTrial,
      channel,
      expires: t.expires,
      deadline: t.deadline,
      daysToExpiry: t.daysToExpiry,
      daysToDeadline: t.daysToDeadline,
      state: t.state,
      next: expired ? 'deadline' : 'expiry',
      nextDate: expired ? t.deadline : t.expires,
      daysToNext: expired ? t.daysToDeadline : t.daysToExpiry,
    });
  }
  return out.sort((a, b) => a.daysToNext - b.daysToNext || collator.compare(a.customerName, b.customerName) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The entries whose next date falls within `days` from today; overdue ones always stay. */
export function within(entries: readonly TimelineEntry[], days: number | null): readonly TimelineEntry[] {
  if (days === null) return entries;
  // Sorted by daysToNext: the cut is one search, not a filter over every entry.
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.daysToNext <= days) lo = mid + 1;
    else hi = mid;
  }
  return entries.slice(0, lo);
}
