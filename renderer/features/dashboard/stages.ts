// Customers per migration stage, in the order of the move (DOMAIN.md, "The move, step by step").
import { CustomerStage, type Customer } from '../../../shared/workspace/tables';

export const STAGES: readonly CustomerStage[] = CustomerStage.options;

export interface StageGroup {
  stage: CustomerStage;
  /** In the order given (by name when read with customersByStage). */
  customers: Customer[];
}

export function groupByStage(customers: readonly Customer[]): StageGroup[] {
  const groups = new Map<CustomerStage, Customer[]>(STAGES.map((s) => [s, []]));
  for (const c of customers) groups.get(c.stage)?.push(c);
  return STAGES.map((stage) => ({ stage, customers: groups.get(stage) ?? [] }));
}
