// "Needs attention": which facts about a customer still moving are worth someone's time now. The
// dashboard gathers the rows and lays them out; the verdicts are these rules, so the same fact
// gets the same answer wherever it is read.
import type { Catalog } from './catalog';
import type { FindingParams, Severity } from './findings';
import { lineFindings, planLine, sourceLines } from './plan';
import { checkRegion } from './region';
import type { TenantInventory } from './tenant';
import type { LocalDate } from './dates';
import type { TimingState } from './timing';

/** The rule: a 30-day window that ends within two weeks needs someone now. */
export const DEADLINE_SOON_DAYS = 14;

/** A customer whose move is done needs nothing more; every other stage is still moving. */
export function isStillMoving(stage: string): boolean {
  return stage !== 'done';
}

export interface Verdict {
  severity: Severity;
  params: FindingParams;
}

/**
 * The CSP region of a customer still moving. A customer without a country is only worth a word
 * once its tenant is imported (the import usually brings the country); null when nothing is wrong.
 */
export function regionVerdict(partnerCountry: string, customer: { country: string; stage: string; hasTenant: boolean }): Verdict | null {
  if (!isStillMoving(customer.stage)) return null;
  if (!customer.country) {
    return customer.hasTenant ? { severity: 'warning', params: { reason: 'customer-country-unknown', partnerCountry } } : null;
  }
  const r = checkRegion(partnerCountry, customer.country);
  if (r.ok) return null;
  if (r.reason === 'unknown-country') {
    return { severity: 'warning', params: { reason: r.reason, country: r.country, partnerCountry, customerCountry: customer.country } };
  }
  return {
    severity: 'error',
    params: { reason: r.reason, partnerCountry, customerCountry: customer.country, partnerRegion: r.partnerRegion, customerRegion: r.customerRegion },
  };
}

export interface DeadlineFacts {
  isTrial: boolean;
  daysToDeadline: number;
  state: Exclude<TimingState, 'unknown'>;
  /** The customer's stage; undefined when the customer is unknown. */
  stage: string | undefined;
}

/**
 * A subscription's 30-day window as a need for attention: within DEADLINE_SOON_DAYS or past it.
 * Trials are not moved (the engine says TRIAL_SUBSCRIPTION instead); once the CSP subscriptions
 * are ordered the window no longer threatens the data (the timeline still shows its dates).
 */
export function deadlineSeverity(f: DeadlineFacts): Severity | null {
  if (f.isTrial || f.daysToDeadline > DEADLINE_SOON_DAYS) return null;
  if (f.stage === 'ordered') return null;
  return f.state === 'past-deadline' ? 'error' : 'warning';
}

/** One saved plan line, as the workspace stores it: the line it plans and the team's choice. */
export interface SavedLineChoice {
  /** The subscription id, or `sku:<skuId>` when only subscribedSkus is known (SourceLine.lineId). */
  lineId: string;
  targetSkuId: string | null;
  quantity: number;
}

export interface SavedLineRisk<K> {
  line: K;
  code: 'DATA_LOSS_RISK' | 'SEAT_SHORTFALL';
  severity: Severity;
  params: FindingParams;
}

/**
 * Data-loss risk and seat shortfall of the team's saved lines, through the engine's own per-line
 * pieces so the verdict is the one the plan screens show. Seats in use come from subscribedSkus as
 * the engine splits them over subscriptions; no users are read (they only refine the seats of a
 * SKU missing from subscribedSkus). A saved line of an older import has no source line here: the
 * plan screens ask the user to redo it, nothing to judge.
 */
export function savedLineRisks<K extends SavedLineChoice>(
  inventory: Omit<TenantInventory, 'users'>,
  partnerTenantId: string,
  saved: readonly K[],
  catalog: Catalog,
  asOf: LocalDate,
): SavedLineRisk<K>[] {
  const out: SavedLineRisk<K>[] = [];
  const sources = new Map(sourceLines({ ...inventory, users: [] }, partnerTenantId).map((l) => [l.lineId, l]));
  for (const line of saved) {
    const source = sources.get(line.lineId);
    if (!source) continue;
    const planned = planLine(source, catalog, asOf, { targetSkuId: line.targetSkuId, quantity: line.quantity });
    for (const f of lineFindings(planned, catalog)) {
      if (f.code === 'DATA_LOSS_RISK' || f.code === 'SEAT_SHORTFALL') out.push({ line, code: f.code, severity: f.severity, params: f.params });
    }
  }
  return out;
}
