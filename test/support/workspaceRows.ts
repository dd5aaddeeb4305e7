// Workspace rows as a test starts from them: the defaults a new record has, and what the case at
// hand changes.
import type { Customer } from '../../shared/workspace/tables';

/** A customer as customer.create leaves it (Contoso, in Japan, nothing imported), with `over` on top. */
export function customerRow(over: Partial<Customer> = {}): Customer {
  return {
    id: 'c1',
    name: 'Contoso',
    domain: '',
    tenantId: '',
    country: 'JP',
    channel: 'unknown',
    stage: 'not-started',
    notes: '',
    createdAt: '2026-01-01T00:00:00Z',
    tenantImportId: null,
    ...over,
  };
}
