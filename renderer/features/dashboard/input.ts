// What the dashboard reads: every table it needs, in bulk (a handful of reads for the whole
// workspace, never one query per customer), so 10,000 customers stay one pass of plain data. Read
// in two steps: the overview first (small rows), then what the saved plans' checks need (the
// subscribedSkus rows carry every service plan: the heaviest rows of the workspace).
import type { Catalog } from '../../../shared/domain/engine';
import type { SummaryWorld } from '../../../shared/domain/summary';
import type {
  Conflict,
  Customer,
  CustomerSummary,
  FindingAck,
  Invitation,
  PartnerProfile,
  Plan,
  PlanLine,
  TenantSkuRow,
  TenantSubscriptionRow,
} from '../../../shared/workspace/tables';

export interface DashboardInput {
  /** By name (customersByName's order). */
  customers: Customer[];
  partner: PartnerProfile | null;
  /** Only the records an open conflict is about (to find its customer). */
  plans: Plan[];
  planLines: PlanLine[];
  invitations: Invitation[];
  /** Open conflicts only. */
  conflicts: Conflict[];
  /** Rows of each customer's current (committed) import only. */
  subscriptions: TenantSubscriptionRow[];
  /** The catalog's names of the SKUs those subscriptions are of (none without a catalog): people read names, not part numbers. */
  products: ProductNameRow[];
  /** The customers' summaries and what decides whether each holds (absent: the checks are read in a second step). */
  summaries?: SummaryInput;
}

/** What the saved plans' checks read instead of the heavy rows: the summaries the mutators keep. */
export interface SummaryInput {
  summaries: CustomerSummary[];
  /** Every plan's id and customer: each customer's newest plan is the one that counts. */
  plans: Pick<Plan, 'id' | 'customerId'>[];
  findingAcks: FindingAck[];
  world: SummaryWorld;
}

/** One catalog product's name, by SKU id and part number (format.ts productNamesOf reads these). */
export interface ProductNameRow {
  skuId: string;
  partNumber: string;
  name: string;
}

/** The second step: for the saved plan lines' data-loss and seat checks. */
export interface PlanCheckInput {
  /** Every plan and plan line: each customer's newest plan's lines are the ones checked. */
  plans: Plan[];
  planLines: PlanLine[];
  /** Rows of the current import of the customers whose newest plan has lines (the seat math needs them). */
  skus: TenantSkuRow[];
  /** The prepared catalog, or null when none was imported. */
  catalog: Catalog | null;
  /** Findings the team acknowledged on purpose: no longer something to fix. */
  findingAcks: FindingAck[];
}
