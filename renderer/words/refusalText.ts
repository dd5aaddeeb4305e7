// A refused change in the reader's language: the mutators, the sync client and the server refuse
// with a reason code and parameters (shared/mutators/refusalCodes), worded here from the catalogs'
// `refusal.*` keys, each literal. Refusals stored before reasons existed (a server or an app of
// schema 6 and older) hold their sentences: shown as stored, in Japanese when the reader's language
// is Japanese and the refusal has it.
import { formatCount, formatDay } from '../../shared/domain/format';
import type { Lang } from '../../shared/domain/lang';
import type { Permission, Role } from '../../shared/domain/roles';
import { regionName } from '../../shared/domain/regionNames';
import { inLanguage } from './bilingual';
import { isRefusalReason, type RefusalParam, type RefusalParams, type RefusalReason } from '../../shared/mutators/refusalCodes';
import {
  BILLING_FREQUENCY_WORDS,
  CASE_INVITATION_STATUS_WORDS,
  IMPORT_KIND_WORDS,
  PERMISSION_WORDS,
  ROLE_WORDS,
  TERM_WORDS,
  TRANSFER_STATUS_WORDS,
  wordOf,
  type Translate,
} from './labels';

/** What a refusal holds that the words need: a reason and parameters, or (older ones) only the texts. */
export interface RefusalLike {
  reason?: string | undefined;
  params?: RefusalParams | undefined;
  message: string;
  messageJa?: string | undefined;
  /** In a batch: the refused change's position, and how many the batch holds. */
  index?: number | undefined;
  of?: number | undefined;
}

const str = (v: RefusalParam | undefined): string => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));
const num = (v: RefusalParam | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));
const list = (v: RefusalParam | undefined): string[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [String(v)]);

type Say = (t: Translate, p: RefusalParams, lang: Lang) => string;

const role = (t: Translate, p: RefusalParams) => wordOf(ROLE_WORDS, p.role as Role, t);
const action = (t: Translate, p: RefusalParams) => wordOf(PERMISSION_WORDS, p.permission as Permission, t);
const invitationStatus = (t: Translate, p: RefusalParams) => wordOf(CASE_INVITATION_STATUS_WORDS, p.status, t);
const where = (p: RefusalParams) => str(p.path) || str(p.mutation);

/** A GDAP problem of the request (shared/domain/gdap's codes). */
const GDAP_PROBLEM: Record<string, (t: Translate, p: RefusalParams) => string> = {
  'no-roles': (t) => t('refusal.invitation.gdap.noRoles'),
  'duration-out-of-range': (t, p) => t('refusal.invitation.gdap.durationOutOfRange', { maxDays: str(p.maxDays) }),
  'auto-extend-with-global-admin': (t, p) => t('refusal.invitation.gdap.autoExtendWithGlobalAdmin', { days: str(p.autoExtendDays) }),
};

/** Each reason's words: exhaustive, so a new reason does not compile without them. */
const SAY: Record<RefusalReason, Say> = {
  'args.invalid': (t, p) => t('refusal.args.invalid', { path: where(p) }),
  'row.invalid': (t, p) => t('refusal.args.rowInvalid', { path: where(p) }),
  'permission.missing': (t, p) => t('refusal.permissionMissing', { role: role(t, p), action: action(t, p) }),
  'record.notFound': (t, p) => t('refusal.recordNotFound', { id: str(p.id), table: str(p.table) }),
  'change.unknown': (t, p) => t('refusal.change.unknown', { mutation: str(p.mutation) }),
  'change.unknownToServer': (t, p) => t('refusal.change.unknownToServer', { mutation: str(p.mutation) }),
  'change.invalidText': (t, p) => t('refusal.change.invalidText', { path: str(p.path) || t('refusal.aField') }),
  'change.refusedText': (t, p) => t('refusal.change.refusedText', { path: str(p.path) || t('refusal.aField') }),
  'change.tableTooNew': (t, p) => t('refusal.change.tableTooNew', { schema: str(p.schema), table: str(p.table) }),
  'conflict.alreadyResolved': (t) => t('refusal.conflict.alreadyResolved'),
  'conflict.unknownTable': (t, p) => t('refusal.conflict.unknownTable', { table: str(p.table) }),
  'conflict.cannotEdit': (t, p) => t('refusal.conflict.cannotEdit', { role: role(t, p), action: action(t, p) }),
  'findingAck.reasonRequired': (t) => t('refusal.findingAck.reasonRequired'),
  'customer.exists': (t, p) => t('refusal.customer.exists', { id: str(p.id) }),
  'customer.agreementInFuture': (t, p, lang) => t('refusal.customer.agreementInFuture', { date: formatDay(str(p.date), lang) }),
  'customer.tenantTwice': (t, p) => t('refusal.customer.tenantTwice', { tenantId: str(p.tenantId) }),
  'customer.subscriptionTwice': (t, p) => t('refusal.customer.subscriptionTwice', { id: str(p.id) }),
  'import.committed': (t, p) => t('refusal.import.committed', { importId: str(p.importId) }),
  'import.committedReimport': (t, p) => t('refusal.import.committedReimport', { importId: str(p.importId) }),
  'import.otherCustomer': (t, p) => t('refusal.import.otherCustomer', { importId: str(p.importId) }),
  'import.otherKind': (t, p) => t('refusal.import.otherKind', { importId: str(p.importId) }),
  'import.incomplete': (t, p, lang) =>
    t('refusal.import.incomplete', { got: formatCount(num(p.got), lang), expected: formatCount(num(p.expected), lang), kind: wordOf(IMPORT_KIND_WORDS, p.kind, t) }),
  'import.uncounted': (t, p, lang) => t('refusal.import.uncounted', { got: formatCount(num(p.got), lang), kind: wordOf(IMPORT_KIND_WORDS, p.kind, t) }),
  'import.notPendingCatalog': (t, p) => t('refusal.import.notPendingCatalog', { importId: str(p.importId) }),
  'invitation.dapRetired': (t) => t('refusal.invitation.dapRetired'),
  'invitation.delegatedAdminForbidden': (t, p) => t('refusal.invitation.delegatedAdminForbidden', { role: role(t, p) }),
  'invitation.gdapProblems': (t, p) =>
    list(p.problems)
      .map((code) => (Object.hasOwn(GDAP_PROBLEM, code) ? GDAP_PROBLEM[code]!(t, p) : code))
      .join(t('refusal.invitation.gdapSeparator')),
  'invitation.noPartnerTenant': (t) => t('refusal.invitation.noPartnerTenant'),
  'invitation.partnerNoCountry': (t) => t('refusal.invitation.partnerNoCountry'),
  'invitation.customerNoCountry': (t, p) => t('refusal.invitation.customerNoCountry', { customer: str(p.customer) }),
  'invitation.countryNoRegion': (t, p) => t('refusal.invitation.countryNoRegion', { country: str(p.country) }),
  'invitation.outsideRegion': (t, p, lang) =>
    t('refusal.invitation.outsideRegion', { customer: str(p.customer), customerRegion: regionName(str(p.customerRegion), lang), partnerRegion: regionName(str(p.partnerRegion), lang) }),
  'invitation.exists': (t, p) => t('refusal.invitation.exists', { id: str(p.id) }),
  'invitation.notDraft': (t, p) => t('refusal.invitation.notDraft', { status: invitationStatus(t, p) }),
  'invitation.acceptNotSent': (t, p) => t('refusal.invitation.acceptNotSent', { status: invitationStatus(t, p) }),
  'invitation.expireNotSent': (t, p) => t('refusal.invitation.expireNotSent', { status: invitationStatus(t, p) }),
  'invitation.remindNotSent': (t, p) => t('refusal.invitation.remindNotSent', { status: invitationStatus(t, p) }),
  'invitation.cancelAccepted': (t) => t('refusal.invitation.cancelAccepted'),
  'plan.exists': (t, p) => t('refusal.plan.exists', { id: str(p.id) }),
  'plan.otherCustomer': (t) => t('refusal.plan.otherCustomer'),
  'planLine.exists': (t, p) => t('refusal.planLine.exists', { id: str(p.id) }),
  'planLine.alreadySaved': (t, p) => t('refusal.planLine.alreadySaved', { sku: str(p.sku) }),
  'planLine.otherPlan': (t) => t('refusal.planLine.otherPlan'),
  'planLine.termBilling': (t, p) => t('refusal.planLine.termBilling', { term: wordOf(TERM_WORDS, p.term, t), billing: wordOf(BILLING_FREQUENCY_WORDS, p.billing, t) }),
  // The line editor says the same rule before saving: one sentence for both.
  'planLine.threeYearMinimum': (t, p, lang) =>
    t('offerMatching.term.threeYearMinimum', { minimum: formatCount(num(p.minimum), lang), asOf: formatDay(str(p.asOf), lang), quantity: formatCount(num(p.quantity), lang) }),
  'transfer.exists': (t, p) => t('refusal.transfer.exists', { id: str(p.id) }),
  'transfer.tooManyItems': (t, p, lang) => t('refusal.transfer.tooManyItems', { max: formatCount(num(p.max), lang), count: formatCount(num(p.count), lang) }),
  'transfer.lineOtherCustomer': (t, p) => t('refusal.transfer.lineOtherCustomer', { lineId: str(p.lineId) }),
  'transfer.subscriptionInOther': (t, p) =>
    t('refusal.transfer.subscriptionInOther', { subscription: str(p.subscription), transfer: str(p.transfer), status: wordOf(TRANSFER_STATUS_WORDS, p.status, t) }),
  'transfer.statusChange': (t, p) => t('refusal.transfer.statusChange', { from: wordOf(TRANSFER_STATUS_WORDS, p.from, t), to: wordOf(TRANSFER_STATUS_WORDS, p.to, t) }),
};

/** A reason and its parameters in words. */
export function refusalWords(t: Translate, lang: Lang, reason: RefusalReason, params: RefusalParams): string {
  return SAY[reason](t, params, lang);
}

/**
 * A refusal in the reader's language: from its reason, or the text it was stored with (a refusal
 * of schema 6 and older, or a newer server's reason this app does not know: its English detail).
 * A refusal inside a batch says which change it was.
 */
export function refusalText(t: Translate, lang: string, refusal: RefusalLike): string {
  const language: Lang = lang === 'ja' ? 'ja' : 'en';
  const reason = isRefusalReason(refusal.reason)
    ? refusalWords(t, language, refusal.reason, refusal.params ?? {})
    : inLanguage({ en: refusal.message, ja: refusal.messageJa }, language);
  if (refusal.index === undefined || refusal.of === undefined || !isRefusalReason(refusal.reason)) return reason;
  return t('refusal.inBatch', { n: formatCount(refusal.index + 1, language), count: formatCount(refusal.of, language), reason });
}
