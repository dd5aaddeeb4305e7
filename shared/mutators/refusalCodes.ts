// Why a change is refused, as a reason code and parameters: the words live in the renderer's
// catalogs (renderer/app/i18n/{en,ja}.json `refusal.*`, worded by renderer/words/refusalText.ts),
// so each person reads a refusal in their own language, whichever side refused it. Parameters are
// data (ids, names, counts, dates) or codes of words the renderer translates (a status, a term, a
// role, a permission, a region); never sentences. The category (INVALID, FORBIDDEN, NOT_FOUND,
// UNKNOWN_MUTATOR) stays beside the reason: the screens and the sync loop decide on it.

/** Every reason a mutator, the client or the server refuses a change for. Adding one needs its words in both catalogs (the renderer's map is exhaustive). */
export const REFUSAL_REASONS = [
  // Any mutator (define.ts, the sync client and authority).
  'args.invalid',
  'row.invalid',
  'permission.missing',
  'record.notFound',
  'change.unknown',
  'change.unknownToServer',
  'change.invalidText',
  'change.refusedText',
  'change.tableTooNew',
  // conflicts.ts
  'conflict.alreadyResolved',
  'conflict.unknownTable',
  'conflict.cannotEdit',
  // findingAcks.ts
  'findingAck.reasonRequired',
  // customers.ts
  'customer.exists',
  'customer.agreementInFuture',
  'customer.tenantTwice',
  'customer.subscriptionTwice',
  // imports.ts
  'import.committed',
  'import.committedReimport',
  'import.otherCustomer',
  'import.otherKind',
  'import.incomplete',
  'import.uncounted',
  'import.notPendingCatalog',
  // invitations.ts
  'invitation.dapRetired',
  'invitation.delegatedAdminForbidden',
  'invitation.gdapProblems',
  'invitation.noPartnerTenant',
  'invitation.partnerNoCountry',
  'invitation.customerNoCountry',
  'invitation.countryNoRegion',
  'invitation.outsideRegion',
  'invitation.exists',
  'invitation.notDraft',
  'invitation.acceptNotSent',
  'invitation.expireNotSent',
  'invitation.remindNotSent',
  'invitation.cancelAccepted',
  // plans.ts, planSave.ts
  'plan.exists',
  'plan.otherCustomer',
  'planLine.exists',
  'planLine.alreadySaved',
  'planLine.otherPlan',
  'planLine.termBilling',
  'planLine.threeYearMinimum',
  // transfers.ts
  'transfer.exists',
  'transfer.tooManyItems',
  'transfer.lineOtherCustomer',
  'transfer.subscriptionInOther',
  'transfer.statusChange',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A parameter: an id, a name, a date or the code of a word; a count; or a list of them. */
export type RefusalParam = string | number | string[];
export type RefusalParams = Record<string, RefusalParam>;

/** One refusal's reason, to be said by the renderer. */
export interface RefusalText {
  reason: RefusalReason;
  params: RefusalParams;
}

/** Whether a stored reason is one this app words (a newer app's is shown by the stored message). */
export function isRefusalReason(reason: unknown): reason is RefusalReason {
  return typeof reason === 'string' && (REFUSAL_REASONS as readonly string[]).includes(reason);
}

/**
 * The English detail for developers and logs (and for apps of schema 6, which show `message`): the
 * reason and its parameters as data, never a sentence for a person to read.
 */
export function refusalDetail(reason: string, params: RefusalParams): string {
  return Object.keys(params).length > 0 ? `${reason} ${JSON.stringify(params)}` : reason;
}

/** A refusal's fields as results and rejections carry them: the reason, its parameters and the detail. */
export function refusalFields(reason: RefusalReason, params: RefusalParams = {}): { reason: RefusalReason; params: RefusalParams; message: string } {
  return { reason, params, message: refusalDetail(reason, params) };
}
