// Saving the wizard's choices as the customer's plan: which named mutations to run, worked out
// before anything is written so a re-save updates the lines it has (never adds them twice) and
// every change is checked against its mutator's rules before the first one runs.
import { mutatorNamed } from '../../../shared/mutators/index';
import type { CustomerStage, Plan, PlanLine } from '../../../shared/workspace/tables';
import { CustomerStage as Stages } from '../../../shared/workspace/tables';
import { lineIdOf } from '../../workspace/customerPlan';

/** One line of the plan as the wizard decided it. */
export interface ChosenLine {
  lineId: string;
  subscriptionId: string | null;
  sourceSkuId: string;
  targetSkuId: string | null;
  quantity: number;
  orderDate: string | null;
}

export interface SaveInput {
  customer: { id: string; stage: CustomerStage };
  plan: Plan | null;
  savedLines: readonly PlanLine[];
  lines: readonly ChosenLine[];
  asOf: string;
  newId: () => string;
}

export interface Mutation {
  name: string;
  args: Record<string, unknown>;
  /** The engine line it concerns, to say which line a refused change was about. */
  lineId?: string;
}

export interface SavePlanSteps {
  mutations: Mutation[];
  added: number;
  updated: number;
  removed: number;
}

const READY_INDEX = Stages.options.indexOf('plan-ready');

export function planSaveMutations(input: SaveInput): SavePlanSteps {
  const mutations: Mutation[] = [];
  const planId = input.plan?.id ?? input.newId();
  if (!input.plan) mutations.push({ name: 'plan.create', args: { id: planId, customerId: input.customer.id, asOf: input.asOf } });

  // A line saved twice (two people saving the same plan offline) is kept once: the first wins.
  const saved = new Map<string, PlanLine>();
  const duplicates: PlanLine[] = [];
  for (const l of input.savedLines) {
    const id = lineIdOf(l);
    if (saved.has(id)) duplicates.push(l);
    else saved.set(id, l);
  }

  let added = 0;
  let updated = 0;
  const wanted = new Set<string>();
  for (const line of input.lines) {
    wanted.add(line.lineId);
    const existing = saved.get(line.lineId);
    if (!existing) {
      const id = input.newId();
      mutations.push({
        name: 'planLine.add',
        args: { id, planId, sourceSkuId: line.sourceSkuId, sourceSubscriptionId: line.subscriptionId, targetSkuId: line.targetSkuId, quantity: line.quantity },
        lineId: line.lineId,
      });
      if (line.orderDate) mutations.push({ name: 'plan.setOrderDate', args: { lineId: id, orderDate: line.orderDate }, lineId: line.lineId });
      added++;
      continue;
    }
    let changed = false;
    if (existing.targetSkuId !== line.targetSkuId || existing.quantity !== line.quantity) {
      mutations.push({ name: 'plan.setTarget', args: { lineId: existing.id, targetSkuId: line.targetSkuId, quantity: line.quantity }, lineId: line.lineId });
      changed = true;
    }
    if (existing.orderDate !== line.orderDate) {
      mutations.push({ name: 'plan.setOrderDate', args: { lineId: existing.id, orderDate: line.orderDate }, lineId: line.lineId });
      changed = true;
    }
    if (changed) updated++;
  }
  // Subscriptions gone from the refreshed tenant exports, and duplicates, leave the plan.
  const stale = [...[...saved.entries()].filter(([id]) => !wanted.has(id)).map(([, l]) => l), ...duplicates];
  for (const l of stale) mutations.push({ name: 'planLine.remove', args: { lineId: l.id }, lineId: lineIdOf(l) });

  const anyChange = !input.plan || added + updated + stale.length > 0;
  const status = input.plan?.status ?? 'draft';
  // A changed plan needs approving again; an ordered or finished one keeps its status.
  if (status === 'draft' || (status === 'approved' && anyChange)) mutations.push({ name: 'plan.setStatus', args: { id: planId, status: 'ready' } });
  if (Stages.options.indexOf(input.customer.stage) < READY_INDEX) mutations.push({ name: 'customer.setStage', args: { id: input.customer.id, stage: 'plan-ready' } });
  return { mutations, added, updated, removed: stale.length };
}

/** The first change its mutator would refuse for its arguments (null: all are well-formed). */
export function firstInvalid(mutations: readonly Mutation[]): { mutation: Mutation; message: string } | null {
  for (const m of mutations) {
    const mutator = mutatorNamed(m.name);
    if (!mutator) return { mutation: m, message: `unknown change ${m.name}` };
    const parsed = mutator.args.safeParse(m.args);
    if (!parsed.success) return { mutation: m, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  return null;
}
