// A conflict in words: which customer (and which plan line) it is about, the field by its name on
// screen, and the two values as the screens show them: a stage or a status by its name, a product
// by its catalog name, a quantity as a number, a date as a date. Never an id.
import { formatCount } from '../../../shared/domain/format';
import type { Conflict } from '../../../shared/workspace/tables';
import type { WorkspaceDatabase } from '../../db/database';
import { INVITATION_STATUS_WORDS, PLAN_STATUS_WORDS, STAGE_WORDS, wordOf, type Translate } from '../../words/labels';

/** A value to show: the text itself, or its words in the reader's language (literal keys: eslint/i18nKeys.js). */
export interface ShownValue {
  text: string;
  say: ((t: Translate) => string) | null;
}

export interface ConflictView {
  conflict: Conflict;
  /** The customer the record belongs to, when it can be found. */
  customerName: string | null;
  /** For a plan line: the product it moves (catalog name, else part number), when known. */
  lineProduct: string | null;
  /** The field's label (sync.field.*), or null to show the field's code. */
  field: ((t: Translate) => string) | null;
  current: ShownValue;
  proposed: ShownValue;
}

const fieldWords: Record<string, Record<string, (t: Translate) => string>> = {
  customers: { stage: (t) => t('sync.field.stage') },
  invitations: { status: (t) => t('sync.field.invitationStatus'), delegatedAdmin: (t) => t('sync.field.delegatedAdmin') },
  plans: { status: (t) => t('sync.field.planStatus'), asOf: (t) => t('sync.field.asOf'), approvedBy: (t) => t('sync.field.approvedBy') },
  planLines: { targetSkuId: (t) => t('sync.field.target'), quantity: (t) => t('sync.field.quantity'), orderDate: (t) => t('sync.field.orderDate') },
  catalogMarks: { discontinued: (t) => t('sync.field.discontinued') },
};

/** The product a SKU id stands for: its catalog name and part number, else the tenant's part number. */
async function productName(db: WorkspaceDatabase, skuId: string, customerId: string | null): Promise<string | null> {
  const state = await db.catalogState.get('catalog');
  const sku = state?.importId ? await db.catalogSkus.get(`${state.importId}:${skuId.toLowerCase()}`) : undefined;
  if (sku) return `${sku.name} (${sku.partNumber})`;
  if (customerId) {
    const customer = await db.customers.get(customerId);
    if (customer?.tenantImportId) {
      const tenantSku = (await db.tenantSkus.where('importId').equals(customer.tenantImportId).toArray()).find((s) => s.skuId.toLowerCase() === skuId.toLowerCase());
      if (tenantSku) return tenantSku.skuPartNumber;
    }
  }
  return null;
}

async function valueOf(db: WorkspaceDatabase, c: Conflict, value: unknown, customerId: string | null): Promise<ShownValue> {
  const { table, field } = c;
  if (table === 'customers' && field === 'stage' && typeof value === 'string') return { text: value, say: (t) => wordOf(STAGE_WORDS, value, t) };
  if (table === 'plans' && field === 'status' && typeof value === 'string') return { text: value, say: (t) => wordOf(PLAN_STATUS_WORDS, value, t) };
  if (table === 'invitations' && field === 'status' && typeof value === 'string') return { text: value, say: (t) => wordOf(INVITATION_STATUS_WORDS, value, t) };
  if (table === 'planLines' && field === 'targetSkuId') {
    if (value === null || value === undefined) return { text: '', say: (t) => t('sync.value.proposedTarget') };
    const name = typeof value === 'string' ? await productName(db, value, customerId) : null;
    return name ? { text: name, say: null } : { text: '', say: (t) => t('sync.value.unknownProduct') };
  }
  if (table === 'planLines' && field === 'orderDate' && value === null) return { text: '', say: (t) => t('sync.value.notPlanned') };
  if (typeof value === 'number') return { text: formatCount(value, document.documentElement.lang || 'en'), say: null };
  if (value === null || value === undefined) return { text: '–', say: null };
  return { text: typeof value === 'string' ? value : JSON.stringify(value), say: null };
}

async function ownerOf(db: WorkspaceDatabase, c: Conflict): Promise<{ customerId: string | null; sourceSkuId: string | null }> {
  if (c.table === 'customers') return { customerId: c.recordId, sourceSkuId: null };
  if (c.table === 'invitations' || c.table === 'plans' || c.table === 'planLines') {
    const row = (await db.table(c.table).get(c.recordId)) as { customerId?: string; sourceSkuId?: string } | undefined;
    return { customerId: row?.customerId ?? null, sourceSkuId: row?.sourceSkuId ?? null };
  }
  return { customerId: null, sourceSkuId: null };
}

export async function describeConflicts(db: WorkspaceDatabase, conflicts: readonly Conflict[]): Promise<ConflictView[]> {
  return Promise.all(
    conflicts.map(async (conflict) => {
      const { customerId, sourceSkuId } = await ownerOf(db, conflict);
      return {
        conflict,
        customerName: customerId ? ((await db.customers.get(customerId))?.name ?? null) : null,
        lineProduct: sourceSkuId ? await productName(db, sourceSkuId, customerId) : null,
        field: fieldWords[conflict.table]?.[conflict.field] ?? null,
        current: await valueOf(db, conflict, conflict.current.value, customerId),
        proposed: await valueOf(db, conflict, conflict.proposed.value, customerId),
      };
    }),
  );
}
