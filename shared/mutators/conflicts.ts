import { z } from 'zod';
import { can, type Permission } from '../domain/roles';
import { Id, type TableName, tableNames } from '../workspace/tables';
import { activity } from './activityCodes';
import { MutationError, defineMutator, mustGet } from './define';

// Resolving a conflict writes the chosen value, so it needs the right to edit that table (the
// review screen reads the same table to disable what the role may not resolve).
export const editPermission: Record<TableName, Permission> = {
  partner: 'partner.edit',
  customers: 'customer.edit',
  invitations: 'invite.send',
  plans: 'plan.edit',
  planLines: 'plan.edit',
  activity: 'workspace.view',
  conflicts: 'workspace.view',
  catalogSkus: 'catalog.edit',
  catalogState: 'catalog.edit',
  catalogMarks: 'catalog.edit',
  tenantSkus: 'tenant.import',
  tenantSubscriptions: 'tenant.import',
  tenantUsers: 'tenant.import',
  tenantUserChunks: 'tenant.import',
  imports: 'tenant.import',
  transfers: 'plan.edit',
  findingAcks: 'plan.edit',
  // Derived by the mutators (summaries.ts): no field of it is ever in conflict.
  customerSummaries: 'plan.edit',
};

export const conflictResolve = defineMutator({
  name: 'conflict.resolve',
  args: z.object({ id: Id, keep: z.enum(['current', 'proposed']) }).strict(),
  permission: 'workspace.view',
  describe: (a) =>
    a.keep === 'current' ? activity('conflict.resolve.keepCurrent') : activity('conflict.resolve.takeProposed'),
  async run(tx, a, ctx) {
    const conflict = await mustGet(tx, 'conflicts', a.id);
    if (conflict.status === 'resolved') throw new MutationError('INVALID', 'conflict.alreadyResolved', { id: conflict.id });
    const table = conflict.table as TableName;
    if (!tableNames.includes(table)) throw new MutationError('INVALID', 'conflict.unknownTable', { table: conflict.table });
    if (!can(ctx.actor.role, editPermission[table])) {
      throw new MutationError('FORBIDDEN', 'conflict.cannotEdit', { role: ctx.actor.role, table, permission: editPermission[table] });
    }
    const record = await tx.get(table, conflict.recordId);
    if (a.keep === 'proposed' && record) {
      await tx.update(table, conflict.recordId, { [conflict.field]: conflict.proposed.value });
    }
    await tx.update('conflicts', a.id, {
      status: 'resolved',
      resolution: a.keep === 'current' ? 'kept-current' : 'took-proposed',
      resolvedBy: ctx.actor.name,
    });
    const customerId = record && 'customerId' in record ? record.customerId : table === 'customers' ? conflict.recordId : null;
    return typeof customerId === 'string' ? customerId : null;
  },
});
