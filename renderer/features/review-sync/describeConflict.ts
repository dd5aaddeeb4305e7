// A conflict in words: which customer (or plan, invitation...) it is about, the field by its name
// on screen, and the two values as the screens show them (a stage by its name, not its code).
import type { Conflict } from '../../../shared/workspace/tables';
import type { WorkspaceDatabase } from '../../db/database';

export interface ConflictView {
  conflict: Conflict;
  /** The customer the record belongs to, when it can be found. */
  customerName: string | null;
  /** i18n key of the field's label (sync.field.*), or null to show the field's code. */
  fieldKey: string | null;
  current: { text: string; key: string | null };
  proposed: { text: string; key: string | null };
}

const fieldKeys: Record<string, Record<string, string>> = {
  customers: { stage: 'sync.field.stage' },
  invitations: { status: 'sync.field.invitationStatus', delegatedAdmin: 'sync.field.delegatedAdmin' },
  plans: { status: 'sync.field.planStatus', asOf: 'sync.field.asOf', approvedBy: 'sync.field.approvedBy' },
  planLines: { targetSkuId: 'sync.field.target', quantity: 'sync.field.quantity', orderDate: 'sync.field.orderDate' },
  catalogMarks: { discontinued: 'sync.field.discontinued' },
};

/** Values that have a translated name: a customer stage. Everything else is shown as it is. */
function valueOf(table: string, field: string, value: unknown): { text: string; key: string | null } {
  if (table === 'customers' && field === 'stage' && typeof value === 'string') return { text: value, key: `customers.stage.${value}` };
  if (value === null || value === undefined) return { text: '–', key: null };
  return { text: typeof value === 'string' ? value : JSON.stringify(value), key: null };
}

async function customerOf(db: WorkspaceDatabase, c: Conflict): Promise<string | null> {
  const table = c.table;
  let customerId: string | null = null;
  if (table === 'customers') customerId = c.recordId;
  else if (table === 'invitations' || table === 'plans' || table === 'planLines') {
    const row = (await db.table(table).get(c.recordId)) as { customerId?: string } | undefined;
    customerId = row?.customerId ?? null;
  }
  if (!customerId) return null;
  return (await db.customers.get(customerId))?.name ?? null;
}

export async function describeConflicts(db: WorkspaceDatabase, conflicts: readonly Conflict[]): Promise<ConflictView[]> {
  return Promise.all(
    conflicts.map(async (conflict) => ({
      conflict,
      customerName: await customerOf(db, conflict),
      fieldKey: fieldKeys[conflict.table]?.[conflict.field] ?? null,
      current: valueOf(conflict.table, conflict.field, conflict.current.value),
      proposed: valueOf(conflict.table, conflict.field, conflict.proposed.value),
    })),
  );
}
