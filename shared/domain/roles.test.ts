import { describe, expect, it } from 'vitest';
import { Permission, Role, can, permissionsOf, rolesWith } from './roles';

describe('roles (DOMAIN.md, "Who")', () => {
  it('only the admin agent may request delegated admin or assign licenses', () => {
    expect(Role.options.filter((r) => can(r, 'invite.delegatedAdmin'))).toEqual(['admin-agent']);
    expect(Role.options.filter((r) => can(r, 'license.assign'))).toEqual(['admin-agent']);
  });

  it('admin and sales agents manage customers, plans and reseller invitations; the billing agent does not', () => {
    for (const p of ['customer.edit', 'plan.edit', 'invite.send', 'tenant.import'] as const) {
      expect(can('admin-agent', p), p).toBe(true);
      expect(can('sales-agent', p), p).toBe(true);
      expect(can('billing-agent', p), p).toBe(false);
    }
  });

  it('the billing agent sees prices and billing; every role can view the workspace', () => {
    expect(can('billing-agent', 'billing.manage')).toBe(true);
    for (const r of Role.options) {
      expect(can(r, 'workspace.view')).toBe(true);
      expect(can(r, 'pricing.view')).toBe(true);
    }
  });

  it('names the roles that hold a permission, for the screens to say who may act', () => {
    expect(rolesWith('invite.send')).toEqual(['admin-agent', 'sales-agent']);
    expect(rolesWith('partner.edit')).toEqual(['admin-agent']);
    expect(rolesWith('workspace.view')).toEqual(['admin-agent', 'sales-agent', 'billing-agent']);
    for (const p of Permission.options) for (const r of Role.options) expect(rolesWith(p).includes(r), `${r} ${p}`).toBe(can(r, p));
  });

  it('lists only known permissions, each once', () => {
    for (const r of Role.options) {
      const list = permissionsOf(r);
      expect(new Set(list).size).toBe(list.length);
      for (const p of list) expect(Permission.options).toContain(p);
    }
  });
});
