// The whole plan for one customer tenant: a pure function of the tenant inventory, the prepared
// catalog and the options (partner, as-of date, the user's per-line choices). The app calls the
// per-line pieces (sourceLines, planLine, lineFindings) when a user edits one line; planTenant
// composes them with the tenant-wide rules (region, 150 subscriptions, users).
import type { Catalog } from './catalog';
import { findSku } from './catalog';
import type { LocalDate } from './dates';
import { isLocalDate } from './dates';
import type { Finding, FindingCode, FindingParams, Severity } from './findings';
import { sortFindings } from './findings';
import { normalizeId } from './ids';
import type { OfferMatch } from './matching';
import { matchOffer } from './matching';
import type { Lang } from './messages';
import { renderFinding } from './messages';
import type { RegionTable } from './region';
import { checkRegion, DEFAULT_REGIONS, regionOf } from './region';
import { allocateConsumed, checkSeats } from './seats';
import type { Channel, TenantInventory } from './tenant';
import { classifyChannel } from './tenant';
import type { SubscriptionTiming } from './timing';
import { exceedsSubscriptionLimit, isActiveStatus, subscriptionTiming, TENANT_ACTIVE_SUBSCRIPTION_LIMIT } from './timing';
import type { SkuDecision, UserReassignment } from './users';
import { holdersBySku, userReassignments } from './users';

/** One current subscription (or, without a subscriptions export, one SKU) to move. */
export interface SourceLine {
  /** The subscription id, or `sku:<skuId>` when only subscribedSkus is known. */
  lineId: string;
  subscriptionId: string | null;
  skuId: string;
  skuPartNumber: string;
  channel: Channel;
  status: string;
  isTrial: boolean;
  /** Current total licenses. */
  quantity: number;
  /** Seats in use (Graph counts them per SKU; split over the SKU's subscriptions in order). */
  consumed: number;
  nextLifecycleDateTime: string | null;
}

/** What the user chose for a line in the app. */
export interface LineOverride {
  /** Target SKU; another SKU than the source makes the match 'different'. */
  targetSkuId?: string | null;
  /** Target quantity; defaults to the current total. */
  quantity?: number;
}

export interface PlannedLine {
  lineId: string;
  subscriptionId: string | null;
  sourceSkuId: string;
  sourceSkuPartNumber: string;
  channel: Channel;
  status: string;
  isTrial: boolean;
  quantity: number;
  targetQuantity: number;
  consumed: number;
  expires: LocalDate | null;
  deadline: LocalDate | null;
  /** Expiry, 30-day deadline, days left as of the plan date. */
  timing: SubscriptionTiming;
  match: OfferMatch;
  usersToReassign: number;
}

export interface PlanOptions {
  partnerTenantId: string;
  /** ISO 3166 alpha-2 of the partner. */
  partnerCountry: string;
  /** The plan's "today", YYYY-MM-DD: the engine reads no clock. */
  asOf: LocalDate;
  /** Per line id (subscription id or `sku:<skuId>`). */
  targetOverrides?: Readonly<Record<string, LineOverride>>;
  lang?: Lang;
  regions?: RegionTable;
}

export interface TenantPlan {
  customer: { country: string | null; region: string | null };
  lines: PlannedLine[];
  users: UserReassignment[];
  findings: Finding[];
}

/** The lines of a tenant: one per subscription from directory/subscriptions, else one per SKU. */
export function sourceLines(inv: TenantInventory, partnerTenantIdRaw: string, usersPerSku?: ReadonlyMap<string, number>): SourceLine[] {
  const partnerTenantId = normalizeId(partnerTenantIdRaw);
  const skuById = new Map(inv.skus.map((s) => [s.skuId, s]));
  let holders: ReadonlyMap<string, number> | null = usersPerSku ?? null;
  const consumedOf = (skuId: string): number => {
    const s = skuById.get(skuId);
    if (s) return s.consumedUnits;
    holders ??= holdersBySku(inv.users);
    return holders.get(skuId) ?? 0;
  };
  const skuLine = (s: TenantInventory['skus'][number]): SourceLine => ({
    lineId: `sku:${s.skuId}`,
    subscriptionId: null,
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    channel: 'unknown',
    status: s.capabilityStatus,
    isTrial: false,
    // Every seat bought, whatever its state (a suspended SKU still holds its users).
    quantity: s.prepaidUnits.enabled + s.prepaidUnits.warning + s.prepaidUnits.suspended + s.prepaidUnits.lockedOut,
    consumed: s.consumedUnits,
    nextLifecycleDateTime: null,
  });
  if (inv.subscriptions === null) return inv.skus.map(skuLine);
  const subs = inv.subscriptions.filter((s) => s.status === 'Enabled' || s.status.trim().toLowerCase() !== 'deleted');
  const bySku = new Map<string, number[]>();
  subs.forEach((s, i) => {
    const list = bySku.get(s.skuId);
    if (list) list.push(i);
    else bySku.set(s.skuId, [i]);
  });
  const consumed = new Array<number>(subs.length).fill(0);
  for (const [skuId, idx] of bySku) {
    const split = allocateConsumed(consumedOf(skuId), idx.map((i) => subs[i]!.totalLicenses));
    idx.forEach((i, k) => (consumed[i] = split[k] ?? 0));
  }
  const lines: SourceLine[] = subs.map((s, i) => ({
    lineId: s.id,
    subscriptionId: s.id,
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    channel: classifyChannel(s.ownerTenantId, partnerTenantId),
    status: s.status,
    isTrial: s.isTrial,
    quantity: s.totalLicenses,
    consumed: consumed[i] ?? 0,
    nextLifecycleDateTime: s.nextLifecycleDateTime,
  }));
  // SKUs the subscriptions export does not cover (exports taken at different times): one line each.
  for (const s of inv.skus) if (!bySku.has(s.skuId)) lines.push(skuLine(s));
  return lines;
}

/** One line's target and dates. Own-CSP lines stay as they are unless the user chose a target. */
export function planLine(line: SourceLine, catalog: Catalog, asOf: LocalDate, override?: LineOverride): PlannedLine {
  const source = findSku(catalog, line.skuId);
  const chosen = override?.targetSkuId ?? null;
  const match: OfferMatch =
    line.channel === 'own' && !chosen
      ? {
          kind: 'same',
          targetSkuId: line.skuId,
          targetSkuPartNumber: source?.partNumber ?? line.skuPartNumber,
          lostServicePlans: [],
          gainedServicePlans: [],
          changedServicePlans: [],
        }
      : matchOffer(line.skuId, catalog, chosen ? { targetSkuId: chosen } : {});
  const timing = subscriptionTiming(line.status, line.nextLifecycleDateTime, asOf);
  return {
    lineId: line.lineId,
    subscriptionId: line.subscriptionId,
    sourceSkuId: line.skuId,
    sourceSkuPartNumber: source?.partNumber ?? line.skuPartNumber,
    channel: line.channel,
    status: line.status,
    isTrial: line.isTrial,
    quantity: line.quantity,
    targetQuantity: override?.quantity ?? line.quantity,
    consumed: line.consumed,
    expires: timing.expires,
    deadline: timing.deadline,
    timing,
    match,
    usersToReassign: 0,
  };
}

const MAX_NAMED_SERVICES = 10;

function finding(code: FindingCode, severity: Severity, params: FindingParams, lang: Lang, line?: PlannedLine): Finding {
  // One object shape for every finding (tenant-wide ones leave the line fields undefined).
  return {
    code,
    severity,
    skuPartNumber: line?.sourceSkuPartNumber,
    lineId: line?.lineId,
    message: renderFinding(code, params, lang),
    params,
  };
}

/** The findings of one line, as of the date it was planned for (the tenant-wide ones are added by planTenant). */
export function lineFindings(line: PlannedLine, catalog: Catalog, lang: Lang = 'en'): Finding[] {
  const out: Finding[] = [];
  const sku = line.sourceSkuPartNumber;
  const m = line.match;
  const target = m.targetSkuPartNumber ?? m.targetSkuId;
  if (line.channel === 'own' && m.kind === 'same') {
    out.push(finding('ALREADY_OWN_CSP', 'info', { sku }, lang, line));
    return out;
  }
  const source = findSku(catalog, line.sourceSkuId);
  if (!source) out.push(finding('UNKNOWN_SKU', 'warning', { sku, skuId: line.sourceSkuId }, lang, line));
  else if (!source.purchasable && m.kind !== 'different') {
    out.push(finding('NOT_PURCHASABLE', m.kind === 'equivalent' ? 'warning' : 'error', { sku, target }, lang, line));
  }
  if (m.lostServicePlans.length > 0) {
    // The message names the first services; the line's lostServicePlans has them all.
    const services = m.lostServicePlans.slice(0, MAX_NAMED_SERVICES).map((p) => p.friendlyName).join(', ');
    const more = Math.max(0, m.lostServicePlans.length - MAX_NAMED_SERVICES);
    out.push(finding('DATA_LOSS_RISK', 'error', { sku, target, count: m.lostServicePlans.length, services, more }, lang, line));
  }
  if ((m.kind === 'equivalent' || m.kind === 'different') && line.usersToReassign > 0) {
    out.push(finding('LICENSE_REASSIGNMENT_REQUIRED', 'warning', { sku, target, users: line.usersToReassign }, lang, line));
  }
  if (!line.isTrial) {
    const seats = checkSeats(line.quantity, line.consumed, line.targetQuantity);
    const params = { sku, quantity: seats.quantity, targetQuantity: seats.targetQuantity, consumed: seats.consumed, shortfall: seats.shortfall };
    if (seats.shortfall > 0) out.push(finding('SEAT_SHORTFALL', 'error', params, lang, line));
    if (seats.changed) out.push(finding('SEAT_COUNT_CHANGED', 'warning', params, lang, line));
  }
  if (line.isTrial) {
    out.push(finding('TRIAL_SUBSCRIPTION', 'warning', { sku, expires: line.expires }, lang, line));
  } else if (line.timing.state !== 'unknown') {
    const timing = line.timing;
    const severity: Severity = timing.state === 'past-deadline' ? 'error' : timing.state === 'active' ? 'info' : 'warning';
    out.push(
      finding(
        'EXPIRY_DEADLINE',
        severity,
        { sku, expires: line.expires, deadline: line.deadline, daysToExpiry: timing.daysToExpiry, daysToDeadline: timing.daysToDeadline, state: timing.state },
        lang,
        line,
      ),
    );
  }
  if (!line.isTrial) {
    out.push(finding('CANCEL_NO_REFUND', 'info', { sku, expires: line.expires }, lang, line));
    if (line.channel === 'direct') out.push(finding('DIRECT_PURCHASE_CREDIT', 'info', { sku }, lang, line));
  }
  return out;
}

export function planTenant(inv: TenantInventory, catalog: Catalog, options: PlanOptions): TenantPlan {
  if (!isLocalDate(options.asOf)) throw new RangeError(`asOf "${options.asOf}" is not a date YYYY-MM-DD`);
  const lang = options.lang ?? 'en';
  const regions = options.regions ?? DEFAULT_REGIONS;
  const overrides = options.targetOverrides ?? {};
  const holders = inv.users.length > 0 ? holdersBySku(inv.users) : null;
  const lines = sourceLines(inv, options.partnerTenantId, holders ?? undefined).map((l) => planLine(l, catalog, options.asOf, overrides[l.lineId]));

  // One decision per source SKU for its users: the first line of the SKU that is not ours.
  const decisions = new Map<string, SkuDecision>();
  const decisionLine = new Map<string, PlannedLine>();
  for (const l of lines) {
    if (l.channel === 'own' && l.match.kind === 'same') continue;
    if (!decisions.has(l.sourceSkuId)) {
      decisions.set(l.sourceSkuId, { match: l.match, sourceSkuPartNumber: l.sourceSkuPartNumber });
      decisionLine.set(l.sourceSkuId, l);
    }
  }
  for (const [skuId, l] of decisionLine) {
    if (l.match.kind === 'same') continue;
    l.usersToReassign = holders ? (holders.get(skuId) ?? 0) : l.consumed;
  }
  const users = userReassignments(inv.users, decisions, catalog);

  const findings: Finding[] = [];
  const country = inv.countryLetterCode;
  const partnerCountry = options.partnerCountry.trim().toUpperCase();
  if (!country) {
    // The rule cannot be checked without the customer's country (organization.countryLetterCode).
    findings.push(finding('REGION_MISMATCH', 'warning', { reason: 'customer-country-unknown', partnerCountry }, lang));
  } else {
    const r = checkRegion(partnerCountry, country, regions);
    if (!r.ok) {
      const params: FindingParams =
        r.reason === 'unknown-country'
          ? { reason: r.reason, country: r.country, partnerCountry, customerCountry: country }
          : { reason: r.reason, partnerCountry, customerCountry: country, partnerRegion: r.partnerRegion, customerRegion: r.customerRegion };
      findings.push(finding('REGION_MISMATCH', r.reason === 'unknown-country' ? 'warning' : 'error', params, lang));
    }
  }
  let active = 0;
  let toBuy = 0;
  for (const l of lines) {
    if (isActiveStatus(l.status)) active++;
    if (!(l.channel === 'own' && l.match.kind === 'same') && !l.isTrial && l.match.targetSkuId !== null) toBuy++;
  }
  if (exceedsSubscriptionLimit(active, toBuy)) {
    findings.push(finding('TENANT_SUBSCRIPTION_LIMIT', 'warning', { active, toBuy, limit: TENANT_ACTIVE_SUBSCRIPTION_LIMIT }, lang));
  }
  const unknownSeen = new Set<string>();
  for (const l of lines) {
    for (const f of lineFindings(l, catalog, lang)) {
      if (f.code === 'UNKNOWN_SKU') {
        if (unknownSeen.has(l.sourceSkuId)) continue;
        unknownSeen.add(l.sourceSkuId);
      }
      findings.push(f);
    }
  }
  return {
    customer: { country, region: country ? (regionOf(country, regions) ?? null) : null },
    lines,
    users,
    findings: sortFindings(findings),
  };
}

/** Normalises user-entered override keys (subscription ids in any case). */
export function normalizeOverrides(o: Record<string, LineOverride>): Record<string, LineOverride> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.startsWith('sku:') ? `sku:${normalizeId(k.slice(4))}` : normalizeId(k), v]));
}
