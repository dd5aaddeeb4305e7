// The catalog: Microsoft's products (SKU GUID, part number, name) with their service plans, which
// of them can be bought (an optional Partner Center offer list) and which the team marked
// discontinued by hand. Prepared once, then read by every plan: per-SKU family maps are computed
// here, so matching a line is a few map lookups.
import { normalizeId } from './ids';
import { NO_USER_DATA_PLANS, planFamily } from './planFamilies';
import type { Retirement } from './retirements';
import { isRetiredProduct, knownRetirement } from './retirements';

export interface CatalogServicePlan {
  /** Service plan GUID, lower case. */
  id: string;
  /** Service_Plan_Name, e.g. FORMS_PLAN_E3. */
  name: string;
  /** Service_Plans_Included_Friendly_Names without a "RETIRED - " prefix. */
  friendlyName: string;
  /** The CSV marks the plan "RETIRED - " in this product. */
  retired: boolean;
}

export interface CatalogSku {
  /** SKU GUID, lower case (Graph skuId, Partner Center legacy product.id). */
  id: string;
  /** String_Id (Graph skuPartNumber), trimmed. */
  partNumber: string;
  /** Product_Display_Name. */
  name: string;
  servicePlans: CatalogServicePlan[];
}

/** What the importers produce; plain data the app can store. */
export interface CatalogData {
  skus: CatalogSku[];
}

/** A Partner Center offer reduced to what purchasability needs. */
export interface OfferAvailability {
  productId: string;
  isAvailableForPurchase: boolean;
  offerId?: string;
  name?: string;
}

/** A service plan as a match names it (lost, gained, changed). */
export interface ServicePlanRef {
  servicePlanId: string;
  servicePlanName: string;
  friendlyName: string;
}

export interface PreparedPlan extends CatalogServicePlan {
  family: string;
  tier: number;
  /** Never reported lost: retired, or plumbing without user data (planFamilies.NO_USER_DATA_PLANS). */
  ignorable: boolean;
  /**
   * The plan as matches name it, made once here and frozen: every match that loses, gains or
   * changes this plan shares it (a 10,000-tenant plan compares thousands of SKU pairs).
   */
  ref: Readonly<ServicePlanRef>;
  /** Its family's number (familyNumber): a SKU's tiers are read by it. */
  familyNo: number;
  /** Its id's number (planNumber): a SKU's plan ids are read by it. */
  planNo: number;
}

export interface PreparedSku {
  id: string;
  partNumber: string;
  name: string;
  /** What a person reads: the name trimmed, or the part number when the catalog gives none (read on every plan line). */
  displayName: string;
  plans: PreparedPlan[];
  /** The ids of its plans (is a plan kept under its own id?). */
  planIds: ReadonlySet<string>;
  /** Family -> highest tier this SKU has. */
  familyTier: Map<string, number>;
  /** Family -> the plan holding that highest tier (for "gained" names). */
  familyPlan: Map<string, PreparedPlan>;
  /**
   * familyTier by family number (NO_TIER: no plan of the family, or a family numbered after this
   * SKU): matching compares thousands of SKU pairs plan by plan, an array read each, not a lookup by name.
   */
  tiers: Int16Array;
  /** planIds as bits by plan number. */
  planBits: Uint8Array;
  /** familyPlan's plans, in its order. */
  familyPlans: readonly PreparedPlan[];
  /** Buyable now: offered (when an offer list is known; else not known retired) and not marked discontinued. */
  purchasable: boolean;
  discontinued: boolean;
  /** Market segment read from the part number and name (government, education, ...), for ranking. */
  segment: string;
  /** Its end of sale known without an offer list, whatever the day (retirements.ts): read on every plan line. */
  retirement: Retirement | null;
}

export interface Catalog {
  skus: ReadonlyMap<string, PreparedSku>;
  /** Upper-case part number -> SKU (the first one of that part number). */
  byPartNumber: ReadonlyMap<string, PreparedSku>;
  /** Purchasable SKUs, in catalog order. */
  purchasable: readonly PreparedSku[];
  /** Was an offer list applied? Without one every catalog SKU counts as purchasable. */
  hasOffers: boolean;
}

export interface CatalogOptions {
  /** Partner Center offers (`GET /v1/offers?country=`); omitted: every SKU is purchasable. */
  offers?: readonly OfferAvailability[];
  /** SKU ids the team marked discontinued by hand. */
  discontinued?: Iterable<string>;
}

// Market segments, read from the part number's tokens and the product name. A replacement is
// preferred in the source's own segment: a commercial plan is not replaced by a GCC or a student one.
const SEGMENTS: [string, RegExp, RegExp][] = [
  ['government', /(^|_)(GOV|GCC|GCCHIGH|DOD|USGOV)(_|$)/i, /\b(Government|GCC|DoD)\b/],
  ['education', /(FACULTY|STUDENT|(^|_)EDU(_|$)|M365EDU|(^|_)FAC$|STUUSEBNFT)/i, /\b(faculty|students?|Education|EDU)\b/i],
  ['nonprofit', /NONPROFIT/i, /\bNonprofit\b/i],
  ['no-teams', /NO_?TEAMS|W\/O_TEAMS/i, /\(no Teams\)/i],
];

export function skuSegment(partNumber: string, name: string): string {
  const tags = SEGMENTS.filter(([, pn, n]) => pn.test(partNumber) || n.test(name)).map(([tag]) => tag);
  return tags.join('+') || 'commercial';
}

/** In tiers: the SKU has no plan of the family. */
export const NO_TIER = -32768;

// Families and plan ids numbered once for the process, whatever catalog they come from: the
// numbers only index a SKU's tiers and plan bits, and both sets are the catalog's (hundreds).
const familyNumbers = new Map<string, number>();
const planNumbers = new Map<string, number>();

function numberOf(numbers: Map<string, number>, key: string): number {
  let n = numbers.get(key);
  if (n === undefined) numbers.set(key, (n = numbers.size));
  return n;
}

/** The SKU's highest tier of a family by number, or NO_TIER. */
export function tierOf(sku: PreparedSku, familyNo: number): number {
  return familyNo < sku.tiers.length ? sku.tiers[familyNo]! : NO_TIER;
}

/** Whether the SKU has the plan of that number. */
export function hasPlanNo(sku: PreparedSku, planNo: number): boolean {
  const byte = planNo >> 3;
  return byte < sku.planBits.length && (sku.planBits[byte]! & (1 << (planNo & 7))) !== 0;
}

export function prepareSku(sku: CatalogSku, purchasable: boolean, discontinued: boolean): PreparedSku {
  const plans: PreparedPlan[] = [];
  const planIds = new Set<string>();
  const familyTier = new Map<string, number>();
  const familyPlan = new Map<string, PreparedPlan>();
  for (const p of sku.servicePlans) {
    const f = planFamily(p.name);
    const plan: PreparedPlan = {
      ...p,
      family: f.family,
      tier: f.tier,
      ignorable: p.retired || NO_USER_DATA_PLANS.has(p.name.toUpperCase()),
      ref: Object.freeze({ servicePlanId: p.id, servicePlanName: p.name, friendlyName: p.friendlyName }),
      familyNo: numberOf(familyNumbers, f.family),
      planNo: numberOf(planNumbers, p.id),
    };
    if (!Number.isInteger(f.tier) || f.tier <= NO_TIER || f.tier > 32767) throw new RangeError(`tier ${f.tier} of ${p.name} is not a small integer`);
    plans.push(plan);
    planIds.add(p.id);
    const cur = familyTier.get(f.family);
    if (cur === undefined || f.tier > cur) {
      familyTier.set(f.family, f.tier);
      familyPlan.set(f.family, plan);
    }
  }
  const tiers = new Int16Array(familyNumbers.size).fill(NO_TIER);
  for (const [family, tier] of familyTier) tiers[familyNumbers.get(family)!] = tier;
  const planBits = new Uint8Array((planNumbers.size + 7) >> 3);
  for (const p of plans) planBits[p.planNo >> 3]! |= 1 << (p.planNo & 7);
  return {
    id: sku.id,
    partNumber: sku.partNumber,
    name: sku.name,
    displayName: sku.name.trim() || sku.partNumber,
    plans,
    planIds,
    familyTier,
    familyPlan,
    tiers,
    planBits,
    familyPlans: [...familyPlan.values()],
    purchasable,
    discontinued,
    segment: skuSegment(sku.partNumber, sku.name),
    retirement: knownRetirement(sku.partNumber),
  };
}

export function prepareCatalog(data: CatalogData, options: CatalogOptions = {}): Catalog {
  const discontinued = new Set([...(options.discontinued ?? [])].map(normalizeId));
  let offered: Set<string> | null = null;
  if (options.offers) {
    offered = new Set();
    for (const o of options.offers) if (o.isAvailableForPurchase) offered.add(normalizeId(o.productId));
  }
  const skus = new Map<string, PreparedSku>();
  const byPartNumber = new Map<string, PreparedSku>();
  const purchasable: PreparedSku[] = [];
  for (const raw of data.skus) {
    const id = normalizeId(raw.id);
    if (skus.has(id)) continue;
    const isDiscontinued = discontinued.has(id);
    // Without an offer list, the products Microsoft retired (retirements.ts) still cannot be bought.
    const canBuy = !isDiscontinued && (offered === null ? isRetiredProduct(raw.partNumber) === null : offered.has(id));
    const sku = prepareSku({ ...raw, id }, canBuy, isDiscontinued);
    skus.set(id, sku);
    const pn = sku.partNumber.toUpperCase();
    if (!byPartNumber.has(pn)) byPartNumber.set(pn, sku);
    if (canBuy) purchasable.push(sku);
  }
  return { skus, byPartNumber, purchasable, hasOffers: offered !== null };
}

export function findSku(catalog: Catalog, skuId: string): PreparedSku | undefined {
  return catalog.skus.get(skuId) ?? catalog.skus.get(normalizeId(skuId));
}
