// What an activity entry says, as a code and parameters: the words live in the renderer's catalogs
// (renderer/app/i18n/{en,ja}.json `activity.*`, worded by renderer/words/activityText.ts), so a
// teammate reads each entry in their own language and a wording changes in one place. Parameters
// are data (names, files, counts, dates) or codes of words the renderer translates (a stage, a term,
// field names); never sentences.

/** Every entry the mutators write. Adding one needs its words in both catalogs (the renderer's map is exhaustive). */
export const ACTIVITY_CODES = [
  'conflict.resolve.keepCurrent',
  'conflict.resolve.takeProposed',
  'customer.create',
  'customer.update',
  'customer.setStage',
  'customer.delete',
  'customer.setBillingAccount',
  'customer.recordAgreement',
  'customer.clearAgreement',
  'customer.createMany',
  'customer.createManyFromList',
  'customer.setOwnSubscriptions',
  'finding.acknowledge',
  'finding.unacknowledge',
  'partner.update',
  'plan.create',
  'plan.setStatus',
  'plan.save',
  'planLine.add',
  'planLine.addFor',
  'planLine.setTarget',
  'planLine.setTargetTo',
  'planLine.setNoTarget',
  'planLine.setTerm',
  'planLine.setCancelScheduled',
  'planLine.clearCancelScheduled',
  'planLine.setOrderDate',
  'planLine.clearOrderDate',
  'planLine.remove',
  'invitation.create.plain',
  'invitation.create.gdap',
  'invitation.create.dap',
  'invitation.markSent',
  'invitation.markAccepted',
  'invitation.markExpired',
  'invitation.remind',
  'invitation.cancel',
  'transfer.create',
  'transfer.setStatus',
  'tenant.importChunk',
  'tenant.importCommit',
  'tenant.imported',
  'tenant.importDiscard',
  'catalog.importChunk',
  'catalog.importCommit',
  'catalog.imported',
  'catalog.markDiscontinued',
  'catalog.clearDiscontinued',
  'catalog.markProductDiscontinued',
  'catalog.clearProductDiscontinued',
] as const;
export type ActivityCode = (typeof ACTIVITY_CODES)[number];

/** A parameter: a name, file, date or code of a word; a count; or a list of them. */
export type ActivityParam = string | number | string[];
export type ActivityParams = Record<string, ActivityParam>;

/** One activity entry's words, to be said by the renderer. */
export interface ActivityText {
  code: ActivityCode;
  params: ActivityParams;
}

export function activity(code: ActivityCode, params: ActivityParams = {}): ActivityText {
  return { code, params };
}

/** Whether a stored code is one this app words (a newer app's code is shown by the row's stored text). */
export function isActivityCode(code: unknown): code is ActivityCode {
  return typeof code === 'string' && (ACTIVITY_CODES as readonly string[]).includes(code);
}
