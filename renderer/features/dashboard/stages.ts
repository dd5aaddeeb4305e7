// Customers per migration stage, in the order of the move (DOMAIN.md, "The move, step by step").
import { CustomerStage, type Customer } from '../../../shared/workspace/tables';

export const STAGES: readonly CustomerStage[] = CustomerStage.options;

/** What the stage lists show of a customer (and what moving it to another stage needs). */
export type StageCustomer = Pick<Customer, 'id' | 'name' | 'country' | 'stage'>;

export interface StageGroup<C extends StageCustomer = StageCustomer> {
  stage: CustomerStage;
  /** In the order given (by name when read with customersByName). */
  customers: C[];
}

export function groupByStage<C extends StageCustomer>(customers: readonly C[]): StageGroup<C>[] {
  const groups = new Map<CustomerStage, C[]>(STAGES.map((s) => [s, []]));
  for (const c of customers) groups.get(c.stage)?.push(c);
  return STAGES.map((stage) => ({ stage, customers: groups.get(stage) ?? [] }));
}
