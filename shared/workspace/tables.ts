// The synced workspace: one partner organization's shared data, table by table. The same schemas
// describe a Dexie row in the app and a `records.data` value on the server; the mutators are the
// only code that writes them.
import { z } from 'zod';
import { BILLING_ACCOUNTS, BILLING_FREQUENCIES, TERMS, TRANSFER_STATUSES } from '../domain/commerce';
import { GDAP_MAX_DAYS } from '../domain/invitation';
import { CHANNELS } from '../domain/tenant';

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

/** The domain's channels (shared/domain/tenant.ts), checked at the edge. */
export const Channel = z.enum(CHANNELS);
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

export const CustomerAgreement = z
  .object({ acceptedOn: LocalDate, attestedBy: z.string().trim().min(1).max(200) })
  .strict();
export type CustomerAgreement = z.infer<typeof CustomerAgreement>;

/**
 * Who set one of the details an import can know: a person (never overwritten by an import) or an
 * import (which a later import may update), when, and from which file.
 */
export const FieldSource = z
  .object({ by: z.enum(['person', 'import']), at: IsoDateTime, file: z.string().max(260).optional() })
  .strict();
export type FieldSource = z.infer<typeof FieldSource>;
export const IMPORTABLE_FIELDS = ['tenantId', 'domain', 'country', 'channel'] as const;
export type ImportableField = (typeof IMPORTABLE_FIELDS)[number];

/** One subscription the partner itself sells the customer, as Partner Center lists it. */
export const OwnSubscription = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().max(300),
    offerId: z.string().max(100).nullable(),
    quantity: z.number().int().min(0).max(10_000_000),
    status: z.string().max(40),
    commitmentEndDate: z.string().max(40).nullable(),
    reseller: z.string().max(200),
  })
  .strict();
export type OwnSubscription = z.infer<typeof OwnSubscription>;

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
    /** The committed tenant import whose rows are this customer's inventory (null: none yet). */
    tenantImportId: Id.nullable().default(null),
    /** How a direct customer is billed: it decides refunds of the old subscriptions (schema 3). */
    billingAccount: z.enum(BILLING_ACCOUNTS).optional(),
    /** The customer's acceptance of the Microsoft Customer Agreement as the partner attested it (schema 3). */
    agreement: CustomerAgreement.nullable().optional(),
    /**
     * Who set tenantId, domain, country and channel (schema 4; absent: not recorded, and a value
     * without a source is treated as a person's). Not indexed.
     */
    fieldSources: z.partialRecord(z.enum(IMPORTABLE_FIELDS), FieldSource).optional(),
    /** The partner's own subscriptions for this customer, from a Partner Center export: the lines the plan keeps (schema 4). */
    ownSubscriptions: z
      .object({ file: z.string().max(260), at: IsoDateTime, by: z.string().max(200), items: z.array(OwnSubscription).max(2000) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type Customer = z.infer<typeof Customer>;

/** What may be requested: legacy DAP cannot be any more (DOMAIN.md rule 5). */
export const DelegatedAdmin = z.enum(['none', 'gdap']);
export type DelegatedAdmin = z.infer<typeof DelegatedAdmin>;
/**
 * What an invitation may hold: 'dap' was written by schema 1-2 apps and is kept as it was, so
 * nothing is lost; such an invitation opens as "needs GDAP" (invitationState.ts).
 */
export const StoredDelegatedAdmin = z.enum(['none', 'gdap', 'dap']);
export type StoredDelegatedAdmin = z.infer<typeof StoredDelegatedAdmin>;

export const InvitationStatus = z.enum(['draft', 'sent', 'accepted', 'expired', 'cancelled']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** GDAP: the Entra roles asked for, the duration (two years at most), and Partner Center's approval link. */
export const GdapRequest = z
  .object({
    roles: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
    durationDays: z.number().int().min(1).max(GDAP_MAX_DAYS),
    approvalLink: z.string().trim().max(4096),
    /** Extend by 180 days at the end (never with Global Administrator); absent before schema 3. */
    autoExtend: z.boolean().optional(),
  })
  .strict();
export type GdapRequest = z.infer<typeof GdapRequest>;

export const Invitation = z
  .object({
    id: Id,
    customerId: Id,
    delegatedAdmin: StoredDelegatedAdmin,
    gdap: GdapRequest.nullable(),
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

/** Targets a plan line may add to its first one. */
export const MAX_EXTRA_TARGETS = 5;
/** Line items Partner Center takes in one partner-to-partner transfer (DOMAIN.md rule 4). */
export const MAX_TRANSFER_ITEMS = 25;

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
    /** More targets bought together for this line (a no-Teams suite plus Teams, DOMAIN.md rule 6). */
    extraTargetSkuIds: z.array(z.string().max(64)).max(MAX_EXTRA_TARGETS).optional(),
    /** The new order's term and billing frequency; lines made before schema 3 read as annual, paid annually. */
    term: z.enum(TERMS).optional(),
    billingFrequency: z.enum(BILLING_FREQUENCIES).optional(),
    /** The day the old partner confirmed "cancel at end of term" was scheduled for the old subscription. */
    cancelAtTermEndScheduledOn: LocalDate.nullable().optional(),
  })
  .strict();
export type PlanLine = z.infer<typeof PlanLine>;

const Who = z.object({ by: z.string().max(200), at: IsoDateTime }).strict();

/** A partner-to-partner transfer request of some of a customer's lines, and how it went. */
export const Transfer = z
  .object({
    id: Id,
    customerId: Id,
    /** The plan lines it moves (when the lines exist) ... */
    lineIds: z.array(Id).max(MAX_TRANSFER_ITEMS),
    /** ... and the old subscriptions it moves, by their source key (subscription id or SKU id). */
    sourceKeys: z.array(z.string().min(1).max(128)).min(1).max(MAX_TRANSFER_ITEMS),
    status: z.enum(TRANSFER_STATUSES),
    requested: Who,
    approved: Who.nullable(),
    completed: Who.nullable(),
    rejected: Who.nullable(),
    note: z.string().max(4000),
  })
  .strict();
export type Transfer = z.infer<typeof Transfer>;

/** A finding a person looked at and accepted on purpose: it stays visible but stops counting as "must fix". */
export const FindingAck = z
  .object({
    /** `${customerId}:${lineKey}:${code}`: one acknowledgement per finding. */
    id: z.string().min(1).max(300),
    customerId: Id,
    /** The plan line or subscription the finding is about ('' for a customer-wide finding). */
    lineKey: z.string().max(128),
    code: z.string().min(1).max(100),
    reason: z.string().trim().min(1).max(2000),
    by: z.string().max(200),
    at: IsoDateTime,
  })
  .strict();
export type FindingAck = z.infer<typeof FindingAck>;

export const Activity = z
  .object({
    id: Id,
    at: IsoDateTime,
    actor: z.string().max(200),
    role: z.string().max(40),
    mutation: z.string().max(100),
    /** The customer the change concerns, so the case file can list its own history. */
    customerId: Id.nullable(),
    /**
     * Rows written before schema 7: the change in English, whatever the author's UI language (with
     * `summaryJa`, in Japanese, from schema 2). From schema 7 the mutator's name, for apps of the
     * previous schema that read only this field: the words come from `code` and `params`.
     */
    summary: z.string().max(1000),
    summaryJa: z.string().max(1000).optional(),
    /**
     * What happened, as a code the renderer words from its catalogs (shared/mutators/activityCodes),
     * and its parameters (names, counts, dates, and codes of words: stages, terms, fields). Absent in
     * rows written before schema 7, which are shown by their stored text. Not indexed, so Dexie needs
     * no new schema version.
     */
    code: z.string().max(100).optional(),
    params: z.record(z.string().max(60), z.union([z.string().max(1000), z.number(), z.array(z.string().max(300)).max(100)])).optional(),
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

// ---- Imported data ------------------------------------------------------------------------------
// An import (Microsoft's catalog, or a customer tenant's Graph exports) reaches the team as a few
// large mutations: `*.importChunk` (about 1,000 rows each, no activity entry) and one
// `*.importCommit`. Every imported row carries its importId and its id is scoped by it, so the
// rows of an import that has not committed (yet, or ever) never overwrite the rows people see:
// readers only look at the rows of the customer's `tenantImportId` (or the catalog's
// `catalogState.importId`), and the commit flips that pointer and deletes the previous import's rows.

/** Imported row ids are longer than plain ids: customer, import and source id joined by ':'. */
export const RowId = z.string().min(1).max(300);
const Text = (max: number) => z.string().max(max);
const GuidText = z.string().max(64);
const Count = z.number().int().min(0).max(100_000_000);

export const CatalogServicePlanRow = z
  .object({ id: GuidText, name: Text(200), friendlyName: Text(300), retired: z.boolean() })
  .strict();

/** One product of Microsoft's licensing catalog, as of one catalog import. */
export const CatalogSkuRow = z
  .object({
    /** `${importId}:${skuId}` */
    id: RowId,
    importId: Id,
    /** SKU GUID, lower case. */
    skuId: GuidText,
    partNumber: Text(200),
    name: Text(300),
    servicePlans: z.array(CatalogServicePlanRow).max(1000),
    /** From the Partner Center offer list of the import; true when the import had none. */
    purchasable: z.boolean(),
  })
  .strict();
export type CatalogSkuRow = z.infer<typeof CatalogSkuRow>;

/** The catalog's current import (a singleton row). */
export const CatalogState = z
  .object({
    id: z.literal('catalog'),
    importId: Id.nullable(),
    /** Did the current import carry a Partner Center offer list (purchasability)? */
    hasOffers: z.boolean(),
  })
  .strict();
export type CatalogState = z.infer<typeof CatalogState>;

/** A SKU the team marked discontinued by hand; kept apart from the imported rows so it survives re-imports. */
export const CatalogMark = z
  .object({
    /** The SKU GUID, lower case. */
    id: GuidText,
    discontinued: z.boolean(),
    by: Text(200),
    at: IsoDateTime,
  })
  .strict();
export type CatalogMark = z.infer<typeof CatalogMark>;

/** Graph subscribedSku of a customer tenant (shared/domain/tenant.ts TenantSku). */
export const TenantSkuData = z
  .object({
    skuId: GuidText,
    skuPartNumber: Text(200),
    capabilityStatus: Text(40),
    consumedUnits: Count,
    prepaidUnits: z.object({ enabled: Count, suspended: Count, warning: Count, lockedOut: Count }).strict(),
    subscriptionIds: z.array(GuidText).max(10_000),
    servicePlans: z.array(z.object({ servicePlanId: GuidText, servicePlanName: Text(200) }).strict()).max(1000),
  })
  .strict();
export const TenantSkuRow = TenantSkuData.extend({ id: RowId, customerId: Id, importId: Id }).strict();
export type TenantSkuRow = z.infer<typeof TenantSkuRow>;

/** Graph companySubscription of a customer tenant (TenantSubscription). */
export const TenantSubscriptionData = z
  .object({
    id: GuidText,
    skuId: GuidText,
    skuPartNumber: Text(200),
    status: Text(40),
    totalLicenses: Count,
    isTrial: z.boolean(),
    ownerTenantId: GuidText.nullable(),
    ownerType: Text(40).nullable(),
    createdDateTime: Text(40).nullable(),
    nextLifecycleDateTime: Text(40).nullable(),
    commerceSubscriptionId: GuidText.nullable(),
  })
  .strict();
export const TenantSubscriptionRow = TenantSubscriptionData.omit({ id: true })
  .extend({ id: RowId, customerId: Id, importId: Id, subscriptionId: GuidText })
  .strict();
export type TenantSubscriptionRow = z.infer<typeof TenantSubscriptionRow>;

export const UserLicenseData = z
  .object({
    skuId: GuidText,
    disabledPlans: z.array(GuidText).max(1000),
    assignedByGroups: z.array(GuidText).max(1000),
    direct: z.boolean(),
  })
  .strict();
/** A user of a customer tenant and the licenses they hold (TenantUser). */
export const TenantUserData = z
  .object({ id: GuidText, userPrincipalName: Text(320), licenses: z.array(UserLicenseData).max(500) })
  .strict();
export type TenantUserData = z.infer<typeof TenantUserData>;
/** Exactly `n` own keys, as `.strict()` demands when the `n` named ones are checked. */
function keyCount(o: object): number {
  let n = 0;
  for (const k in o) if (Object.hasOwn(o, k)) n++;
  return n;
}

const isBoundedText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isGuidTextList = (v: unknown): boolean => Array.isArray(v) && v.length <= 1000 && v.every((x) => isBoundedText(x, 64));

function isUserLicenseData(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const l = v as Record<string, unknown>;
  return keyCount(l) === 4 && isBoundedText(l.skuId, 64) && isGuidTextList(l.disabledPlans) && isGuidTextList(l.assignedByGroups) && typeof l.direct === 'boolean';
}

/**
 * `TenantUserData` checked by hand. An import chunk carries 1,000 users and a tenant 50 chunks; in
 * the renderer, whose CSP forbids the eval zod compiles its parsers with, walking them with zod is
 * most of an import's time. It accepts only what the schema accepts, unchanged (the schema has no
 * defaults or transforms): tables.test.ts checks that on generated rows.
 */
export function isTenantUserData(v: unknown): v is TenantUserData {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const u = v as Record<string, unknown>;
  return (
    keyCount(u) === 3 &&
    isBoundedText(u.id, 64) &&
    isBoundedText(u.userPrincipalName, 320) &&
    Array.isArray(u.licenses) &&
    u.licenses.length <= 500 &&
    u.licenses.every(isUserLicenseData)
  );
}
export const TenantUserRow = TenantUserData.omit({ id: true })
  .extend({ id: RowId, customerId: Id, importId: Id, userId: GuidText })
  .strict();
export type TenantUserRow = z.infer<typeof TenantUserRow>;

/**
 * A customer's imported users as stored since schema v2: one record per import chunk (about 1,000
 * users, the same chunk the outbox carries), so a 50,000-user tenant is 50 records instead of 50,000
 * (each IndexedDB record and index entry has a cost of its own). `tenantUsers` keeps the rows of
 * imports made before; readers take both (renderer/db/queries.ts).
 */
export const TenantUserChunkRow = z
  .object({
    /** `${customerId}:${importId}:users:${offset}` */
    id: RowId,
    customerId: Id,
    importId: Id,
    /** The position of the chunk's first user in the import: the users' order. */
    offset: Count,
    users: z.array(TenantUserData).min(1).max(5000),
  })
  .strict();
export type TenantUserChunkRow = z.infer<typeof TenantUserChunkRow>;

export const ImportKind = z.enum(['skus', 'subscriptions', 'users', 'catalog']);
export type ImportKind = z.infer<typeof ImportKind>;
export const ChangeCounts = z.object({ added: Count, updated: Count, removed: Count }).strict();
export type ChangeCounts = z.infer<typeof ChangeCounts>;

/** One import: staged by its chunks ('pending'), made current by its commit ('committed'). */
export const ImportRecord = z
  .object({
    id: Id,
    kind: z.enum(['tenant', 'catalog']),
    customerId: Id.nullable(),
    status: z.enum(['pending', 'committed']),
    /** The import current when the chunks were staged: what `changes` compares against. */
    baseImportId: Id.nullable(),
    files: z.array(Text(260)).max(20),
    /** Rows per kind: expected (from the commit) or received so far (while pending). */
    counts: z.partialRecord(ImportKind, Count),
    received: z.partialRecord(ImportKind, Count),
    /** Added/updated so far while staging; with `removed` once committed. */
    changes: z.partialRecord(ImportKind, ChangeCounts),
    by: Text(200),
    at: IsoDateTime,
  })
  .strict();
export type ImportRecord = z.infer<typeof ImportRecord>;

/**
 * Derived, never typed by anyone: a customer's summary for the dashboard (shared/domain/summary.ts),
 * kept by every mutator that changes one of the customer's rows (shared/mutators/summaries.ts), on
 * the client and on the server alike. One row per customer with a plan; its id is the customer's.
 */
const SummaryParams = z.record(z.string().max(100), z.union([z.string().max(4000), z.number(), z.null()]));
export const CustomerSummary = z
  .object({
    id: Id,
    customerId: Id,
    stage: CustomerStage,
    importId: Id.nullable(),
    planId: Id,
    lines: z
      .array(z.object({ id: Id, sourceSkuId: z.string().max(64), sourceSubscriptionId: z.string().max(64).nullable(), orderDate: LocalDate.nullable() }).strict())
      .max(100_000),
    risks: z
      .array(
        z
          .object({ lineId: Id, lineKey: z.string().max(128), code: z.enum(['DATA_LOSS_RISK', 'SEAT_SHORTFALL']), severity: z.enum(['error', 'warning', 'info']), params: SummaryParams })
          .strict(),
      )
      .max(200_000)
      .nullable(),
    basis: z
      .object({ catalogImportId: Id.nullable(), partnerTenantId: z.string().max(64), skus: z.record(GuidText, z.boolean()) })
      .strict(),
  })
  .strict();
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const tables = {
  partner: PartnerProfile,
  customers: Customer,
  invitations: Invitation,
  plans: Plan,
  planLines: PlanLine,
  activity: Activity,
  conflicts: Conflict,
  catalogSkus: CatalogSkuRow,
  catalogState: CatalogState,
  catalogMarks: CatalogMark,
  tenantSkus: TenantSkuRow,
  tenantSubscriptions: TenantSubscriptionRow,
  tenantUsers: TenantUserRow,
  imports: ImportRecord,
  tenantUserChunks: TenantUserChunkRow,
  transfers: Transfer,
  findingAcks: FindingAck,
  customerSummaries: CustomerSummary,
} as const;

// Fields added by schema 3 are optional in the stored shape: rows written by schema N-1 (synced by
// an older app, or kept in an older database) lack them. Readers that need them call withDefaults.
const addedFieldDefaults = {
  customers: { billingAccount: 'unknown', agreement: null },
  planLines: { extraTargetSkuIds: [], term: 'P1Y', billingFrequency: 'annual', cancelAtTermEndScheduledOn: null },
} as const satisfies { readonly [K in keyof typeof tables]?: Partial<z.output<(typeof tables)[K]>> };

type Defaulted = { [K in keyof typeof addedFieldDefaults]: keyof (typeof addedFieldDefaults)[K] };
/** A stored row with every field of the current schema present. */
export type Complete<T extends keyof typeof tables> = T extends keyof Defaulted
  ? Omit<z.output<(typeof tables)[T]>, Defaulted[T]> & Required<Pick<z.output<(typeof tables)[T]>, Defaulted[T] & keyof z.output<(typeof tables)[T]>>>
  : T extends 'invitations'
    ? Omit<Invitation, 'gdap'> & { gdap: (GdapRequest & { autoExtend: boolean }) | null }
    : z.output<(typeof tables)[T]>;

/**
 * A stored row with the fields of later schemas filled in as an older row means them: a line
 * without a term was planned annual and paid annually (the default of new commerce), a customer
 * without a billing account has an unknown one, a GDAP request without autoExtend did not ask for it.
 */
export function withDefaults<T extends keyof typeof tables>(table: T, row: z.output<(typeof tables)[T]>): Complete<T> {
  if (table === 'invitations') {
    const inv = row as Invitation;
    return (inv.gdap && inv.gdap.autoExtend === undefined ? { ...inv, gdap: { ...inv.gdap, autoExtend: false } } : inv) as Complete<T>;
  }
  const defaults = (addedFieldDefaults as Partial<Record<string, object>>)[table];
  return (defaults ? { ...defaults, ...stripUndefined(row as object) } : row) as Complete<T>;
}

function stripUndefined<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== undefined) out[k] = v;
  return out as T;
}

/**
 * Fields whose concurrent edits must not silently overwrite each other (DESIGN.md, "Merge"):
 * plan status, target offer, quantities, dates, approvals. A change to one of these made on a
 * stale base becomes a Conflict record instead of a write.
 */
export const guardedFields: { readonly [K in keyof typeof tables]?: readonly string[] } = {
  invitations: ['status', 'delegatedAdmin'],
  plans: ['status', 'asOf', 'approvedBy'],
  customers: ['stage', 'billingAccount', 'agreement'],
  planLines: ['targetSkuId', 'extraTargetSkuIds', 'quantity', 'orderDate', 'term', 'billingFrequency', 'cancelAtTermEndScheduledOn'],
  catalogMarks: ['discontinued'],
  transfers: ['status'],
};

export type Tables = { [K in keyof typeof tables]: z.output<(typeof tables)[K]> };
export type TableName = keyof Tables;
export const tableNames = Object.keys(tables) as TableName[];
