import { z } from 'zod';
import { Channel, CountryCode, Customer, CustomerStage, Guid, Id } from '../workspace/tables';
import { MutationError, defineMutator, mustGet } from './define';

export const createCustomer = defineMutator({
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
  describe: (a) => `Created customer ${a.name}`,
  async run(tx, a, ctx) {
    if (await tx.get('customers', a.id)) throw new MutationError('invalid', `customer ${a.id} already exists`);
    await tx.put('customers', Customer.parse({ ...a, stage: 'not-started', notes: '', createdAt: ctx.now, tenantImportId: null }));
    return a.id;
  },
});

export const updateCustomer = defineMutator({
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
  describe: (a) => `Edited customer details (${Object.keys(a).filter((k) => k !== 'id').join(', ')})`,
  async run(tx, { id, ...patch }) {
    await mustGet(tx, 'customers', id);
    await tx.update('customers', id, patch);
    return id;
  },
});

export const setCustomerStage = defineMutator({
  name: 'customer.setStage',
  args: z.object({ id: Id, stage: CustomerStage }).strict(),
  permission: 'customer.edit',
  describe: (a) => `Moved the customer to the stage "${a.stage}"`,
  async run(tx, a) {
    await mustGet(tx, 'customers', a.id);
    await tx.update('customers', a.id, { stage: a.stage });
    return a.id;
  },
});

export const deleteCustomer = defineMutator({
  name: 'customer.delete',
  args: z.object({ id: Id }).strict(),
  permission: 'customer.edit',
  describe: () => 'Deleted the customer and its plans, invitations and imported inventory',
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
