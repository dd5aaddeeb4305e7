// The case facts the plan command takes beside the tenant exports (what the app stores per
// customer): billing account, the Microsoft Customer Agreement date, per-line choices (--overrides)
// and acknowledged findings (--acknowledged). Validated here, at the edge, with zod.
import { z } from 'zod';
import { BILLING_ACCOUNTS, BILLING_FREQUENCIES, TERMS, TRANSFER_STATUSES, type BillingAccount } from '../shared/domain/commerce';
import { isLocalDate } from '../shared/domain/dates';
import { FINDING_CODES } from '../shared/domain/findings';
import { isGuid } from '../shared/domain/ids';
import type { FindingAck, LineOverride } from '../shared/domain/plan';
import { normalizeOverrides } from '../shared/domain/plan';

const localDate = z.string().refine(isLocalDate, { message: 'is not a date YYYY-MM-DD' });
const skuId = z.string().refine(isGuid, { message: 'is not a SKU GUID' });

const lineOverride = z
  .object({
    targetSkuId: skuId.nullable().optional(),
    quantity: z.number().int().nonnegative().optional(),
    extraTargetSkuIds: z.array(skuId).optional(),
    term: z.enum(TERMS).optional(),
    billingFrequency: z.enum(BILLING_FREQUENCIES).optional(),
    cancelAtTermEndScheduledOn: localDate.nullable().optional(),
    commerce: z.enum(['new', 'legacy', 'unknown']).optional(),
    transferStatus: z.enum(TRANSFER_STATUSES).nullable().optional(),
    orderDate: localDate.nullable().optional(),
    orderedOn: localDate.nullable().optional(),
  })
  .strict();

/** `--overrides <file>`: `{ "<lineId>": { targetSkuId, quantity, term, ... } }`. */
export const overridesSchema = z.record(z.string().min(1), lineOverride);

/** `--acknowledged <file>`: `[{ "lineId": "<lineId>" | null, "code": "SEAT_SHORTFALL" }]`. */
export const acknowledgedSchema = z.array(
  z
    .object({ lineId: z.string().nullable().optional(), lineKey: z.string().nullable().optional(), sourceKey: z.string().nullable().optional(), code: z.enum(FINDING_CODES) })
    .strict(),
);

export class CaseInputError extends Error {}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CaseInputError(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function firstIssue(file: string, error: z.ZodError): CaseInputError {
  const issue = error.issues[0]!;
  const where = issue.path.length > 0 ? `at ${issue.path.map(String).join('.')}: ` : '';
  return new CaseInputError(`${file}: ${where}${issue.message}`);
}

export function parseOverridesFile(text: string, file: string): Record<string, LineOverride> {
  const r = overridesSchema.safeParse(parseJson(text, file));
  if (!r.success) throw firstIssue(file, r.error);
  return normalizeOverrides(r.data as Record<string, LineOverride>);
}

export function parseAcknowledgedFile(text: string, file: string): FindingAck[] {
  const r = acknowledgedSchema.safeParse(parseJson(text, file));
  if (!r.success) throw firstIssue(file, r.error);
  return r.data;
}

export function parseBillingAccount(value: string | undefined): BillingAccount | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (!(BILLING_ACCOUNTS as readonly string[]).includes(v)) throw new CaseInputError(`--billing-account must be one of ${BILLING_ACCOUNTS.join(', ')}, not "${value}"`);
  return v as BillingAccount;
}

export function parseAgreementDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isLocalDate(value)) throw new CaseInputError(`--agreement-accepted-on "${value}" is not a date YYYY-MM-DD`);
  return value;
}
