// The whole plan for one customer tenant: a pure function of the tenant inventory, the prepared
// catalog and the options (partner, as-of date, the user's per-line choices). The app calls the
// per-line pieces (sourceLines, planLine, lineFindings) when a user edits one line; planTenant
// composes them with the tenant-wide rules (region, 150 subscriptions, users).
import type { Catalog, PreparedSku } from './catalog';
import { findSku } from './catalog';
import type { BillingAccount, BillingFrequency, Term, TransferStatus } from './commerce';
import type { LocalDate } from './dates';
import { isLocalDate } from './dates';
import type { EndOfTermAdvice } from './endOfTerm';
import { endOfTermAdvice } from './endOfTerm';
import type { Finding, FindingCode, FindingParams, Severity } from './findings';
import { FINDING_RULE_FAMILY, sortFindings } from './findings';
import { catalogProductNames, productName, targetName } from './format';
import { orderCheckBy } from './orderWindow';
import type { Retirement } from './retirements';
import { retirementOn } from './retirements';
import type { Rule } from './rules';
import { ruleById, ruleInForce } from './rules';
import { billingFrequenciesFor, termPremiums, threeYearMinimumProblem } from './terms';
import type { CommerceKind, TransferBlocker, TransferVerdict } from './transfers';
import { isTransferring, transferRequests } from './transfers';
import { normalizeId } from './ids';
import type { MatchOptions, OfferMatch, ServicePlanRef } from './matching';
import { matchOffer } from './matching';
import type { RegionTable } from './region';
import { checkRegion, DEFAULT_REGIONS, regionOf } from './region';
import { allocateConsumed, checkSeats } from './seats';
import type { Channel, TenantInventory, TenantSubscription } from './tenant';
import { classifyChannel } from './tenant';
import type { SubscriptionTiming } from './timing';
import { exceedsSubscriptionLimit, isActiveStatus, isGraceStatus, subscriptionTiming, suggestedOrderDate, TENANT_ACTIVE_SUBSCRIPTION_LIMIT, timingOf } from './timing';
import type { UserReassignment } from './users';
import type { SkuDecisions } from './users';
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
  /** Further SKUs bought with the target for the same users (a Teams pair). */
  extraTargetSkuIds?: readonly string[];
  term?: Term;
  billingFrequency?: BillingFrequency;
  /** The day the old partner scheduled "cancel at end of term" (EST), when they did. */
  cancelAtTermEndScheduledOn?: LocalDate | null;
  /** Whether the old subscription is new commerce (decides a partner-to-partner transfer). */
  commerce?: CommerceKind;
  /** The partner-to-partner transfer of this line, as tracked in the case file. */
  transferStatus?: TransferStatus | null;
  /** The day our order is planned for (default: the day the old subscription ends). */
  orderDate?: LocalDate | null;
  /** The day our order was placed, once it was. */
  orderedOn?: LocalDate | null;
}

/** What the plan does with a line: keep it (ours), transfer it from its partner, or buy it again. */
export type LineAction = 'keep' | 'transfer' | 'rebuy';

/** One order to place for a line: the target, and each further SKU of a pair, with the same quantity. */
export interface PlannedOrder {
  skuId: string;
  skuPartNumber: string;
  /** The catalog's name of the product (format.ts productName: the part number when unknown). */
  skuName: string;
  quantity: number;
}

export interface PlannedLine {
  lineId: string;
  subscriptionId: string | null;
  sourceSkuId: string;
  sourceSkuPartNumber: string;
  /** The catalog's name of the product (format.ts productName: the part number when unknown). */
  sourceSkuName: string;
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
  /** The plan date it was planned for. */
  asOf: LocalDate;
  action: LineAction;
  /** What must happen to the old subscription at the end of its term (null: ours, a trial, or unknown). */
  endOfTerm: EndOfTermAdvice | null;
  /** Lines held by another partner: can they be transferred, and where the transfer stands. */
  transfer: (TransferVerdict & { status: TransferStatus | null; request: number | null }) | null;
  /** Orders to place (empty when nothing is bought: ours, a trial, a transfer, no target). */
  orders: PlannedOrder[];
  orderDate: LocalDate | null;
  ordered: boolean;
  /** The end of the 7-day window of the order (rules.ts cancellation-window-7-days). */
  checkBy: LocalDate | null;
  term: Term | null;
  billingFrequency: BillingFrequency | null;
  /** End of sale known without an offer list. */
  retirement: Retirement | null;
}

/** A finding a person acknowledged on purpose: by line (absent for tenant-wide findings) and code. */
export interface FindingAck {
  lineId?: string | null;
  lineKey?: string | null;
  sourceKey?: string | null;
  code: FindingCode;
}

/** The facts about the customer the 2026 rules need, beside the tenant exports. */
export interface LineContext {
  billingAccount?: BillingAccount;
  /** The customer is in another CSP region than the partner (no transfer possible). */
  otherRegion?: boolean;
}

export interface PlanOptions {
  partnerTenantId: string;
  /** ISO 3166 alpha-2 of the partner. */
  partnerCountry: string;
  /** The plan's "today", YYYY-MM-DD: the engine reads no clock. */
  asOf: LocalDate;
  /** Per line id (subscription id or `sku:<skuId>`). */
  targetOverrides?: Readonly<Record<string, LineOverride>>;
  regions?: RegionTable;
  /** How the customer is billed when it buys directly (refund advice). */
  billingAccount?: BillingAccount;
  /** The day the customer accepted the Microsoft Customer Agreement; absent: not recorded. */
  agreementAcceptedOn?: LocalDate | null;
  /** Findings acknowledged on purpose. */
  acknowledged?: readonly FindingAck[];
}

export interface TenantPlan {
  customer: { country: string | null; region: string | null };
  lines: PlannedLine[];
  users: UserReassignment[];
  findings: Finding[];
  /** Partner-to-partner transfer requests: line ids, at most 25 per request. */
  transferRequests: string[][];
}

/** A line for a SKU of subscribedSkus (no subscription known). */
function skuLine(s: TenantInventory['skus'][number]): SourceLine {
  return {
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
  };
}

/** Partner Center says the partner sells these: ours, whatever the owner field of the export says. */
function isOwnSubscription(own: TenantInventory['ownSubscriptionIds'], s: TenantSubscription): boolean {
  return own !== undefined && (own.has(s.id) || (s.commerceSubscriptionId !== null && own.has(normalizeId(s.commerceSubscriptionId))));
}

// The helpers above are module functions, not closures of sourceLines: tsx (the bench, the CLI)
// names each arrow function it creates, a defineProperty per tenant.
/**
 * The subscriptions that make lines (deleted ones left out) and the seats each consumes; their SKU
 * ids numbered in order (`numbers`: SKU id -> number, `skuNo`: per subscription) with, per number,
 * the users holding it. One map of SKU ids per tenant serves the grouping of subscriptions and the
 * count of users, for the 10,000 tenants of a large workspace.
 */
interface SubscriptionRows {
  subs: readonly TenantSubscription[];
  consumed: number[];
  numbers: ReadonlyMap<string, number>;
  skuNo: number[];
  /** Per SKU number, its holders (users whose licenses name it). */
  holders: number[];
  /** Users holding SKUs no subscription has (a line of subscribedSkus may ask); null: none. */
  otherHolders: ReadonlyMap<string, number> | null;
}

/** A deleted subscription makes no line. */
function makesLine(s: TenantSubscription): boolean {
  return s.status === 'Enabled' || s.status.trim().toLowerCase() !== 'deleted';
}

/**
 * `usersPerSku` given (sourceLines' callers), it is the count of holders; else they are counted
 * from the tenant's users (holdersBySku's count, by number).
 */
function subscriptionRows(inv: TenantInventory, subscriptions: readonly TenantSubscription[], usersPerSku: ReadonlyMap<string, number> | undefined): SubscriptionRows {
  const skuById = inv.skus.length > 0 ? new Map(inv.skus.map((s) => [s.skuId, s])) : null;
  // Without a deleted subscription (the usual case) the export's own list is read, not copied.
  let all = true;
  for (let i = 0; i < subscriptions.length && all; i++) all = makesLine(subscriptions[i]!);
  const subs = all ? subscriptions : subscriptions.filter(makesLine);
  const n = subs.length;
  const numbers = new Map<string, number>();
  const skuNo = new Array<number>(n).fill(0);
  // Subscriptions per SKU number (at most one number per subscription).
  const perSku = new Array<number>(n).fill(0);
  let skus = 0;
  let shared = false;
  for (let i = 0; i < n; i++) {
    const skuId = subs[i]!.skuId;
    let no = numbers.get(skuId);
    if (no === undefined) numbers.set(skuId, (no = skus++));
    else shared = true;
    perSku[no]!++;
    skuNo[i] = no;
  }
  const holders = new Array<number>(skus).fill(0);
  let otherHolders: ReadonlyMap<string, number> | null = null;
  if (usersPerSku) {
    for (const [skuId, no] of numbers) holders[no] = usersPerSku.get(skuId) ?? 0;
    otherHolders = usersPerSku;
  } else {
    let others: Map<string, number> | null = null;
    for (const u of inv.users) {
      for (const l of u.licenses) {
        const no = numbers.get(l.skuId);
        if (no !== undefined) holders[no]!++;
        else (others ??= new Map()).set(l.skuId, (others.get(l.skuId) ?? 0) + 1);
      }
    }
    otherHolders = others;
  }
  const consumed = new Array<number>(n).fill(0);
  // Per SKU number, whether its subscriptions' seats were split already (only when some SKU has several).
  const split: boolean[] | null = shared ? new Array<boolean>(skus).fill(false) : null;
  for (let i = 0; i < n; i++) {
    const no = skuNo[i]!;
    const sku = skuById?.get(subs[i]!.skuId);
    const total = sku ? sku.consumedUnits : holders[no]!;
    // One subscription of the SKU (the usual case) holds all its consumed seats.
    if (perSku[no] === 1) {
      consumed[i] = total;
      continue;
    }
    if (split![no]) continue;
    split![no] = true;
    const idx: number[] = [];
    for (let j = i; j < n; j++) if (skuNo[j] === no) idx.push(j);
    const seats = allocateConsumed(total, idx.map((k) => subs[k]!.totalLicenses));
    for (let k = 0; k < idx.length; k++) consumed[idx[k]!] = seats[k] ?? 0;
  }
  return { subs, consumed, numbers, skuNo, holders, otherHolders };
}

/**
 * A tenant's decision per source SKU (userReassignments): a subscription's SKU by its number in the
 * rows (an array read, no map per tenant), a SKU without subscriptions (a line of subscribedSkus)
 * by its id.
 */
class TenantDecisions implements SkuDecisions {
  private readonly numbers: ReadonlyMap<string, number> | null;
  private readonly byNumber: (PlannedLine | undefined)[];
  private byId: Map<string, PlannedLine> | null = null;

  constructor(rows: SubscriptionRows | null) {
    this.numbers = rows ? rows.numbers : null;
    this.byNumber = rows ? new Array<PlannedLine | undefined>(rows.holders.length).fill(undefined) : [];
  }

  /** The line decides for its SKU (number -1: none) unless a line before it did; true when it does. */
  choose(line: PlannedLine, skuNumber: number): boolean {
    if (skuNumber >= 0) {
      if (this.byNumber[skuNumber]) return false;
      this.byNumber[skuNumber] = line;
      return true;
    }
    this.byId ??= new Map();
    if (this.byId.has(line.sourceSkuId)) return false;
    this.byId.set(line.sourceSkuId, line);
    return true;
  }

  get(skuId: string): PlannedLine | undefined {
    const no = this.numbers?.get(skuId);
    return no !== undefined ? this.byNumber[no] : this.byId?.get(skuId);
  }
}

/** The users holding a SKU, from the rows' count. */
function holdersOf(rows: SubscriptionRows, skuId: string): number {
  const no = rows.numbers.get(skuId);
  return no !== undefined ? rows.holders[no]! : (rows.otherHolders?.get(skuId) ?? 0);
}

/** A subscription's line written into `out`: planTenant plans each line from one such object, sourceLines keeps each. */
function writeSourceLine(out: SourceLine, s: TenantSubscription, consumed: number, own: TenantInventory['ownSubscriptionIds'], partnerTenantId: string): SourceLine {
  out.lineId = s.id;
  out.subscriptionId = s.id;
  out.skuId = s.skuId;
  out.skuPartNumber = s.skuPartNumber;
  out.channel = isOwnSubscription(own, s) ? 'own' : classifyChannel(s.ownerTenantId, partnerTenantId);
  out.status = s.status;
  out.isTrial = s.isTrial;
  out.quantity = s.totalLicenses;
  out.consumed = consumed;
  out.nextLifecycleDateTime = s.nextLifecycleDateTime;
  return out;
}

function emptySourceLine(): SourceLine {
  return { lineId: '', subscriptionId: null, skuId: '', skuPartNumber: '', channel: 'unknown', status: '', isTrial: false, quantity: 0, consumed: 0, nextLifecycleDateTime: null };
}

// The helpers above are module functions, not closures of sourceLines: tsx (the bench, the CLI)
// names each arrow function it creates, a defineProperty per tenant.
/** The lines of a tenant: one per subscription from directory/subscriptions, else one per SKU. */
export function sourceLines(inv: TenantInventory, partnerTenantIdRaw: string, usersPerSku?: ReadonlyMap<string, number>): SourceLine[] {
  if (inv.subscriptions === null) return inv.skus.map(skuLine);
  const partnerTenantId = normalizeId(partnerTenantIdRaw);
  const { subs, consumed, numbers } = subscriptionRows(inv, inv.subscriptions, usersPerSku);
  const lines: SourceLine[] = [];
  for (let i = 0; i < subs.length; i++) lines.push(writeSourceLine(emptySourceLine(), subs[i]!, consumed[i] ?? 0, inv.ownSubscriptionIds, partnerTenantId));
  // SKUs the subscriptions export does not cover (exports taken at different times): one line each.
  for (const s of inv.skus) if (!numbers.has(s.skuId)) lines.push(skuLine(s));
  return lines;
}

const NO_CHOICE: MatchOptions = Object.freeze({});
/** No further SKUs chosen (most lines): one list for all, only read. */
const NO_EXTRAS: readonly string[] = Object.freeze([]);

/**
 * A line's dates for one end of term: its timing, the end-of-term advice, the order date the rules
 * suggest and that order's check-by day. They depend on the next lifecycle date, whether the
 * subscription is in its grace states, who sells it (and the billing account of a direct one) and
 * the plan date only, so the lines that share those share one frozen set (200,000 lines of 10,000
 * tenants have a few hundred) instead of parsing and formatting their days again.
 */
interface TermDates {
  timing: SubscriptionTiming;
  endOfTerm: EndOfTermAdvice | null;
  suggestedOrderDate: LocalDate | null;
  suggestedCheckBy: LocalDate | null;
}

/**
 * What planning has worked out for one prepared catalog, kept beside it as the matches are
 * (matching.ts): a catalog is prepared once per import, so a first plan starts with it empty.
 */
interface PlanMemo {
  /** By plan date, next lifecycle date, then the seller's key (termKey). */
  termDates: Map<LocalDate, Map<string | null, Map<string, TermDates>>>;
  /** The match of our own line of a catalog SKU (kept as it is), frozen, by the line's SKU id. */
  ownMatches: Map<string, OfferMatch>;
  /**
   * Per frozen match (matching.ts keeps those for the catalog's life), worded once. A Map beside
   * the catalog, not a WeakMap: each of the thousands of matches a plan makes would be an
   * ephemeron every garbage collection has to trace.
   */
  words: Map<OfferMatch, MatchWords>;
  /**
   * The match of a line nobody chose a target for, with its words, by the line's SKU id: one
   * look-up per line for both (matchOffer's own memo and the words' map were two).
   */
  defaults: Map<string, DefaultLineMatch>;
}

/** A line's match and, once asked for, its words (a line without a choice shares its SKU's). */
interface LineMatch {
  readonly match: OfferMatch;
  words: MatchWords | null;
}

/** The match of a SKU's lines without a choice, with the SKU as the catalog has it (findSku). */
interface DefaultLineMatch extends LineMatch {
  readonly source: PreparedSku | undefined;
}

/** What planLineWith found for a line beside the line itself, read again by its findings. */
interface LineFacts {
  source: PreparedSku | undefined;
  /** null for our own line kept as it is (its findings name no target). */
  matched: LineMatch | null;
}

const planMemos = new WeakMap<Catalog, PlanMemo>();

/** A workspace has as many lifecycle dates as subscriptions at worst: past this, start again. */
const MAX_TERM_DATES_PER_DAY = 50_000;

function planMemoOf(catalog: Catalog): PlanMemo {
  let memo = planMemos.get(catalog);
  if (!memo) planMemos.set(catalog, (memo = { termDates: new Map(), ownMatches: new Map(), words: new Map(), defaults: new Map() }));
  return memo;
}

// Keys of the sellers whose advice differs (endOfTerm.ts): none for our own lines and trials, one
// for another partner or an unknown seller, one per billing account for a direct purchase. Made once:
// the key of a line is read, never built.
const NO_ADVICE_KEYS = ['none', 'none+grace'] as const;
const PARTNER_KEYS = ['partner', 'partner+grace'] as const;
const DIRECT_KEYS: Readonly<Record<BillingAccount, readonly [string, string]>> = {
  unknown: ['direct:unknown', 'direct:unknown+grace'],
  mca: ['direct:mca', 'direct:mca+grace'],
  mosa: ['direct:mosa', 'direct:mosa+grace'],
  ea: ['direct:ea', 'direct:ea+grace'],
};

function termKey(channel: Channel, isTrial: boolean, inGrace: boolean, billingAccount: BillingAccount | undefined): string {
  const keys = channel === 'own' || isTrial ? NO_ADVICE_KEYS : channel === 'direct' ? DIRECT_KEYS[billingAccount ?? 'unknown'] : PARTNER_KEYS;
  return keys[inGrace ? 1 : 0];
}

function computeTermDates(line: SourceLine, asOf: LocalDate, billingAccount: BillingAccount | undefined, cancelScheduledOn: LocalDate | null): TermDates {
  let timing = subscriptionTiming(line.status, line.nextLifecycleDateTime, asOf);
  const endOfTerm = endOfTermAdvice({
    channel: line.channel,
    isTrial: line.isTrial,
    expires: timing.expires,
    asOf,
    billingAccount,
    cancelAtTermEndScheduledOn: cancelScheduledOn,
  });
  // Under EST there is no window after the end of term: the new subscription is due that day.
  if (endOfTerm?.kind === 'est' && timing.expires) timing = timingOf(timing.expires, endOfTerm.activeBy, asOf);
  const suggested = suggestedOrderDate(timing.expires, asOf);
  return {
    timing: Object.isFrozen(timing) ? timing : Object.freeze(timing),
    endOfTerm: endOfTerm && Object.freeze(endOfTerm),
    suggestedOrderDate: suggested,
    suggestedCheckBy: suggested ? orderCheckBy(suggested) : null,
  };
}

function termDates(memo: PlanMemo['termDates'], line: SourceLine, asOf: LocalDate, billingAccount: BillingAccount | undefined, cancelScheduledOn: LocalDate | null): TermDates {
  // A scheduled cancellation is the user's, on a few lines: those are worked out alone.
  if (cancelScheduledOn) return computeTermDates(line, asOf, billingAccount, cancelScheduledOn);
  let byNext = memo.get(asOf);
  if (!byNext) memo.set(asOf, (byNext = new Map()));
  let byKey = byNext.get(line.nextLifecycleDateTime);
  if (!byKey) {
    if (byNext.size >= MAX_TERM_DATES_PER_DAY) byNext.clear();
    byNext.set(line.nextLifecycleDateTime, (byKey = new Map()));
  }
  const key = termKey(line.channel, line.isTrial, isGraceStatus(line.status), billingAccount);
  let dates = byKey.get(key);
  if (!dates) byKey.set(key, (dates = computeTermDates(line, asOf, billingAccount, null)));
  return dates;
}

// Transfer blockers by which apply (trial, other region, legacy, partial): frozen and shared, as a
// line's blockers are only read.
const BLOCKER_LISTS: readonly (readonly TransferBlocker[])[] = Array.from({ length: 16 }, (_, bits) => {
  const list: TransferBlocker[] = [];
  if (bits & 1) list.push('trial');
  if (bits & 2) list.push('other-region');
  if (bits & 4) list.push('not-new-commerce');
  if (bits & 8) list.push('partial-quantity');
  return Object.freeze(list);
});

/** transferVerdict (transfers.ts) as the line's own object: one allocation, not three. */
function lineTransfer(line: SourceLine, targetQuantity: number, otherRegion: boolean, commerce: CommerceKind | undefined, status: TransferStatus | null): PlannedLine['transfer'] {
  if (line.channel !== 'other-partner') return null;
  const bits = (line.isTrial ? 1 : 0) | (otherRegion ? 2 : 0) | (commerce === 'legacy' ? 4 : 0) | (targetQuantity !== line.quantity ? 8 : 0);
  const possible = bits === 0;
  return { possible, blockers: BLOCKER_LISTS[bits]! as TransferBlocker[], checkCommerce: possible && (commerce ?? 'unknown') === 'unknown', status, request: null };
}

/** One line's target and dates. Own-CSP lines stay as they are unless the user chose a target. */
export function planLine(line: SourceLine, catalog: Catalog, asOf: LocalDate, override?: LineOverride, context: LineContext = {}): PlannedLine {
  return planLineWith(planMemoOf(catalog), line, catalog, asOf, override, context);
}

/** Our own line stays as it is: the same SKU, nothing lost or gained. */
function ownMatch(memo: PlanMemo, line: SourceLine, source: PreparedSku | undefined): OfferMatch {
  const known = source ? memo.ownMatches.get(line.skuId) : undefined;
  if (known) return known;
  const match: OfferMatch = {
    kind: 'same',
    targetSkuId: line.skuId,
    targetSkuPartNumber: source?.partNumber ?? line.skuPartNumber,
    lostServicePlans: [],
    gainedServicePlans: [],
    changedServicePlans: [],
  };
  // Without the SKU in the catalog the part number is the line's own: that match is not shared.
  if (!source) return match;
  Object.freeze(match.lostServicePlans);
  Object.freeze(match.gainedServicePlans);
  Object.freeze(match.changedServicePlans);
  memo.ownMatches.set(line.skuId, Object.freeze(match));
  return match;
}

/** The match of a line without a choice (matchOffer's), shared with its words by every line of the SKU. */
function defaultLineMatch(memo: PlanMemo, skuId: string, catalog: Catalog): DefaultLineMatch {
  let known = memo.defaults.get(skuId);
  if (!known) memo.defaults.set(skuId, (known = { match: matchOffer(skuId, catalog, NO_CHOICE), words: null, source: findSku(catalog, skuId) }));
  return known;
}

/**
 * The words of a line's match: kept in its LineMatch (a SKU's default, or a chosen line's own,
 * worded once for its orders and findings); a line's choice is mostly its own, so its words are
 * not remembered for the catalog's life (10,000 such lines would outlive their plan).
 */
function lineWords(matched: LineMatch | null, m: OfferMatch, catalog: Catalog): MatchWords {
  return matched ? (matched.words ??= wordsOf(m, catalog)) : matchWords(m, catalog);
}

function planLineWith(memo: PlanMemo, line: SourceLine, catalog: Catalog, asOf: LocalDate, override: LineOverride | undefined, context: LineContext, facts?: LineFacts): PlannedLine {
  const chosen = override?.targetSkuId ?? null;
  const extra = override?.extraTargetSkuIds ?? NO_EXTRAS;
  let matched: LineMatch | null;
  let source: PreparedSku | undefined;
  if (chosen) {
    source = findSku(catalog, line.skuId);
    matched = { match: matchOffer(line.skuId, catalog, { targetSkuId: chosen, extraTargetSkuIds: extra }), words: null };
  } else if (line.channel === 'own') {
    source = findSku(catalog, line.skuId);
    matched = null;
  } else {
    // Most lines: their SKU and its match in one look-up.
    const known = defaultLineMatch(memo, line.skuId, catalog);
    source = known.source;
    matched = known;
  }
  const match: OfferMatch = matched ? matched.match : ownMatch(memo, line, source);
  if (facts) {
    facts.source = source;
    facts.matched = matched;
  }
  const dates = termDates(memo.termDates, line, asOf, context.billingAccount, override?.cancelAtTermEndScheduledOn ?? null);
  const timing = dates.timing;
  const endOfTerm = dates.endOfTerm;
  const targetQuantity = override?.quantity ?? line.quantity;
  const status = override?.transferStatus ?? null;
  const transfer = lineTransfer(line, targetQuantity, context.otherRegion ?? false, override?.commerce, status);
  const transferring = transfer !== null && isTransferring(status);
  const action: LineAction = line.channel === 'own' && match.kind === 'same' ? 'keep' : transferring ? 'transfer' : 'rebuy';
  let orders: PlannedOrder[] = [];
  if (action === 'rebuy' && !line.isTrial && match.targetSkuId !== null) {
    const names = lineWords(matched, match, catalog).orderNames;
    // An array literal of the orders' own size: a push on [] reserves room for 16 (200,000 lines).
    orders = [{ skuId: match.targetSkuId, skuPartNumber: match.targetSkuPartNumber ?? match.targetSkuId, skuName: names[0]!, quantity: targetQuantity }];
    const extras = match.extraTargets;
    if (extras) for (let i = 0; i < extras.length; i++) orders.push({ skuId: extras[i]!.skuId, skuPartNumber: extras[i]!.skuPartNumber, skuName: names[i + 1]!, quantity: targetQuantity });
  }
  const ordered = Boolean(override?.orderedOn);
  const orderDate = orders.length === 0 ? null : (override?.orderedOn ?? override?.orderDate ?? dates.suggestedOrderDate);
  const term = override?.term ?? null;
  return {
    lineId: line.lineId,
    subscriptionId: line.subscriptionId,
    sourceSkuId: line.skuId,
    sourceSkuPartNumber: source?.partNumber ?? line.skuPartNumber,
    sourceSkuName: source ? source.displayName : line.skuPartNumber,
    channel: line.channel,
    status: line.status,
    isTrial: line.isTrial,
    quantity: line.quantity,
    targetQuantity,
    consumed: line.consumed,
    expires: timing.expires,
    deadline: timing.deadline,
    timing,
    match,
    usersToReassign: 0,
    asOf,
    action,
    endOfTerm,
    transfer,
    orders,
    orderDate,
    ordered,
    checkBy: orderDate === null ? null : orderDate === dates.suggestedOrderDate ? dates.suggestedCheckBy : orderCheckBy(orderDate),
    term,
    billingFrequency: term ? (override?.billingFrequency ?? billingFrequenciesFor(term)[0]!) : null,
    retirement: source && !catalog.hasOffers ? retirementOn(source.retirement, asOf) : null,
  };
}

const MAX_NAMED_SERVICES = 10;

/** What the plan says of a match: the names of its orders and findings. */
interface MatchWords {
  /** Per order of a line with this match (its target, then each further SKU). */
  orderNames: readonly string[];
  /** The findings' name of the target (format.ts targetName; null: no target). */
  target: string | null;
  /** The first services it loses, named. */
  services: string;
}

/** The first lost services by name, as a finding lists them ("Exchange Online (Plan 2), Microsoft Forms"). */
function namedServices(plans: readonly ServicePlanRef[]): string {
  const n = Math.min(plans.length, MAX_NAMED_SERVICES);
  let names = '';
  for (let i = 0; i < n; i++) names = i === 0 ? plans[i]!.friendlyName : `${names}, ${plans[i]!.friendlyName}`;
  return names;
}

/**
 * Per match, worded once: matches from matchOffer are frozen and shared by every line that asks
 * (matching.ts), and one catalog's, so its names hold for them all.
 */
function matchWords(m: OfferMatch, catalog: Catalog): MatchWords {
  const memo = planMemoOf(catalog).words;
  let words = memo.get(m);
  if (words) return words;
  words = wordsOf(m, catalog);
  // Only a frozen match is remembered: one that can change (a line's own) would need its words again.
  if (Object.isFrozen(m) && Object.isFrozen(m.lostServicePlans)) memo.set(m, words);
  return words;
}

/** A match's words, worded now (matchWords remembers them; a LineMatch keeps its own). */
function wordsOf(m: OfferMatch, catalog: Catalog): MatchWords {
  const names = catalogProductNames(catalog);
  const orderNames: string[] = [];
  if (m.targetSkuId !== null) {
    orderNames.push(productName(names, { skuId: m.targetSkuId, partNumber: m.targetSkuPartNumber ?? m.targetSkuId }));
    for (const e of m.extraTargets ?? []) orderNames.push(productName(names, { skuId: e.skuId, partNumber: e.skuPartNumber }));
  }
  return {
    orderNames,
    target: targetName(names, m),
    services: namedServices(m.lostServicePlans),
  };
}

function finding(code: FindingCode, severity: Severity, params: FindingParams, asOf: LocalDate, line?: PlannedLine, rule?: Rule): Finding {
  const r = rule ?? ruleInForce(FINDING_RULE_FAMILY[code], asOf);
  // One object shape for every finding (tenant-wide ones leave the line fields undefined).
  return {
    code,
    severity,
    skuPartNumber: line?.sourceSkuPartNumber,
    lineId: line?.lineId,
    params,
    ruleId: r.id,
    ruleSince: r.since,
    ruleSource: r.source,
    ruleUrl: r.url ?? null,
  };
}

function endOfTermFindings(line: PlannedLine, advice: EndOfTermAdvice, out: Finding[]): void {
  const sku = line.sourceSkuName;
  const at = line.asOf;
  if (advice.kind === 'est') {
    const scheduled = advice.cancelScheduledOn;
    out.push(
      finding(
        'END_OF_TERM_EST',
        scheduled ? 'info' : 'warning',
        { sku, channel: line.channel, expires: advice.expires, activeBy: advice.activeBy, scheduledOn: scheduled, uplift: advice.upliftPercent, upliftNoMonthly: advice.upliftNoMonthlyPercent },
        at,
        line,
        advice.rule,
      ),
    );
  } else if (advice.kind === 'direct') {
    out.push(
      finding(
        'DIRECT_END_OF_TERM',
        'info',
        { sku, expires: advice.expires, disabledOn: advice.disabledOn, deletedOn: advice.deletedOn, account: advice.billingAccount },
        at,
        line,
        advice.rule,
      ),
    );
  } else if (advice.kind === 'ea') {
    out.push(finding('EA_CHANNEL_TRANSFER', 'info', { sku, eaEndDate: advice.eaEndDate }, at, line, advice.rule));
  }
}

/** The findings of one line, as of the date it was planned for (the tenant-wide ones are added by planTenant). */
export function lineFindings(line: PlannedLine, catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  addLineFindings(line, catalog, out, findSku(catalog, line.sourceSkuId), null);
  return out;
}

/** lineFindings into the tenant's list itself: no array per line for the 200,000 lines of a large workspace. */
function addLineFindings(line: PlannedLine, catalog: Catalog, out: Finding[], source: PreparedSku | undefined, matched: LineMatch | null): void {
  const sku = line.sourceSkuName;
  const at = line.asOf;
  const m = line.match;
  // The match's words are in a few findings only: looked up when the first of them needs them.
  let words: MatchWords | undefined;
  if (line.action === 'keep') {
    out.push(finding('ALREADY_OWN_CSP', 'info', { sku }, at, line));
    return;
  }
  const transfer = line.transfer;
  if (transfer) {
    if (transfer.status) out.push(finding('TRANSFER_IN_PROGRESS', transfer.status === 'rejected' ? 'warning' : 'info', { sku, status: transfer.status }, at, line));
    if (transfer.possible && !transfer.status) {
      out.push(finding('TRANSFER_PROPOSED', 'info', { sku, request: transfer.request, checkCommerce: transfer.checkCommerce ? 1 : 0 }, at, line));
    } else if (!transfer.possible) {
      out.push(finding('TRANSFER_NOT_POSSIBLE', 'info', { sku, blockers: transfer.blockers.join(',') }, at, line));
    }
  }
  // A transferred line keeps its subscription, term and end date: nothing to buy, match or reassign.
  if (line.action === 'transfer') return;
  const teamsRule = m.extraTargets?.length ? ruleInForce('teams-unbundling', at) : undefined;
  if (!source) out.push(finding('UNKNOWN_SKU', 'warning', { sku, skuId: line.sourceSkuId }, at, line));
  else if (!source.purchasable && m.kind !== 'different') {
    out.push(finding('NOT_PURCHASABLE', m.kind === 'equivalent' ? 'warning' : 'error', { sku, target: (words ??= lineWords(matched, m, catalog)).target }, at, line, teamsRule));
  }
  if (teamsRule) out.push(finding('TEAMS_PAIR', 'info', { sku, target: (words ??= lineWords(matched, m, catalog)).target }, at, line, teamsRule));
  if (line.retirement && !line.isTrial) {
    const rule = line.retirement.kind === 'with-teams' ? ruleInForce('teams-unbundling', at) : undefined;
    out.push(
      finding('END_OF_SALE', line.retirement.kind === 'retired' ? 'warning' : 'info', { sku, kind: line.retirement.kind, since: line.retirement.since, target: (words ??= lineWords(matched, m, catalog)).target }, at, line, rule),
    );
  }
  if (m.lostServicePlans.length > 0) {
    // The message names the first services; the line's lostServicePlans has them all.
    const services = (words ??= lineWords(matched, m, catalog)).services;
    const more = Math.max(0, m.lostServicePlans.length - MAX_NAMED_SERVICES);
    out.push(finding('DATA_LOSS_RISK', 'error', { sku, target: (words ??= lineWords(matched, m, catalog)).target, count: m.lostServicePlans.length, services, more }, at, line));
  }
  if ((m.kind === 'equivalent' || m.kind === 'different') && line.usersToReassign > 0) {
    out.push(finding('LICENSE_REASSIGNMENT_REQUIRED', 'warning', { sku, target: (words ??= lineWords(matched, m, catalog)).target, users: line.usersToReassign }, at, line));
  }
  if (!line.isTrial) {
    const seats = checkSeats(line.quantity, line.consumed, line.targetQuantity);
    const params = { sku, quantity: seats.quantity, targetQuantity: seats.targetQuantity, consumed: seats.consumed, shortfall: seats.shortfall };
    if (seats.shortfall > 0) out.push(finding('SEAT_SHORTFALL', 'error', params, at, line));
    if (seats.changed) out.push(finding('SEAT_COUNT_CHANGED', 'warning', params, at, line));
  }
  const advice = line.endOfTerm;
  if (line.isTrial) {
    out.push(finding('TRIAL_SUBSCRIPTION', 'warning', { sku, expires: line.expires }, at, line));
  } else if (line.timing.state !== 'unknown') {
    const timing = line.timing;
    const severity: Severity = timing.state === 'past-deadline' ? 'error' : timing.state === 'active' ? 'info' : 'warning';
    const window = advice?.kind === 'est' ? 'none' : '30-days';
    out.push(
      finding(
        'EXPIRY_DEADLINE',
        severity,
        { sku, expires: line.expires, deadline: line.deadline, daysToExpiry: timing.daysToExpiry, daysToDeadline: timing.daysToDeadline, state: timing.state, window },
        at,
        line,
        advice?.rule ?? ruleInForce('end-of-term', line.expires ?? at),
      ),
    );
  }
  if (!line.isTrial) {
    if (advice && advice.kind !== 'expired-window') endOfTermFindings(line, advice, out);
    else if (!advice && line.channel === 'unknown' && ruleInForce('end-of-term', at).id === 'extended-service-term') {
      // The end date and the seller are unknown: "let it expire" may mean EST billing now.
      out.push(
        finding('END_OF_TERM_EST', 'warning', { sku, channel: 'unknown', expires: null, activeBy: null, scheduledOn: null, uplift: 3, upliftNoMonthly: 23 }, at, line),
      );
    } else {
      const rule = ruleInForce('end-of-term', line.expires ?? at);
      out.push(finding('CANCEL_NO_REFUND', 'info', { sku, expires: line.expires }, at, line, rule));
      if (line.channel === 'direct') out.push(finding('DIRECT_PURCHASE_CREDIT', 'info', { sku }, at, line, ruleInForce('direct-lifecycle', line.expires ?? at)));
    }
  }
  // A planned order carries its check-by date on the line; once placed, the open window is a finding.
  if (line.ordered && line.orders.length > 0 && line.orderDate && line.checkBy) {
    out.push(finding('ORDER_CHECK_BY', line.checkBy >= at ? 'warning' : 'info', { sku, orderDate: line.orderDate, checkBy: line.checkBy, ordered: 1 }, at, line));
  }
  if (line.term && line.orders.length > 0) {
    for (const p of termPremiums(line.term, line.billingFrequency ?? 'monthly', at)) {
      out.push(finding('TERM_PREMIUM', 'info', { sku, term: line.term, billing: line.billingFrequency, percent: p.percent, premium: p.ruleId }, at, line, ruleById(p.ruleId)));
    }
    const min = threeYearMinimumProblem(line.term, line.targetQuantity, at);
    if (min) out.push(finding('THREE_YEAR_MINIMUM', 'error', { sku, quantity: line.targetQuantity, minimum: min.minimum }, at, line, ruleById(min.ruleId)));
  }
}

function acknowledgedKey(lineId: string | null | undefined, code: string): string {
  return `${lineId ?? ''}|${code}`;
}

/**
 * The user's choices by line id, read once per tenant into a Map (null: none). Indexing the plain
 * object with every line's id made V8 look the id (a string it has not interned) up in its string
 * table on every line, most of them to find nothing; a Map compares the id's cached hash. Own
 * keys only: an override belongs to a line, never to Object.prototype.
 */
function overridesByLine(overrides: Readonly<Record<string, LineOverride>> | undefined): ReadonlyMap<string, LineOverride> | null {
  if (!overrides) return null;
  let byLine: Map<string, LineOverride> | null = null;
  for (const id in overrides) {
    const o = Object.hasOwn(overrides, id) ? overrides[id] : undefined;
    if (o !== undefined) (byLine ??= new Map()).set(id, o);
  }
  return byLine;
}

export function planTenant(inv: TenantInventory, catalog: Catalog, options: PlanOptions): TenantPlan {
  if (!isLocalDate(options.asOf)) throw new RangeError(`asOf "${options.asOf}" is not a date YYYY-MM-DD`);
  const asOf = options.asOf;
  const regions = options.regions ?? DEFAULT_REGIONS;
  const overrides = overridesByLine(options.targetOverrides);
  const country = inv.countryLetterCode;
  const partnerCountry = options.partnerCountry.trim().toUpperCase();
  const region = country ? checkRegion(partnerCountry, country, regions) : null;
  const context: LineContext = { billingAccount: options.billingAccount, otherRegion: region !== null && !region.ok && region.reason !== 'unknown-country' };
  const lines: PlannedLine[] = [];
  // With subscriptions, their rows count the users per SKU too.
  let rows: SubscriptionRows | null = null;
  const memo = planMemoOf(catalog);
  // Per line, its catalog SKU and match as planning found them, for its findings.
  const sources: (PreparedSku | undefined)[] = [];
  const matched: (LineMatch | null)[] = [];
  const facts: LineFacts = { source: undefined, matched: null };
  if (inv.subscriptions === null) {
    for (const s of inv.skus) {
      const l = skuLine(s);
      lines.push(planLineWith(memo, l, catalog, asOf, overrides?.get(l.lineId), context, facts));
      sources.push(facts.source);
      matched.push(facts.matched);
    }
  } else {
    // sourceLines without its 20 objects per tenant: a planned line copies what it needs of its
    // source line, so one object is written for each subscription in turn.
    const partnerTenantId = normalizeId(options.partnerTenantId);
    rows = subscriptionRows(inv, inv.subscriptions, undefined);
    const { subs, consumed } = rows;
    const line = emptySourceLine();
    for (let i = 0; i < subs.length; i++) {
      writeSourceLine(line, subs[i]!, consumed[i] ?? 0, inv.ownSubscriptionIds, partnerTenantId);
      lines.push(planLineWith(memo, line, catalog, asOf, overrides?.get(line.lineId), context, facts));
      sources.push(facts.source);
      matched.push(facts.matched);
    }
    for (const s of inv.skus) {
      if (rows.numbers.has(s.skuId)) continue;
      const l = skuLine(s);
      lines.push(planLineWith(memo, l, catalog, asOf, overrides?.get(l.lineId), context, facts));
      sources.push(facts.source);
      matched.push(facts.matched);
    }
  }

  // Lines that can be transferred and are not yet: requests of at most 25 items.
  const ready: string[] = [];
  for (const l of lines) if (l.transfer?.possible && !l.transfer.status) ready.push(l.lineId);
  const requests = transferRequests(ready);
  if (requests.length === 1) {
    // One request (up to 25 lines, the usual case): the lines it names, without a map of their ids.
    for (const l of lines) if (l.transfer && ((l.transfer.possible && !l.transfer.status) || ready.includes(l.lineId))) l.transfer.request = 1;
  } else if (requests.length > 1) {
    const index = new Map<string, number>();
    requests.forEach((ids, i) => ids.forEach((id) => index.set(id, i + 1)));
    for (const l of lines) if (l.transfer && index.has(l.lineId)) l.transfer.request = index.get(l.lineId)!;
  }

  // One decision per source SKU for its users: the first line of the SKU that is bought again (a
  // line is a SkuDecision: its match and source part number).
  // Its users to reassign are counted on that line as it is chosen (no pass over the map's entries).
  const decisions = new TenantDecisions(rows);
  let holders: ReadonlyMap<string, number> | null = null;
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li]!;
    if (l.action !== 'rebuy' || !decisions.choose(l, rows && li < rows.skuNo.length ? rows.skuNo[li]! : -1)) continue;
    if (l.match.kind === 'same') continue;
    // The users holding the SKU (a subscription's line reads its SKU's number); without users, its seats in use.
    if (inv.users.length === 0) l.usersToReassign = l.consumed;
    else if (rows) l.usersToReassign = li < rows.skuNo.length ? rows.holders[rows.skuNo[li]!]! : holdersOf(rows, l.sourceSkuId);
    else l.usersToReassign = (holders ??= holdersBySku(inv.users)).get(l.sourceSkuId) ?? 0;
  }
  const users = userReassignments(inv.users, decisions, catalog);

  const findings: Finding[] = [];
  if (!country) {
    // The rule cannot be checked without the customer's country (organization.countryLetterCode).
    findings.push(finding('REGION_MISMATCH', 'warning', { reason: 'customer-country-unknown', partnerCountry }, asOf));
  } else if (region && !region.ok) {
    const r = region;
    const params: FindingParams =
      r.reason === 'unknown-country'
        ? { reason: r.reason, country: r.country, partnerCountry, customerCountry: country }
        : { reason: r.reason, partnerCountry, customerCountry: country, partnerRegion: r.partnerRegion, customerRegion: r.customerRegion };
    findings.push(finding('REGION_MISMATCH', r.reason === 'unknown-country' ? 'warning' : 'error', params, asOf));
  }
  let active = 0;
  let toBuy = 0;
  let moving = 0;
  for (const l of lines) {
    if (isActiveStatus(l.status)) active++;
    if (l.orders.length > 0) toBuy += l.orders.length;
    if (l.action !== 'keep' && !l.isTrial) moving++;
  }
  if (exceedsSubscriptionLimit(active, toBuy)) {
    const window = ruleInForce('end-of-term', asOf).id === 'extended-service-term' ? 'none' : '30-days';
    findings.push(finding('TENANT_SUBSCRIPTION_LIMIT', 'warning', { active, toBuy, limit: TENANT_ACTIVE_SUBSCRIPTION_LIMIT, window }, asOf));
  }
  if (!options.agreementAcceptedOn && moving > 0) findings.push(finding('CUSTOMER_AGREEMENT_MISSING', 'warning', {}, asOf));
  let unknownSeen: Set<string> | null = null;
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li]!;
    const from = findings.length;
    const source = sources[li];
    addLineFindings(l, catalog, findings, source, matched[li] ?? null);
    // A SKU the catalog lacks is told once per tenant, on its first line (a line whose SKU it has tells nothing of it).
    if (source) continue;
    for (let i = from; i < findings.length; i++) {
      if (findings[i]!.code !== 'UNKNOWN_SKU') continue;
      unknownSeen ??= new Set();
      if (unknownSeen.has(l.sourceSkuId)) findings.splice(i--, 1);
      else unknownSeen.add(l.sourceSkuId);
    }
  }
  if (options.acknowledged?.length) {
    const acks = new Set<string>();
    for (const a of options.acknowledged) {
      const ids = [a.lineId, a.lineKey, a.sourceKey].filter((id) => id !== undefined && id !== null);
      // No line named: a tenant-wide finding (region, customer agreement, subscription limit).
      if (ids.length === 0) acks.add(acknowledgedKey(null, a.code));
      for (const id of ids) acks.add(acknowledgedKey(id, a.code));
    }
    for (const f of findings) if (acks.has(acknowledgedKey(f.lineId, f.code))) f.acknowledged = true;
  }
  return {
    customer: { country, region: country ? (regionOf(country, regions) ?? null) : null },
    lines,
    users,
    findings: sortFindings(findings),
    transferRequests: requests,
  };
}

/** Normalises user-entered override keys (subscription ids in any case). */
export function normalizeOverrides(o: Record<string, LineOverride>): Record<string, LineOverride> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.startsWith('sku:') ? `sku:${normalizeId(k.slice(4))}` : normalizeId(k), v]));
}
