// The synced workspace: one partner organization's shared data, table by table. The same schemas
// describe a Dexie row in the app and a `records.data` value on the server; the mutators are the
// only code that writes them.
import { z } from 'zod';

/** Client-generated ids (UUIDv7 in the app); any opaque string of sane length is accepted. */
export const Id = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.:-]+$/, 'an id is letters, digits and _ . : -');
export type Id = z.infer<typeof Id>;

export const Guid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a GUID')
  .transform((g) => g.toLowerCase());

export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const IsoDateTime = z.string().datetime({ offset: true });
export const CountryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 two-letter country code')
  .transform((c) => c.toUpperCase());

export const CustomerStage = z.enum([
  'not-started',
  'invited',
  'accepted',
  'plan-ready',
  'ordered',
  'old-ended',
  'done',
]);
export type CustomerStage = z.infer<typeof CustomerStage>;

export const Channel = z.enum(['own', 'other-partner', 'direct', 'unknown']);
export type Channel = z.infer<typeof Channel>;

export const PartnerProfile = z
  .object({
    id: z.literal('partner'),
    name: z.string().max(200),
    partnerTenantId: Guid.or(z.literal('')),
    country: CountryCode.or(z.literal('')),
    /** Partner Center's "Request a reseller relationship" link, pasted as is. */
    relationshipLink: z.string().max(4096),
  })
  .strict();
export type PartnerProfile = z.infer<typeof PartnerProfile>;

export const Customer = z
  .object({
    id: Id,
    name: z.string().min(1).max(200),
    domain: z.string().max(253),
    tenantId: Guid.or(z.literal('')),
    country: CountryCode.or(z.literal('')),
    channel: Channel,
    stage: CustomerStage,
    notes: z.string().max(20_000),
    createdAt: IsoDateTime,
  })
  .strict();
export type Customer = z.infer<typeof Customer>;

export const DelegatedAdmin = z.enum(['none', 'gdap', 'dap']);
export type DelegatedAdmin = z.infer<typeof DelegatedAdmin>;

export const InvitationStatus = z.enum(['draft', 'sent', 'accepted', 'expired', 'cancelled']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const Invitation = z
  .object({
    id: Id,
    customerId: Id,
    delegatedAdmin: DelegatedAdmin,
    /** GDAP: the Entra roles asked for, the duration, and Partner Center's approval link. */
    gdap: z
      .object({
        roles: z.array(z.string().max(100)).max(50),
        durationDays: z.number().int().min(1).max(730),
        approvalLink: z.string().max(4096),
      })
      .strict()
      .nullable(),
    language: z.enum(['en', 'ja']),
    link: z.string().max(4096),
    status: InvitationStatus,
    sentAt: IsoDateTime.nullable(),
    acceptedAt: IsoDateTime.nullable(),
    remindedAt: z.array(IsoDateTime).max(100),
  })
  .strict();
export type Invitation = z.infer<typeof Invitation>;

export const PlanStatus = z.enum(['draft', 'ready', 'approved', 'ordered', 'done']);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const Plan = z
  .object({
    id: Id,
    customerId: Id,
    status: PlanStatus,
    /** The date the plan's timing findings were computed for. */
    asOf: LocalDate,
    approvedBy: z.string().max(200).nullable(),
  })
  .strict();
export type Plan = z.infer<typeof Plan>;

export const PlanLine = z
  .object({
    id: Id,
    planId: Id,
    customerId: Id,
    sourceSkuId: z.string().max(64),
    sourceSubscriptionId: z.string().max(64).nullable(),
    targetSkuId: z.string().max(64).nullable(),
    quantity: z.number().int().min(0).max(10_000_000),
    /** When to buy the new subscription: before the old one's 30-day expired window ends. */
    orderDate: LocalDate.nullable(),
    decisionNote: z.string().max(4000),
  })
  .strict();
export type PlanLine = z.infer<typeof PlanLine>;

export const Activity = z
  .object({
    id: Id,
    at: IsoDateTime,
    actor: z.string().max(200),
    role: z.string().max(40),
    mutation: z.string().max(100),
    /** The customer the change concerns, so the case file can list its own history. */
    customerId: Id.nullable(),
    summary: z.string().max(1000),
  })
  .strict();
export type Activity = z.infer<typeof Activity>;

/** A guarded field two people changed from the same base: both values are kept until resolved. */
export const Conflict = z
  .object({
    id: Id,
    table: z.string(),
    recordId: Id,
    field: z.string(),
    /** What stands in the record (the change that reached the server first). */
    current: z.object({ value: z.unknown(), by: z.string(), version: z.number().int() }).strict(),
    /** The change that arrived on a stale base and was not applied. */
    proposed: z.object({ value: z.unknown(), by: z.string(), mutation: z.string() }).strict(),
    status: z.enum(['open', 'resolved']),
    resolution: z.enum(['kept-current', 'took-proposed']).nullable(),
    resolvedBy: z.string().nullable(),
  })
  .strict();
export type Conflict = z.infer<typeof Conflict>;

export const tables = {
  partner: PartnerProfile,
  customers: Customer,
  invitations: Invitation,
  plans: Plan,
  planLines: PlanLine,
  activity: Activity,
  conflicts: Conflict,
} as const;

/**
 * Fields whose concurrent edits must not silently overwrite each other (DESIGN.md, "Merge"):
 * plan status, target offer, quantities, dates, approvals. A change to one of these made on a
 * stale base becomes a Conflict record instead of a write.
 */
export const guardedFields: { readonly [K in keyof typeof tables]?: readonly string[] } = {
  customers: ['stage'],
  invitations: ['status', 'delegatedAdmin'],
  plans: ['status', 'asOf', 'approvedBy'],
  planLines: ['targetSkuId', 'quantity', 'orderDate'],
};

export type Tables = { [K in keyof typeof tables]: z.output<(typeof tables)[K]> };
export type TableName = keyof Tables;
export const tableNames = Object.keys(tables) as TableName[];
