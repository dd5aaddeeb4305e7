// An activity entry in the reader's language: the mutators store a code and parameters
// (shared/mutators/activityCodes), worded here from the catalogs' `activity.*` keys, each literal.
// Rows written before codes existed (schema 6 and older) hold their text: shown as stored, in
// Japanese when the reader's language is Japanese and the row has it.
import type { ActivityCode, ActivityParam, ActivityParams } from '../../shared/mutators/activityCodes';
import { isActivityCode } from '../../shared/mutators/activityCodes';
import { formatCount, formatCountOf, type CountedNoun } from '../../shared/domain/format';
import type { Lang } from '../../shared/domain/lang';
import { inLanguage } from './bilingual';
import type { ImportKind } from '../../shared/workspace/tables';
import {
  BILLING_ACCOUNT_WORDS,
  BILLING_FREQUENCY_WORDS,
  CHANNEL_WORDS,
  CUSTOMER_FIELD_WORDS,
  IMPORT_KIND_WORDS,
  PARTNER_FIELD_WORDS,
  PLAN_STATUS_WORDS,
  STAGE_WORDS,
  TERM_WORDS,
  TRANSFER_STATUS_WORDS,
  wordOf,
  type Translate,
} from './labels';

/** What an activity row holds that the words need (old rows: only the texts). */
export interface ActivityLike {
  code?: string | undefined;
  params?: ActivityParams | undefined;
  summary: string;
  summaryJa?: string | undefined;
}

const num = (v: ActivityParam | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));
const str = (v: ActivityParam | undefined): string => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));
const list = (v: ActivityParam | undefined): string[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [String(v)]);

/** The words of one entry's code and parameters. */
type Say = (t: Translate, p: ActivityParams, w: Wording) => string;

interface Wording {
  lang: Lang;
  /** A count with its noun in English ("1 customer", "3 customers"); the number alone in Japanese, whose sentence holds the counter. */
  count(n: ActivityParam | undefined, noun: CountedNoun): string;
  /** A list as the language joins it. */
  join(items: readonly string[]): string;
  /** A date as given (ISO, as it always was in the log). */
  day(v: ActivityParam | undefined): string;
  /** File names, as given. */
  files(v: ActivityParam | undefined): string;
  /** Products by name; one the catalog does not know is said to be unknown. */
  products(v: ActivityParam | undefined, t: Translate): string;
}

function wording(lang: Lang): Wording {
  return {
    lang,
    count: (n, noun) => (lang === 'ja' ? formatCount(num(n), 'ja') : formatCountOf(num(n), noun, 'en')),
    join: (items) => items.join(lang === 'ja' ? '、' : ', '),
    day: (v) => str(v),
    files: (v) => list(v).join(', '),
    products: (v, t) => list(v).map((n) => n || t('activity.unknownProduct')).join(' + '),
  };
}

const fields = (words: Parameters<typeof wordOf>[0], t: Translate, p: ActivityParam | undefined, w: Wording) => w.join(list(p).map((f) => wordOf(words, f, t)));

/** Each code's words: exhaustive, so a new code does not compile without them. */
const SAY: Record<ActivityCode, Say> = {
  'conflict.resolve.keepCurrent': (t) => t('activity.conflict.keepCurrent'),
  'conflict.resolve.takeProposed': (t) => t('activity.conflict.takeProposed'),
  'customer.create': (t, p) => t('activity.customer.create', { name: str(p.name) }),
  'customer.update': (t, p, w) => t('activity.customer.update', { fields: fields(CUSTOMER_FIELD_WORDS, t, p.fields, w) }),
  'customer.setStage': (t, p) => t('activity.customer.setStage', { stage: wordOf(STAGE_WORDS, p.stage, t) }),
  'customer.delete': (t) => t('activity.customer.delete'),
  'customer.setBillingAccount': (t, p) => t('activity.customer.setBillingAccount', { account: wordOf(BILLING_ACCOUNT_WORDS, p.account, t) }),
  'customer.recordAgreement': (t, p, w) => t('activity.customer.recordAgreement', { date: w.day(p.date), person: str(p.person) }),
  'customer.clearAgreement': (t) => t('activity.customer.clearAgreement'),
  'customer.createMany': (t, p, w) => t('activity.customer.createMany', { count: w.count(p.count, 'customer'), file: str(p.file) }),
  'customer.createManyFromList': (t, p, w) => {
    const created = t('activity.customer.createManyFromList', { count: w.count(p.count, 'customer'), file: str(p.file) });
    if (num(p.skipped) === 0) return created;
    const names = list(p.skippedNames);
    const shown = num(p.skipped) > names.length ? [...names, '...'] : names;
    return `${created}${t('activity.customer.skipped', { count: w.count(p.skipped, 'customer'), names: w.join(shown) })}`;
  },
  'customer.setOwnSubscriptions': (t, p, w) => t('activity.customer.setOwnSubscriptions', { count: w.count(p.count, 'subscription'), file: str(p.file) }),
  'finding.acknowledge': (t, p) => t('activity.finding.acknowledge', { finding: str(p.finding), reason: str(p.reason) }),
  'finding.unacknowledge': (t, p) => t('activity.finding.unacknowledge', { finding: str(p.finding) }),
  'partner.update': (t, p, w) => t('activity.partner.update', { fields: fields(PARTNER_FIELD_WORDS, t, p.fields, w) }),
  'plan.create': (t, p, w) => t('activity.plan.create', { date: w.day(p.date) }),
  'plan.setStatus': (t, p) => t('activity.plan.setStatus', { status: wordOf(PLAN_STATUS_WORDS, p.status, t) }),
  'plan.save': (t, p, w) => t('activity.plan.save', { added: w.count(p.added, 'line'), changed: formatCount(num(p.changed), w.lang), removed: formatCount(num(p.removed), w.lang) }),
  'planLine.add': (t, p, w) => t('activity.planLine.add', lineOrder(t, p, w)),
  'planLine.addFor': (t, p, w) => t('activity.planLine.addFor', { ...lineOrder(t, p, w), products: w.products(p.products, t) }),
  'planLine.setTarget': (t, p, w) => t('activity.planLine.setTarget', { quantity: formatCount(num(p.quantity), w.lang) }),
  'planLine.setTargetTo': (t, p, w) => t('activity.planLine.setTargetTo', { products: w.products(p.products, t), quantity: formatCount(num(p.quantity), w.lang) }),
  'planLine.setNoTarget': (t, p, w) => t('activity.planLine.setNoTarget', { quantity: formatCount(num(p.quantity), w.lang) }),
  'planLine.setTerm': (t, p) => t('activity.planLine.setTerm', { term: wordOf(TERM_WORDS, p.term, t), billing: wordOf(BILLING_FREQUENCY_WORDS, p.billing, t) }),
  'planLine.setCancelScheduled': (t, p, w) => t('activity.planLine.setCancelScheduled', { date: w.day(p.date) }),
  'planLine.clearCancelScheduled': (t) => t('activity.planLine.clearCancelScheduled'),
  'planLine.setOrderDate': (t, p, w) => t('activity.planLine.setOrderDate', { date: w.day(p.date) }),
  'planLine.clearOrderDate': (t) => t('activity.planLine.clearOrderDate'),
  'planLine.remove': (t) => t('activity.planLine.remove'),
  'invitation.create.plain': (t) => t('activity.invitation.createPlain'),
  'invitation.create.gdap': (t, p, w) =>
    num(p.autoExtend) === 1
      ? t('activity.invitation.createGdapAutoExtend', { days: w.count(p.days, 'day') })
      : t('activity.invitation.createGdap', { days: w.count(p.days, 'day') }),
  'invitation.create.dap': (t) => t('activity.invitation.createDap'),
  'invitation.markSent': (t) => t('activity.invitation.markSent'),
  'invitation.markAccepted': (t) => t('activity.invitation.markAccepted'),
  'invitation.markExpired': (t) => t('activity.invitation.markExpired'),
  'invitation.remind': (t) => t('activity.invitation.remind'),
  'invitation.cancel': (t) => t('activity.invitation.cancel'),
  'transfer.create': (t, p, w) => t('activity.transfer.create', { count: w.count(p.count, 'subscription') }),
  'transfer.setStatus': (t, p) => t('activity.transfer.setStatus', { status: wordOf(TRANSFER_STATUS_WORDS, p.status, t) }),
  'tenant.importChunk': (t, p, w) => t('activity.tenant.importChunk', { kind: wordOf(IMPORT_KIND_WORDS, p.kind, t), count: formatCount(num(p.count), w.lang) }),
  'tenant.importCommit': (t, p, w) => t('activity.tenant.importCommit', { files: w.files(p.files) }),
  'tenant.imported': (t, p, w) => [t('activity.tenant.imported', imported(t, p, w)), ...filled(t, p, w)].join(t('activity.sentenceSeparator')),
  'tenant.importDiscard': (t) => t('activity.tenant.importDiscard'),
  'catalog.importChunk': (t, p, w) => t('activity.catalog.importChunk', { count: formatCount(num(p.count), w.lang) }),
  'catalog.importCommit': (t, p, w) => t('activity.catalog.importCommit', { files: w.files(p.files) }),
  'catalog.imported': (t, p, w) => t('activity.catalog.imported', imported(t, p, w)),
  'catalog.markDiscontinued': (t) => t('activity.catalog.markDiscontinued'),
  'catalog.clearDiscontinued': (t) => t('activity.catalog.clearDiscontinued'),
  'catalog.markProductDiscontinued': (t, p, w) => t('activity.catalog.markProductDiscontinued', { products: w.products(p.products, t) }),
  'catalog.clearProductDiscontinued': (t, p, w) => t('activity.catalog.clearProductDiscontinued', { products: w.products(p.products, t) }),
};

function lineOrder(t: Translate, p: ActivityParams, w: Wording): Record<string, string> {
  return {
    quantity: w.count(p.quantity, 'license'),
    term: wordOf(TERM_WORDS, p.term, t),
    billing: wordOf(BILLING_FREQUENCY_WORDS, p.billing, t),
  };
}

const COUNTED_AS: Record<ImportKind, CountedNoun> = { skus: 'sku', subscriptions: 'subscription', users: 'user', catalog: 'product' };
/** A count of an import's rows: the noun in English comes with the count, Japanese puts its counter in the sentence. */
const COUNTED_ROWS: Record<ImportKind, (t: Translate, count: string) => string> = {
  skus: (t, count) => t('activity.counted.skus', { count }),
  subscriptions: (t, count) => t('activity.counted.subscriptions', { count }),
  users: (t, count) => t('activity.counted.users', { count }),
  catalog: (t, count) => t('activity.counted.catalog', { count }),
};

/** What an import counted per kind of row ("kind count added updated removed" each) and its files. */
function imported(t: Translate, p: ActivityParams, w: Wording): Record<string, string> {
  const changes = list(p.changes).map((c) => {
    const [kind = '', n, added, updated, removed] = c.split(' ');
    const counted = Object.hasOwn(COUNTED_ROWS, kind) ? COUNTED_ROWS[kind as ImportKind] : undefined;
    return t('activity.importChanges', {
      what: counted ? counted(t, w.count(Number(n), COUNTED_AS[kind as ImportKind])) : `${kind} ${n ?? ''}`,
      added: formatCount(Number(added), w.lang),
      updated: formatCount(Number(updated), w.lang),
      removed: formatCount(Number(removed), w.lang),
    });
  });
  const files = list(p.files);
  return { files: files.length > 0 ? w.files(files) : t('activity.noFiles'), changes: changes.join(w.lang === 'ja' ? '、' : '; ') };
}

/** A tenant import's filled details, and the values a person entered that it kept. */
function filled(t: Translate, p: ActivityParams, w: Wording): string[] {
  const out: string[] = [];
  const filledFields = list(p.filled);
  if (filledFields.length > 0) out.push(t('activity.tenant.filled', { fields: fields(CUSTOMER_FIELD_WORDS, t, filledFields, w) }));
  const kept = list(p.keptFields);
  const keptValues = list(p.keptValues);
  const importedValues = list(p.importedValues);
  const value = (field: string, v: string | undefined) => (field === 'channel' ? wordOf(CHANNEL_WORDS, v, t) : (v ?? ''));
  kept.forEach((field, i) => {
    out.push(t('activity.tenant.kept', { field: wordOf(CUSTOMER_FIELD_WORDS, field, t), kept: value(field, keptValues[i]), imported: value(field, importedValues[i]) }));
  });
  return out;
}

/** An activity entry's code and parameters in words. */
export function activityWords(t: Translate, lang: Lang, code: ActivityCode, params: ActivityParams): string {
  return SAY[code](t, params, wording(lang));
}

/** An activity row in the reader's language: from its code, or the text it was stored with. */
export function activityText(t: Translate, lang: string, row: ActivityLike): string {
  const language: Lang = lang === 'ja' ? 'ja' : 'en';
  if (isActivityCode(row.code)) return activityWords(t, language, row.code, row.params ?? {});
  return inLanguage({ en: row.summary, ja: row.summaryJa }, language);
}
