// The plan as the wizard shows it: the stored data with the saved lines, the choices not saved yet
// laid over them, computed by the same engine call every screen uses (customerPlan.computePlan).
import type { Finding, PlannedLine, TenantPlan } from '../../../shared/domain/engine';
import type { BillingFrequency, Term } from '../../../shared/domain/commerce';
import { withDefaults, type PlanLine } from '../../../shared/workspace/tables';
import { computePlan, lineIdOf, today, type CustomerData } from '../../engine/customerPlan';
import type { LineDraft } from './draftStore';
import { suggestedOrderDate } from '../../../shared/domain/engine';
import type { ChosenLine } from './savePlan';

export interface WizardLine {
  planned: PlannedLine;
  findings: Finding[];
  /** The line's saved row, if the plan has one. */
  saved: PlanLine | null;
  /** Its stored version (0: not saved). */
  savedVersion: number;
  draft: LineDraft | null;
  /** The order date the plan will carry: unsaved choice, else saved, else the suggested one. */
  orderDate: string | null;
  suggestedOrderDate: string | null;
  /** The term and billing frequency the plan will carry: unsaved choice, else saved, else annual paid annually. */
  term: Term;
  billingFrequency: BillingFrequency;
}

/** A new order's term unless someone chooses another: annual, paid annually (new commerce's default). */
export const DEFAULT_TERM: { term: Term; billingFrequency: BillingFrequency } = { term: 'P1Y', billingFrequency: 'annual' };

export interface WizardPlan {
  asOf: string;
  plan: TenantPlan;
  lines: WizardLine[];
  /** Findings about the whole tenant (region, the 150-subscription limit). */
  tenantFindings: Finding[];
  unsaved: number;
}

export function wizardPlan(data: CustomerData, drafts: Readonly<Record<string, LineDraft>>): WizardPlan {
  const asOf = data.plan?.asOf ?? today();
  const saved = new Map<string, PlanLine>();
  for (const l of data.planLines) if (!saved.has(lineIdOf(l))) saved.set(lineIdOf(l), l);
  // Unsaved choices stand in for saved lines: the engine sees one override per line either way.
  const withDrafts: PlanLine[] = [...saved.entries()].map(([id, l]) => {
    const d = drafts[id];
    // Only what the person changed stands in: a teammate's change to another field shows through.
    return d ? { ...l, targetSkuId: d.changed.targetSkuId ? d.targetSkuId : l.targetSkuId, quantity: d.changed.quantity ? d.quantity : l.quantity } : l;
  });
  for (const [lineId, d] of Object.entries(drafts)) {
    if (saved.has(lineId)) continue;
    const sku = lineId.startsWith('sku:') ? lineId.slice(4) : null;
    withDrafts.push({
      id: `draft:${lineId}`,
      planId: 'draft',
      customerId: data.customer.id,
      sourceSkuId: sku ?? '',
      sourceSubscriptionId: sku ? null : lineId,
      targetSkuId: d.targetSkuId,
      quantity: d.quantity,
      orderDate: d.orderDate,
      decisionNote: '',
    });
  }
  const plan = computePlan({ ...data, planLines: withDrafts }, asOf);
  const byLine = new Map<string, Finding[]>();
  const tenantFindings: Finding[] = [];
  for (const f of plan.findings) {
    if (!f.lineId) tenantFindings.push(f);
    else byLine.set(f.lineId, [...(byLine.get(f.lineId) ?? []), f]);
  }
  const lines = plan.lines.map((planned): WizardLine => {
    const s = saved.get(planned.lineId) ?? null;
    const draft = drafts[planned.lineId] ?? null;
    const suggested = suggestedOrderDate(planned.expires, asOf);
    const savedTerm = s ? withDefaults('planLines', s) : DEFAULT_TERM;
    return {
      planned,
      findings: byLine.get(planned.lineId) ?? [],
      saved: s,
      savedVersion: s ? (data.planLineVersions[s.id] ?? 0) : 0,
      draft,
      orderDate: draft && (draft.changed.orderDate || !s) ? draft.orderDate : s ? s.orderDate : suggested,
      suggestedOrderDate: suggested,
      // Only what the person changed stands in, as for the other fields.
      term: draft && (draft.changed.term || !s) ? draft.term : savedTerm.term,
      billingFrequency: draft && (draft.changed.billingFrequency || !s) ? draft.billingFrequency : savedTerm.billingFrequency,
    };
  });
  return { asOf, plan, lines, tenantFindings, unsaved: lines.filter((l) => l.draft).length };
}

/** What saving writes for each line: the effective target, quantity, order date, term and billing frequency. */
export function chosenLines(wizard: WizardPlan): ChosenLine[] {
  return wizard.lines.map(({ planned, orderDate, term, billingFrequency, draft }) => ({
    lineId: planned.lineId,
    subscriptionId: planned.subscriptionId,
    sourceSkuId: planned.sourceSkuId,
    targetSkuId: planned.match.targetSkuId,
    quantity: planned.targetQuantity,
    orderDate,
    term,
    billingFrequency,
    draft,
  }));
}
