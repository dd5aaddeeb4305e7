// What the dashboard reads: every table it needs, in bulk (a handful of reads for the whole
// workspace, never one query per customer), so 10,000 customers stay one pass of plain data.
import type { Catalog } from '../../../shared/domain/engine';
import type {
  Conflict,
  Customer,
  Invitation,
  PartnerProfile,
  Plan,
  PlanLine,
  TenantSkuRow,
  TenantSubscriptionRow,
} from '../../../shared/workspace/tables';

export interface DashboardInput {
  /** By name (customersByStage's order). */
  customers: Customer[];
  partner: PartnerProfile | null;
  plans: Plan[];
  planLines: PlanLine[];
  invitations: Invitation[];
  /** Open conflicts only. */
  conflicts: Conflict[];
  /** Rows of each customer's current (committed) import only. */
  subscriptions: TenantSubscriptionRow[];
  /** Rows of the current import of the customers whose newest plan has lines (the seat math needs them). */
  skus: TenantSkuRow[];
  /** The prepared catalog, or null when no plan line needs it (or none was imported). */
  catalog: Catalog | null;
}
