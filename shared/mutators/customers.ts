import { z } from 'zod';
import { BILLING_ACCOUNTS } from '../domain/commerce';
import { Channel, CountryCode, Customer, CustomerAgreement, CustomerStage, Guid, IMPORTABLE_FIELDS, Id, OwnSubscription, type FieldSource, type ImportableField } from '../workspace/tables';
import { MutationError, defineMutator, mustGet, type ReadTx } from './define';
import { activity } from './activityCodes';

/** The importable details a person gave, marked as theirs: an import never overwrites them. */
function personSources(values: Partial<Record<ImportableField, string | undefined>>, at: string): Partial<Record<ImportableField, FieldSource>> {
  const out: Partial<Record<ImportableField, FieldSource>> = {};
  for (const f of IMPORTABLE_FIELDS) {
    const v = values[f];
    if (v !== undefined && v !== '' && !(f === 'channel' && v === 'unknown')) out[f] = { by: 'person', at };
  }
  return out;
}

export const customerCreate = defineMutator({
  name: 'customer.create',
  args: z
    .object({
      id: Id,
      name: z.string().trim().min(1).max(200),
      domain: z.string().trim().max(253).default(''),
      tenantId: Guid.or(z.literal('')).default(''),
      country: CountryCode.or(z.literal('')).default(''),
      channel: Channel.default('unknown'),
    })
    .strict(),
  permission: 'customer.edit',
  describe: (a) => activity('customer.create', { name: a.name }),
  async run(tx, a, ctx) {
    if (await tx.get('customers', a.id)) throw new MutationError('INVALID', 'customer.exists', { id: a.id });
    const fieldSources = personSources(a, ctx.now);
    await tx.put('customers', Customer.parse({ ...a, stage: 'not-started', notes: '', createdAt: ctx.now, tenantImportId: null, ...(Object.keys(fieldSources).length > 0 ? { fieldSources } : {}) }));
    return a.id;
  },
});

export const customerUpdate = defineMutator({
  name: 'customer.update',
  args: z
    .object({
      id: Id,
      name: z.string().trim().min(1).max(200).optional(),
      domain: z.string().trim().max(253).optional(),
      tenantId: Guid.or(z.literal('')).optional(),
      country: CountryCode.or(z.literal('')).optional(),
      channel: Channel.optional(),
      notes: z.string().max(20_000).optional(),
    })
    .strict(),
  permission: 'customer.edit',
  describe: (a) => {
    return activity('customer.update', { fields: Object.keys(a).filter((k) => k !== 'id') });
  },
  async run(tx, { id, ...patch }, ctx) {
    const customer = await mustGet(tx, 'customers', id);
    // A detail a person edits is theirs from now on, even cleared: the next import may fill it only if empty.
    const touched = IMPORTABLE_FIELDS.filter((f) => patch[f] !== undefined);
    const fieldSources = touched.length > 0 ? { ...customer.fieldSources, ...Object.fromEntries(touched.map((f) => [f, { by: 'person', at: ctx.now }])) } : undefined;
    await tx.update('customers', id, { ...patch, ...(fieldSources ? { fieldSources } : {}) });
    return id;
  },
});

export const customerSetStage = defineMutator({
  name: 'customer.setStage',
  args: z.object({ id: Id, stage: CustomerStage }).strict(),
  permission: 'customer.edit',
  describe: (a) => activity('customer.setStage', { stage: a.stage }),
  async run(tx, a) {
    await mustGet(tx, 'customers', a.id);
    await tx.update('customers', a.id, { stage: a.stage });
    return a.id;
  },
});

export const customerDelete = defineMutator({
  name: 'customer.delete',
  args: z.object({ id: Id }).strict(),
  permission: 'customer.edit',
  describe: () => activity('customer.delete'),
  async run(tx, a) {
    await mustGet(tx, 'customers', a.id);
    for (const inv of await tx.query('invitations', 'customerId', a.id)) await tx.delete('invitations', inv.id);
    for (const line of await tx.query('planLines', 'customerId', a.id)) await tx.delete('planLines', line.id);
    for (const plan of await tx.query('plans', 'customerId', a.id)) await tx.delete('plans', plan.id);
    // Imported rows are found through the customer's imports (their one index is the import id).
    for (const imported of await tx.query('imports', 'customerId', a.id)) {
      for (const table of ['tenantSkus', 'tenantSubscriptions', 'tenantUsers', 'tenantUserChunks'] as const) {
        for (const row of await tx.query(table, 'importId', imported.id)) await tx.delete(table, row.id);
      }
      await tx.delete('imports', imported.id);
    }
    await tx.delete('customers', a.id);
    return a.id;
  },
});

// Billing account and agreement are facts about the customer the account managers record: the
// roles that edit customers (admin and sales agents, DOMAIN.md rule 9).
export const customerSetBillingAccount = defineMutator({
  name: 'customer.setBillingAccount',
  args: z.object({ id: Id, billingAccount: z.enum(BILLING_ACCOUNTS) }).strict(),
  permission: 'customer.edit',
  describe: (a) => activity('customer.setBillingAccount', { account: a.billingAccount }),
  async run(tx, a) {
    await mustGet(tx, 'customers', a.id);
    await tx.update('customers', a.id, { billingAccount: a.billingAccount });
    return a.id;
  },
});

export const customerRecordAgreement = defineMutator({
  name: 'customer.recordAgreement',
  args: z.object({ id: Id, acceptedOn: CustomerAgreement.shape.acceptedOn, attestedBy: CustomerAgreement.shape.attestedBy }).strict(),
  permission: 'customer.edit',
  describe: (a) => activity('customer.recordAgreement', { date: a.acceptedOn, person: a.attestedBy }),
  async run(tx, a, ctx) {
    await mustGet(tx, 'customers', a.id);
    if (a.acceptedOn > ctx.now.slice(0, 10)) {
      throw new MutationError('INVALID', 'customer.agreementInFuture', { date: a.acceptedOn });
    }
    await tx.update('customers', a.id, { agreement: { acceptedOn: a.acceptedOn, attestedBy: a.attestedBy } });
    return a.id;
  },
});

export const customerClearAgreement = defineMutator({
  name: 'customer.clearAgreement',
  args: z.object({ id: Id }).strict(),
  permission: 'customer.edit',
  describe: () => activity('customer.clearAgreement'),
  async run(tx, a) {
    await mustGet(tx, 'customers', a.id);
    await tx.update('customers', a.id, { agreement: null });
    return a.id;
  },
});

/**
 * Every customer of the workspace. There is no index on tenantId on the app's side (Dexie), so the
 * customers are read through the stage index, which both storages have: seven indexed reads.
 */
function allCustomers(tx: ReadTx): Promise<Customer[]> {
  return tx.all('customers');
}

export const MAX_CUSTOMERS_PER_LIST = 2000;


/**
 * Customers from Partner Center's customer list, in one change: the activity has one entry for the
 * list. A tenant id already in the workspace when the change runs (on the server: after a
 * teammate's import of the same list) is skipped and said, never doubled.
 */
export const customerCreateMany = defineMutator({
  name: 'customer.createMany',
  args: z
    .object({
      file: z.string().max(260),
      customers: z
        .array(
          z
            .object({
              id: Id,
              name: z.string().trim().min(1).max(200),
              domain: z.string().trim().max(253).default(''),
              tenantId: Guid,
              /** ISO 3166 alpha-2, as customer.create takes it; absent in lists from apps before it was sent. */
              country: CountryCode.or(z.literal('')).optional(),
              /** A reseller relationship in Partner Center: the invitation was accepted. */
              stage: z.enum(['not-started', 'accepted']).default('not-started'),
            })
            .strict(),
        )
        .min(1)
        .max(MAX_CUSTOMERS_PER_LIST),
    })
    .strict(),
  permission: 'customer.edit',
  describe: (a) => activity('customer.createMany', { count: a.customers.length, file: a.file }),
  async run(tx, a, ctx) {
    const inFile = new Set<string>();
    for (const c of a.customers) {
      if (inFile.has(c.tenantId)) throw new MutationError('INVALID', 'customer.tenantTwice', { tenantId: c.tenantId });
      inFile.add(c.tenantId);
    }
    const known = new Map((await allCustomers(tx)).filter((c) => c.tenantId !== '').map((c) => [c.tenantId, c.name]));
    const skipped: string[] = [];
    let created = 0;
    for (const c of a.customers) {
      if (known.has(c.tenantId)) {
        skipped.push(c.name);
        continue;
      }
      if (await tx.get('customers', c.id)) throw new MutationError('INVALID', 'customer.exists', { id: c.id });
      const source: FieldSource = { by: 'import', at: ctx.now, file: a.file };
      const country = c.country ?? '';
      const fieldSources: Partial<Record<ImportableField, FieldSource>> = { tenantId: source, ...(c.domain ? { domain: source } : {}), ...(country ? { country: source } : {}) };
      await tx.put(
        'customers',
        Customer.parse({ id: c.id, name: c.name, domain: c.domain, tenantId: c.tenantId, country, channel: 'unknown', stage: c.stage, notes: '', createdAt: ctx.now, tenantImportId: null, fieldSources }),
      );
      created++;
    }
    // The first five names skipped are shown; `skipped` counts them all.
    return { customerId: null, summary: activity('customer.createManyFromList', { count: created, file: a.file, skipped: skipped.length, skippedNames: skipped.slice(0, 5) }) };
  },
});

/**
 * The partner's own subscriptions for the customer, from Partner Center (its subscriptions export or
 * the API's subscriptions JSON): they replace the list held before as a whole, so a re-export never
 * doubles a line. The engine keeps these lines rather than planning to move them.
 */
export const customerSetOwnSubscriptions = defineMutator({
  name: 'customer.setOwnSubscriptions',
  args: z.object({ id: Id, file: z.string().max(260), subscriptions: z.array(OwnSubscription).max(2000) }).strict(),
  permission: 'tenant.import',
  describe: (a) => activity('customer.setOwnSubscriptions', { count: a.subscriptions.length, file: a.file }),
  async run(tx, a, ctx) {
    await mustGet(tx, 'customers', a.id);
    const ids = new Set<string>();
    for (const s of a.subscriptions) {
      const id = s.id.trim().toLowerCase();
      if (ids.has(id)) throw new MutationError('INVALID', 'customer.subscriptionTwice', { id });
      ids.add(id);
    }
    await tx.update('customers', a.id, {
      ownSubscriptions: { file: a.file, at: ctx.now, by: ctx.actor.name, items: a.subscriptions.map((s) => ({ ...s, id: s.id.trim().toLowerCase() })) },
    });
    return a.id;
  },
});
