// Saving the wizard's choices as the customer's plan: ONE `plan.save` change (its status and stage
// rules run in the mutator, on the server too). A line saved before sends only the fields the
// person changed in its draft, with the version of the line the draft was made from as its base:
// a teammate's change made meanwhile is kept, or becomes a conflict both see, never overwritten.
import { PlanSaveArgs, type PlanSaveArgs as PlanSaveInput } from '../../../shared/mutators/planSave';
import { recordKey } from '../../../shared/sync/protocol';
import type { BillingFrequency, Term } from '../../../shared/domain/commerce';
import { withDefaults, type Plan, type PlanLine } from '../../../shared/workspace/tables';
import { lineIdOf } from '../../engine/customerPlan';
import type { LineDraft } from './draftStore';

/** One line of the plan as the wizard decided it (effective values: the engine's proposal resolved). */
export interface ChosenLine {
  lineId: string;
  subscriptionId: string | null;
  sourceSkuId: string;
  targetSkuId: string | null;
  quantity: number;
  orderDate: string | null;
  term: Term;
  billingFrequency: BillingFrequency;
  /** The person's unsaved choice for the line (what it changed, from which base), if any. */
  draft: LineDraft | null;
}

export interface SaveInput {
  customerId: string;
  plan: Plan | null;
  savedLines: readonly PlanLine[];
  lines: readonly ChosenLine[];
  asOf: string;
  newId: () => string;
}

export interface PlanSave {
  args: PlanSaveInput;
  /** `planLines/<id>` -> the version each changed line's draft was made from. */
  baseVersions: Record<string, number>;
  added: number;
  updated: number;
  removed: number;
  /** The wizard line each entry of `args.add` and `args.change` is about, to name a refused one. */
  lineIds: { add: string[]; change: string[] };
}

export function planSave(input: SaveInput): PlanSave {
  const planId = input.plan?.id ?? input.newId();
  // A line saved twice (two people saving the same plan offline) is kept once: the first wins.
  const saved = new Map<string, PlanLine>();
  const duplicates: PlanLine[] = [];
  for (const l of input.savedLines) {
    const id = lineIdOf(l);
    if (saved.has(id)) duplicates.push(l);
    else saved.set(id, l);
  }
  const args: Required<Pick<PlanSaveInput, 'add' | 'change' | 'remove'>> & PlanSaveInput = { customerId: input.customerId, planId, asOf: input.asOf, add: [], change: [], remove: [] };
  const baseVersions: Record<string, number> = {};
  const lineIds = { add: [] as string[], change: [] as string[] };
  const wanted = new Set<string>();
  for (const line of input.lines) {
    wanted.add(line.lineId);
    const existing = saved.get(line.lineId);
    if (!existing) {
      args.add.push({
        id: input.newId(),
        sourceSkuId: line.sourceSkuId,
        sourceSubscriptionId: line.subscriptionId,
        targetSkuId: line.targetSkuId,
        quantity: line.quantity,
        orderDate: line.orderDate,
        term: line.term,
        billingFrequency: line.billingFrequency,
      });
      lineIds.add.push(line.lineId);
      continue;
    }
    const changed = line.draft?.changed;
    if (!line.draft || !changed) continue;
    // A line saved by an older version has no term: it reads as annual, paid annually.
    const current = withDefaults('planLines', existing);
    const fields = {
      ...(changed.targetSkuId && line.targetSkuId !== existing.targetSkuId ? { targetSkuId: line.targetSkuId } : {}),
      ...(changed.quantity && line.quantity !== existing.quantity ? { quantity: line.quantity } : {}),
      ...(changed.orderDate && line.orderDate !== existing.orderDate ? { orderDate: line.orderDate } : {}),
      ...(changed.term && line.term !== current.term ? { term: line.term } : {}),
      ...(changed.billingFrequency && line.billingFrequency !== current.billingFrequency ? { billingFrequency: line.billingFrequency } : {}),
    };
    if (Object.keys(fields).length === 0) continue;
    args.change.push({ id: existing.id, fields });
    baseVersions[recordKey('planLines', existing.id)] = line.draft.base.version;
    lineIds.change.push(line.lineId);
  }
  // Subscriptions gone from the refreshed tenant exports, and duplicates, leave the plan.
  const stale = [...[...saved.entries()].filter(([id]) => !wanted.has(id)).map(([, l]) => l), ...duplicates];
  args.remove = stale.map((l) => l.id);
  return { args, baseVersions, added: args.add.length, updated: args.change.length, removed: stale.length, lineIds };
}

/** True when saving would write nothing (a plan that exists, no line added, changed or removed). */
export function nothingToSave(save: PlanSave, plan: Plan | null): boolean {
  return plan !== null && plan.status !== 'draft' && save.added + save.updated + save.removed === 0;
}

/** The first problem the mutator's schema would refuse, and the wizard line it is about (null: well-formed). */
export function firstInvalid(save: PlanSave): { lineId: string | null; message: string } | null {
  const parsed = PlanSaveArgs.safeParse(save.args);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const [list, index] = issue.path;
  const lineId = (list === 'add' || list === 'change') && typeof index === 'number' ? (save.lineIds[list][index] ?? null) : null;
  return { lineId, message: `${issue.path.slice(2).join('.') || issue.path.join('.')}: ${issue.message}` };
}
