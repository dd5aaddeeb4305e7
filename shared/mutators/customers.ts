import { z } from 'zod';
import { BILLING_ACCOUNTS } from '../domain/commerce';
import { Channel, CountryCode, Customer, CustomerAgreement, CustomerStage, Guid, Id } from '../workspace/tables';
import { MutationError, defineMutator, mustGet } from './define';
import { billingAccountWords, customerFieldJa, fieldsJa, stageJa } from './words';

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
  describe: (a) => ({ en: `Created customer ${a.name}`, ja: `顧客「${a.name}」を作成しました` }),
  async run(tx, a, ctx) {
    if (await tx.get('customers', a.id)) throw new MutationError('invalid', { en: `customer ${a.id} already exists`, ja: `顧客 ${a.id} は既に存在します` });
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
  describe: (a) => {
    const fields = Object.keys(a).filter((k) => k !== 'id');
    return { en: `Edited customer details (${fields.join(', ')})`, ja: `顧客の基本情報を編集しました (${fieldsJa(fields, customerFieldJa)})` };
  },
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
  describe: (a) => ({ en: `Moved the customer to the stage "${a.stage}"`, ja: `顧客のステージを「${stageJa[a.stage]}」に変更しました` }),
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
  describe: () => ({
    en: 'Deleted the customer and its plans, invitations and imported inventory',
    ja: '顧客と、その計画、招待、インポートしたインベントリを削除しました',
  }),
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
export const setCustomerBillingAccount = defineMutator({
  name: 'customer.setBillingAccount',
  args: z.object({ id: Id, billingAccount: z.enum(BILLING_ACCOUNTS) }).strict(),
  permission: 'customer.edit',
  describe: (a) => ({
    en: `Recorded the customer's billing account: ${billingAccountWords[a.billingAccount].en}`,
    ja: `顧客の課金アカウントを記録しました: ${billingAccountWords[a.billingAccount].ja}`,
  }),
  async run(tx, a) {
    await mustGet(tx, 'customers', a.id);
    await tx.update('customers', a.id, { billingAccount: a.billingAccount });
    return a.id;
  },
});

export const recordCustomerAgreement = defineMutator({
  name: 'customer.recordAgreement',
  args: z.object({ id: Id, acceptedOn: CustomerAgreement.shape.acceptedOn, attestedBy: CustomerAgreement.shape.attestedBy }).strict(),
  permission: 'customer.edit',
  describe: (a) => ({
    en: `Recorded that the customer accepted the Microsoft Customer Agreement on ${a.acceptedOn} (attested by ${a.attestedBy})`,
    ja: `顧客が ${a.acceptedOn} に Microsoft 顧客契約に同意したことを記録しました (証明者: ${a.attestedBy})`,
  }),
  async run(tx, a, ctx) {
    await mustGet(tx, 'customers', a.id);
    if (a.acceptedOn > ctx.now.slice(0, 10)) {
      throw new MutationError('invalid', { en: `the acceptance date ${a.acceptedOn} is in the future`, ja: `同意日 ${a.acceptedOn} が未来の日付です` });
    }
    await tx.update('customers', a.id, { agreement: { acceptedOn: a.acceptedOn, attestedBy: a.attestedBy } });
    return a.id;
  },
});

export const clearCustomerAgreement = defineMutator({
  name: 'customer.clearAgreement',
  args: z.object({ id: Id }).strict(),
  permission: 'customer.edit',
  describe: () => ({ en: "Removed the record of the customer's Microsoft Customer Agreement", ja: '顧客の Microsoft 顧客契約の記録を削除しました' }),
  async run(tx, a) {
    await mustGet(tx, 'customers', a.id);
    await tx.update('customers', a.id, { agreement: null });
    return a.id;
  },
});
