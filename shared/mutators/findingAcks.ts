// A finding a person accepted on purpose, with the reason (issue 11, rule 10): it stays in the case
// file but no longer counts as "must fix". One acknowledgement per finding, so its id is derived.
import { z } from 'zod';
import { Id } from '../workspace/tables';
import { activity } from './activityCodes';
import { MutationError, defineMutator, mustGet } from './define';

const FindingKey = { customerId: Id, lineKey: z.string().trim().max(128), code: z.string().trim().min(1).max(100) };

export function findingAckId(customerId: string, lineKey: string, code: string): string {
  return `${customerId}:${lineKey}:${code}`;
}

export const findingAcknowledge = defineMutator({
  name: 'finding.acknowledge',
  args: z.object({ ...FindingKey, reason: z.string().max(2000) }).strict(),
  permission: 'plan.edit',
  describe: (a) => activity('finding.acknowledge', { finding: a.code, reason: a.reason }),
  async run(tx, a, ctx) {
    const reason = a.reason.trim();
    if (reason === '') {
      throw new MutationError('INVALID', 'findingAck.reasonRequired');
    }
    await mustGet(tx, 'customers', a.customerId);
    await tx.put('findingAcks', {
      id: findingAckId(a.customerId, a.lineKey, a.code),
      customerId: a.customerId,
      lineKey: a.lineKey,
      code: a.code,
      reason,
      by: ctx.actor.name,
      at: ctx.now,
    });
    return a.customerId;
  },
});

export const findingUnacknowledge = defineMutator({
  name: 'finding.unacknowledge',
  args: z.object(FindingKey).strict(),
  permission: 'plan.edit',
  describe: (a) => activity('finding.unacknowledge', { finding: a.code }),
  async run(tx, a) {
    const id = findingAckId(a.customerId, a.lineKey, a.code);
    await mustGet(tx, 'findingAcks', id);
    await tx.delete('findingAcks', id);
    return a.customerId;
  },
});
