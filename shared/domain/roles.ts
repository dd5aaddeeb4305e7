// Who may do what: the Partner Center roles that move customers into CSP (DOMAIN.md, "Who"), as one
// table read by the mutators (client, optimistically) and the server (authoritatively).
import { z } from 'zod';

export const Role = z.enum(['admin-agent', 'sales-agent', 'billing-agent']);
export type Role = z.infer<typeof Role>;

export const Permission = z.enum([
  /** Read the workspace: customers, plans, findings. Every role. */
  'workspace.view',
  /** Create, edit and remove customers and their notes (Partner Center: manage customers). */
  'customer.edit',
  /** Import a customer tenant's Graph or Partner Center exports into the workspace. */
  'tenant.import',
  /** Import Microsoft's licensing catalog or an offer list; mark SKUs discontinued by hand. */
  'catalog.edit',
  /** Choose target offers, quantities and dates; save and approve a plan (manage subscriptions). */
  'plan.edit',
  /** Send, mark and remind reseller relationship invitations without delegated admin. */
  'invite.send',
  /** Request delegated admin (GDAP, or legacy DAP) with an invitation. Admin agent only. */
  'invite.delegatedAdmin',
  /** Reassign licenses in the customer tenant: administer on behalf of the customer. */
  'license.assign',
  /** See offer prices and the offer list. */
  'pricing.view',
  /** Billing: invoices, and the credit request for direct Microsoft 365 purchases. */
  'billing.manage',
  /** Edit the partner profile (tenant id, country, relationship link) shared by the team. */
  'partner.edit',
]);
export type Permission = z.infer<typeof Permission>;

// From the Partner Center permissions overview: the admin agent administers customers and may ask
// for delegated admin; the sales agent manages customers and subscriptions and may send reseller
// invitations, but cannot ask for delegated admin; the billing agent sees billing and prices only.
const table: Record<Role, readonly Permission[]> = {
  'admin-agent': [
    'workspace.view',
    'customer.edit',
    'tenant.import',
    'catalog.edit',
    'plan.edit',
    'invite.send',
    'invite.delegatedAdmin',
    'license.assign',
    'pricing.view',
    'partner.edit',
  ],
  'sales-agent': ['workspace.view', 'customer.edit', 'tenant.import', 'catalog.edit', 'plan.edit', 'invite.send', 'pricing.view'],
  'billing-agent': ['workspace.view', 'pricing.view', 'billing.manage'],
};

const granted: Record<Role, ReadonlySet<Permission>> = {
  'admin-agent': new Set(table['admin-agent']),
  'sales-agent': new Set(table['sales-agent']),
  'billing-agent': new Set(table['billing-agent']),
};

export function can(role: Role, permission: Permission): boolean {
  return granted[role].has(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return table[role];
}

/** The roles that hold a permission, in the table's order (for "Only an Admin agent or a Sales agent can…"). */
export function rolesWith(permission: Permission): Role[] {
  return Role.options.filter((role) => granted[role].has(permission));
}
