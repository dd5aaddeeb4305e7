// Offer matching, per current subscription (DOMAIN.md, "Rules the app checks"):
//   same        the same SKU can be bought: no reassignment, no disruption
//   equivalent  the SKU cannot be bought any more: the purchasable SKU that keeps most services
//   different   the user chose another SKU: licenses must be reassigned
//   none        no target (the SKU is not in the catalog, or nothing purchasable keeps a service)
// Services are compared by plan family (planFamilies.ts): a higher tier of a service keeps it.
import type { Catalog, PreparedPlan, PreparedSku, ServicePlanRef } from './catalog';
import { findSku, hasPlanNo, NO_TIER, prepareSku, tierOf } from './catalog';
import { normalizeId } from './ids';
import { isRetiredProduct, STANDALONE_TEAMS_PART_NUMBER, WITH_TEAMS_SUITES } from './retirements';

export type MatchKind = 'same' | 'equivalent' | 'different' | 'none';

export type { ServicePlanRef };

export interface ServiceComparison {
  /** Source plans whose family the target lacks or has at a lower tier. */
  lost: PreparedPlan[];
  /** Source plans kept under another plan id (a tier change: FORMS_PLAN_E3 -> FORMS_PLAN_E5). */
  changed: { from: PreparedPlan; to: PreparedPlan }[];
  /** Target plans of families the source does not have. */
  gained: PreparedPlan[];
  /** Source plans kept (same family at the same or a higher tier). */
  kept: number;
}

/** A match; those from matchOffer are frozen and shared between lines (a chosen target's from its second request; treat as read-only). */
export interface OfferMatch {
  readonly kind: MatchKind;
  readonly targetSkuId: string | null;
  readonly targetSkuPartNumber: string | null;
  readonly lostServicePlans: readonly ServicePlanRef[];
  readonly gainedServicePlans: readonly ServicePlanRef[];
  /**
   * Services kept under another plan id (a higher tier). Disabled plans set by id (per user or in a
   * group's license assignment) must be set again on these ids.
   */
  readonly changedServicePlans: readonly { readonly from: ServicePlanRef; readonly to: ServicePlanRef }[];
  /**
   * Further SKUs bought with the target for the same users (a no-Teams suite plus Microsoft Teams):
   * lost/gained/changed describe the target and these together. Absent for a single target.
   */
  readonly extraTargets?: readonly TargetRef[];
}

export interface TargetRef {
  readonly skuId: string;
  readonly skuPartNumber: string;
}

export interface Candidate {
  sku: PreparedSku;
  lost: number;
  gained: number;
  kept: number;
}

/**
 * What matching has worked out for one catalog, kept beside it (a catalog is built once and never
 * changed): equivalent proposals per source SKU id; matches per (kind, source, target), frozen and
 * shared by every line that asks (a user's choice from its second request: toMatch); the match
 * without a user override per source SKU id.
 */
interface CatalogMemo {
  equivalents: Map<string, readonly Candidate[]>;
  /** By kind, source id ('' for none), then target id ('' for none; a pair: its ids joined by "+"). */
  matches: Map<MatchKind, Map<string, Map<string, OfferMatch>>>;
  defaultMatches: Map<string, OfferMatch>;
  /** The purchasable SKUs by family number, built on the first equivalent search (scoreAll). */
  families: PurchasableFamilies | null;
}

/** Per family number: the positions in catalog.purchasable of the SKUs that have it, and their tier of it. */
interface PurchasableFamilies {
  positions: (number[] | undefined)[];
  tiers: (number[] | undefined)[];
}

const memos = new WeakMap<Catalog, CatalogMemo>();

function memoOf(catalog: Catalog): CatalogMemo {
  let memo = memos.get(catalog);
  if (!memo) memos.set(catalog, (memo = { equivalents: new Map(), matches: new Map(), defaultMatches: new Map(), families: null }));
  return memo;
}

/** The plan as a match names it: made once by prepareSku, frozen and shared. */
export function planRef(p: PreparedPlan): ServicePlanRef {
  return p.ref;
}

/**
 * What moving from `source` to `target` does to the services. `disabledPlanIds` (a user's disabled
 * plans) are left out of the source: a user cannot lose what was switched off. Retired plans (the
 * service no longer exists anywhere) and plumbing without user data (Exchange Foundation) are not
 * counted as lost.
 */
export function compareServices(source: PreparedSku, target: PreparedSku, disabledPlanIds?: ReadonlySet<string>): ServiceComparison {
  const lost: PreparedPlan[] = [];
  const changed: { from: PreparedPlan; to: PreparedPlan }[] = [];
  let kept = 0;
  // Without disabled plans the source's families are the keys of its familyTier: no set to build.
  let sourceFamilies: ReadonlySet<string> | ReadonlyMap<string, number> = source.familyTier;
  if (disabledPlanIds && disabledPlanIds.size > 0) {
    const enabled = new Set<string>();
    for (const p of source.plans) if (!disabledPlanIds.has(p.id)) enabled.add(p.family);
    sourceFamilies = enabled;
  }
  for (const p of source.plans) {
    if (disabledPlanIds?.has(p.id)) continue;
    const t = target.familyTier.get(p.family);
    if (t !== undefined && t >= p.tier) {
      kept++;
      if (!target.planIds.has(p.id)) changed.push({ from: p, to: target.familyPlan.get(p.family)! });
    } else if (!p.ignorable) lost.push(p);
  }
  const gained: PreparedPlan[] = [];
  for (const [family, plan] of target.familyPlan) if (!sourceFamilies.has(family)) gained.push(plan);
  return { lost, changed, gained, kept };
}

/**
 * compareServices as a match names it (plan refs), in the same order: one pass and no plan lists
 * in between, for the thousands of SKU pairs the users' choices in a large workspace ask about.
 */
function compareRefs(source: PreparedSku, target: PreparedSku): Pick<OfferMatch, 'lostServicePlans' | 'gainedServicePlans' | 'changedServicePlans'> {
  const lost: ServicePlanRef[] = [];
  const changed: { from: ServicePlanRef; to: ServicePlanRef }[] = [];
  for (const p of source.plans) {
    const t = tierOf(target, p.familyNo);
    if (t !== NO_TIER && t >= p.tier) {
      if (!hasPlanNo(target, p.planNo)) changed.push({ from: p.ref, to: target.familyPlan.get(p.family)!.ref });
    } else if (!p.ignorable) lost.push(p.ref);
  }
  const gained: ServicePlanRef[] = [];
  for (const plan of target.familyPlans) if (tierOf(source, plan.familyNo) === NO_TIER) gained.push(plan.ref);
  // Kept at their size: a list grown by push holds room for 16 more, and a match lives as long as its catalog.
  return { lostServicePlans: atSize(lost), gainedServicePlans: atSize(gained), changedServicePlans: atSize(changed) };
}

function atSize<T>(list: T[]): T[] {
  return list.length === 0 ? [] : list.slice();
}

function purchasableFamilies(catalog: Catalog): PurchasableFamilies {
  const memo = memoOf(catalog);
  if (memo.families) return memo.families;
  const positions: (number[] | undefined)[] = [];
  const tiers: (number[] | undefined)[] = [];
  catalog.purchasable.forEach((sku, i) => {
    for (const plan of sku.familyPlans) {
      const f = plan.familyNo;
      (positions[f] ??= []).push(i);
      (tiers[f] ??= []).push(tierOf(sku, f));
    }
  });
  return (memo.families = { positions, tiers });
}

/**
 * The source against every purchasable SKU but itself, in catalog order, those that keep something:
 * its plans kept (same family at the same or a higher tier), its counted plans lost (not ignorable),
 * the target's families it lacks. Counted family by family over the SKUs that have each family, not SKU by SKU over all
 * of them (a discontinued SKU is compared with the whole catalog, and most SKUs share nothing).
 */
function scoreAll(source: PreparedSku, catalog: Catalog): Candidate[] {
  const { positions, tiers } = purchasableFamilies(catalog);
  const n = catalog.purchasable.length;
  const kept = new Int32Array(n);
  const keptCounted = new Int32Array(n);
  const shared = new Int32Array(n);
  let counted = 0;
  for (const p of source.plans) {
    if (!p.ignorable) counted++;
    const at = positions[p.familyNo];
    if (!at) continue;
    const tierAt = tiers[p.familyNo]!;
    for (let k = 0; k < at.length; k++) {
      if (tierAt[k]! < p.tier) continue;
      kept[at[k]!]!++;
      if (!p.ignorable) keptCounted[at[k]!]!++;
    }
  }
  for (const plan of source.familyPlans) {
    const at = positions[plan.familyNo];
    if (at) for (let k = 0; k < at.length; k++) shared[at[k]!]!++;
  }
  const all: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const target = catalog.purchasable[i]!;
    if (kept[i] === 0 || target.id === source.id) continue;
    all.push({ sku: target, lost: counted - keptCounted[i]!, gained: target.familyPlans.length - shared[i]!, kept: kept[i]! });
  }
  return all;
}

/**
 * Purchasable SKUs ranked as replacements for `source`: fewest lost services first, then the same
 * market segment (a commercial plan is not replaced by a government or education one), then the
 * fewest extra services (the closest equivalent, not the biggest bundle), then part number.
 * Candidates that keep nothing are dropped. Memoised per catalog.
 */
export function rankEquivalents(source: PreparedSku, catalog: Catalog, limit = 5): readonly Candidate[] {
  const memo = memoOf(catalog).equivalents.get(source.id);
  if (memo) return memo.slice(0, limit);
  const all = scoreAll(source, catalog);
  all.sort(
    (a, b) =>
      a.lost - b.lost ||
      Number(a.sku.segment !== source.segment) - Number(b.sku.segment !== source.segment) ||
      a.gained - b.gained ||
      (a.sku.partNumber < b.sku.partNumber ? -1 : a.sku.partNumber > b.sku.partNumber ? 1 : 0),
  );
  const top = all.slice(0, 20);
  memoOf(catalog).equivalents.set(source.id, top);
  return top.slice(0, limit);
}

/**
 * A replacement proposed on its own must keep at least half of the source's services: below that
 * it is not an equivalent but another product, and the line is left for a person to decide
 * (equivalentProposals still lists it).
 */
export const MIN_KEPT_SHARE = 0.5;

function isEquivalent(c: Candidate): boolean {
  return c.kept >= MIN_KEPT_SHARE * (c.kept + c.lost);
}

function computeMatch(kind: MatchKind, source: PreparedSku | undefined, target: PreparedSku | undefined): OfferMatch {
  if (!target) return { kind, targetSkuId: null, targetSkuPartNumber: null, lostServicePlans: [], gainedServicePlans: [], changedServicePlans: [] };
  if (!source || source.id === target.id) {
    return { kind, targetSkuId: target.id, targetSkuPartNumber: target.partNumber, lostServicePlans: [], gainedServicePlans: [], changedServicePlans: [] };
  }
  const cmp = compareRefs(source, target);
  return {
    kind,
    targetSkuId: target.id,
    targetSkuPartNumber: target.partNumber,
    lostServicePlans: cmp.lostServicePlans,
    gainedServicePlans: cmp.gainedServicePlans,
    changedServicePlans: cmp.changedServicePlans,
  };
}

function deepFreeze(m: OfferMatch): OfferMatch {
  // The plan refs themselves were frozen by prepareSku.
  for (const c of m.changedServicePlans) Object.freeze(c);
  Object.freeze(m.lostServicePlans);
  Object.freeze(m.gainedServicePlans);
  Object.freeze(m.changedServicePlans);
  return Object.freeze(m);
}

/**
 * The memo of matches from one source with one kind, keyed by kind, source and target in turn: a
 * key string built per line ("different|<source>|<target>") cost a new string and its hash on
 * every line, while the ids are strings whose hash is computed once.
 */
function matchesFrom(catalog: Catalog, kind: MatchKind, source: PreparedSku | undefined): Map<string, OfferMatch> {
  const memo = memoOf(catalog).matches;
  let bySource = memo.get(kind);
  if (!bySource) memo.set(kind, (bySource = new Map()));
  const sourceKey = source?.id ?? '';
  let byTarget = bySource.get(sourceKey);
  if (!byTarget) bySource.set(sourceKey, (byTarget = new Map()));
  return byTarget;
}

/** In the memo of matches: a user's choice asked for once, not kept yet (toMatch). */
const ASKED_ONCE: OfferMatch = deepFreeze({ kind: 'different', targetSkuId: null, targetSkuPartNumber: null, lostServicePlans: [], gainedServicePlans: [], changedServicePlans: [] });

/**
 * Matches depend on the catalog only: computed per (kind, source, target), frozen, and shared from
 * then on. A user's choice of target (kind 'different') is kept from its second request on: most
 * choices are one line's (10,000 of a large workspace nearly all different pairs), and a match
 * kept for the catalog's life outlives the plan that asked for it.
 */
function toMatch(catalog: Catalog, kind: MatchKind, source: PreparedSku | undefined, target: PreparedSku | undefined): OfferMatch {
  const byTarget = matchesFrom(catalog, kind, source);
  const key = target?.id ?? '';
  const known = byTarget.get(key);
  if (known !== undefined && known !== ASKED_ONCE) return known;
  const m = deepFreeze(computeMatch(kind, source, target));
  byTarget.set(key, kind === 'different' && known === undefined ? ASKED_ONCE : m);
  return m;
}

export interface MatchOptions {
  /** The target SKU the user chose for this line; equal to the source it means "keep the same". */
  targetSkuId?: string | null;
  /** Further SKUs the user chose with it (a Teams pair). */
  extraTargetSkuIds?: readonly string[];
}

/** One SKU holding the service plans of several (a pair is compared as one bundle). */
export function bundle(main: PreparedSku, extras: readonly PreparedSku[]): PreparedSku {
  return prepareSku({ id: main.id, partNumber: main.partNumber, name: main.name, servicePlans: [...main.plans, ...extras.flatMap((e) => e.plans)] }, true, false);
}

function pairMatch(catalog: Catalog, kind: MatchKind, source: PreparedSku | undefined, main: PreparedSku, extras: readonly PreparedSku[]): OfferMatch {
  const byTarget = matchesFrom(catalog, kind, source);
  const key = `${main.id}+${extras.map((e) => e.id).join('+')}`;
  let m = byTarget.get(key);
  if (!m) {
    const base = computeMatch(kind, source, bundle(main, extras));
    const extraTargets = extras.map((e) => Object.freeze({ skuId: e.id, skuPartNumber: e.partNumber }));
    m = deepFreeze({ ...base, targetSkuId: main.id, targetSkuPartNumber: main.partNumber, extraTargets: Object.freeze(extraTargets) });
    byTarget.set(key, m);
  }
  return m;
}

/**
 * DOMAIN.md rule 6: when a with-Teams suite cannot be bought, a no-Teams suite plus the standalone
 * Teams product that together keep every service is its equivalent (not the no-Teams suite alone).
 */
function teamsPair(source: PreparedSku, catalog: Catalog): OfferMatch | null {
  if (!source.plans.some((p) => p.name.toUpperCase() === 'TEAMS1')) return null;
  const teams = catalog.byPartNumber.get(STANDALONE_TEAMS_PART_NUMBER);
  if (!teams?.purchasable) return null;
  const named = WITH_TEAMS_SUITES.get(source.partNumber.toUpperCase());
  const candidates: PreparedSku[] = [];
  const namedSku = named ? catalog.byPartNumber.get(named) : undefined;
  if (namedSku?.purchasable) candidates.push(namedSku);
  for (const c of rankEquivalents(source, catalog, 20)) if (c.sku.segment.includes('no-teams') && c.sku !== namedSku) candidates.push(c.sku);
  for (const cand of candidates) {
    const lost = compareServices(source, cand).lost.filter((p) => !((teams.familyTier.get(p.family) ?? -1) >= p.tier));
    if (lost.length === 0) return pairMatch(catalog, 'equivalent', source, cand, [teams]);
  }
  return null;
}

/** The match of one source SKU against the catalog; `targetSkuId` is the user's override. */
export function matchOffer(sourceSkuId: string, catalog: Catalog, options: MatchOptions = {}): OfferMatch {
  // Without a chosen target (most lines) further SKUs do not matter: the source's default match,
  // remembered, before any lookup or allocation.
  if (!options.targetSkuId) {
    const memo = memoOf(catalog).defaultMatches.get(sourceSkuId);
    if (memo) return memo;
  }
  const source = findSku(catalog, sourceSkuId);
  const override = options.targetSkuId ? normalizeId(options.targetSkuId) : null;
  const sameAsSource = override !== null && override === normalizeId(sourceSkuId);
  const extraIds = options.extraTargetSkuIds;
  const extras = override && extraIds?.length ? extraIds.map((id) => findSku(catalog, id)).filter((x): x is PreparedSku => x !== undefined) : [];
  if (override && extras.length > 0) {
    const target = findSku(catalog, override);
    if (target) return pairMatch(catalog, sameAsSource ? 'same' : 'different', source, target, extras);
  }
  if (override && !sameAsSource) {
    const target = findSku(catalog, override);
    // A chosen SKU missing from the catalog still is the user's choice; its services are unknown.
    if (!target) {
      return { kind: 'different', targetSkuId: override, targetSkuPartNumber: null, lostServicePlans: [], gainedServicePlans: [], changedServicePlans: [] };
    }
    return toMatch(catalog, 'different', source, target);
  }
  const memo = memoOf(catalog).defaultMatches.get(sourceSkuId);
  if (memo) return memo;
  const m = defaultMatch(source, catalog);
  memoOf(catalog).defaultMatches.set(sourceSkuId, m);
  return m;
}

function defaultMatch(source: PreparedSku | undefined, catalog: Catalog): OfferMatch {
  if (!source) return toMatch(catalog, 'none', undefined, undefined);
  if (source.purchasable) return toMatch(catalog, 'same', source, source);
  // A retired product (not purchasable even without an offer list) goes to the product Microsoft names.
  const replacement = isRetiredProduct(source.partNumber);
  const named = replacement ? catalog.byPartNumber.get(replacement.toUpperCase()) : undefined;
  if (named?.purchasable) return toMatch(catalog, 'equivalent', source, named);
  const best = rankEquivalents(source, catalog, 1)[0];
  if (WITH_TEAMS_SUITES.has(source.partNumber.toUpperCase())) {
    const pair = teamsPair(source, catalog);
    if (pair) return pair;
  }
  if (!best || !isEquivalent(best)) return toMatch(catalog, 'none', source, undefined);
  return toMatch(catalog, 'equivalent', source, best.sku);
}

export interface EquivalentProposal {
  skuId: string;
  skuPartNumber: string;
  name: string;
  /** Source services kept (same family, same or higher tier). */
  kept: number;
  lostServicePlans: ServicePlanRef[];
  /** Number of services the target adds. */
  gained: number;
}

/** The ranked replacements the app offers for a line (the first is what matchOffer proposes). */
export function equivalentProposals(sourceSkuId: string, catalog: Catalog, limit = 5): EquivalentProposal[] {
  const source = findSku(catalog, sourceSkuId);
  if (!source) return [];
  return rankEquivalents(source, catalog, limit).map((c) => ({
    skuId: c.sku.id,
    skuPartNumber: c.sku.partNumber,
    name: c.sku.name,
    kept: c.kept,
    lostServicePlans: compareServices(source, c.sku).lost.map(planRef),
    gained: c.gained,
  }));
}
