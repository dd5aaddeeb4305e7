// Partner-to-partner transfers (DOMAIN.md rule 4): the receiving partner requests, the current
// partner approves or rejects, Partner Center completes. The case file tracks each step with who and when.
import { z } from 'zod';
import { TRANSFER_STATUSES } from '../domain/commerce';
import { TRANSFER_NEXT, openTransfersByKey } from '../domain/transfers';
import { Id, MAX_TRANSFER_ITEMS, Transfer } from '../workspace/tables';
import { activity } from './activityCodes';
import { MutationError, defineMutator, mustGet } from './define';

const SourceKey = z.string().trim().min(1).max(128);

export const transferRequest = defineMutator({
  name: 'transfer.request',
  args: z
    .object({
      id: Id,
      customerId: Id,
      lineIds: z.array(Id).max(MAX_TRANSFER_ITEMS).default([]),
      // The cap is checked in words below, not by the schema: a person reads why.
      sourceKeys: z.array(SourceKey).min(1).max(10_000),
      note: z.string().max(4000).default(''),
    })
    .strict(),
  // Admin and sales agents manage subscriptions (shared/domain/roles.ts).
  permission: 'plan.edit',
  describe: (a) => activity('transfer.create', { count: a.sourceKeys.length }),
  async run(tx, a, ctx) {
    const keys = [...new Set(a.sourceKeys)];
    if (keys.length > MAX_TRANSFER_ITEMS) {
      throw new MutationError('INVALID', 'transfer.tooManyItems', { max: MAX_TRANSFER_ITEMS, count: keys.length });
    }
    await mustGet(tx, 'customers', a.customerId);
    if (await tx.get('transfers', a.id)) throw new MutationError('INVALID', 'transfer.exists', { id: a.id });
    for (const lineId of a.lineIds) {
      const line = await mustGet(tx, 'planLines', lineId);
      if (line.customerId !== a.customerId) {
        throw new MutationError('INVALID', 'transfer.lineOtherCustomer', { lineId });
      }
    }
    // A subscription is in at most one open transfer: two requests for it would both be refused by Partner Center.
    const open = openTransfersByKey(await tx.query('transfers', 'customerId', a.customerId));
    for (const shared of keys) {
      const other = open.get(shared);
      if (other) {
        throw new MutationError('INVALID', 'transfer.subscriptionInOther', { subscription: shared, transfer: other.id, status: other.status });
      }
    }
    await tx.put(
      'transfers',
      Transfer.parse({
        id: a.id,
        customerId: a.customerId,
        lineIds: [...new Set(a.lineIds)],
        sourceKeys: keys,
        status: 'requested',
        requested: { by: ctx.actor.name, at: ctx.now },
        approved: null,
        completed: null,
        rejected: null,
        note: a.note,
      }),
    );
    return a.customerId;
  },
});

export const transferSetStatus = defineMutator({
  name: 'transfer.setStatus',
  args: z.object({ id: Id, status: z.enum(TRANSFER_STATUSES).exclude(['requested']), note: z.string().max(4000).optional() }).strict(),
  permission: 'plan.edit',
  describe: (a) => activity('transfer.setStatus', { status: a.status }),
  async run(tx, a, ctx) {
    const transfer = await mustGet(tx, 'transfers', a.id);
    if (!TRANSFER_NEXT[transfer.status].includes(a.status)) {
      throw new MutationError('INVALID', 'transfer.statusChange', { from: transfer.status, to: a.status });
    }
    await tx.update('transfers', a.id, { status: a.status, [a.status]: { by: ctx.actor.name, at: ctx.now }, note: a.note });
    return transfer.customerId;
  },
});
