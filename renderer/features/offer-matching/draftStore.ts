// The wizard's choices not saved yet, per customer and line: they survive moving between steps
// and lines, and are dropped once saved (the saved plan lines then carry them). Each draft keeps
// the line as it was when the person began (its values and stored version) and which fields they
// changed: saving sends only those, judged against that base (shared/mutators/planSave.ts).
import { create } from 'zustand';
import type { BillingFrequency, Term } from '../../../shared/domain/commerce';

export interface LineBase {
  /** The saved line's stored version when the draft began (0: the line was not saved yet). */
  version: number;
  targetSkuId: string | null;
  quantity: number;
  orderDate: string | null;
  term: Term;
  billingFrequency: BillingFrequency;
}

export interface LineDraft {
  /** null: the engine's proposal. */
  targetSkuId: string | null;
  quantity: number;
  /** null: not planned. */
  orderDate: string | null;
  /** The new order's term and how often it is billed. */
  term: Term;
  billingFrequency: BillingFrequency;
  base: LineBase;
  /** The fields the person changed from `base`. */
  changed: { targetSkuId: boolean; quantity: boolean; orderDate: boolean; term: boolean; billingFrequency: boolean };
}

type Drafts = Record<string, Record<string, LineDraft>>;

interface DraftStore {
  drafts: Drafts;
  setDraft: (customerId: string, lineId: string, draft: LineDraft) => void;
  clear: (customerId: string) => void;
}

export const useDraftStore = create<DraftStore>()((set) => ({
  drafts: {},
  setDraft: (customerId, lineId, draft) => set((s) => ({ drafts: { ...s.drafts, [customerId]: { ...s.drafts[customerId], [lineId]: draft } } })),
  clear: (customerId) =>
    set((s) => {
      const { [customerId]: _dropped, ...rest } = s.drafts;
      return { drafts: rest };
    }),
}));

const NONE: Record<string, LineDraft> = {};

export function useCustomerDrafts(customerId: string | null): Record<string, LineDraft> {
  return useDraftStore((s) => (customerId ? (s.drafts[customerId] ?? NONE) : NONE));
}
