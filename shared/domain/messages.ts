// Finding texts: a function of the finding's code and params. The words are in the shared catalogs
// (shared/words/{en,ja}.json, `finding.*`); this file chooses each sentence's literal key and puts
// its parameters in the language's forms (days, grouped numbers, counted nouns, region names).
import { wordsIn, type Translate } from '../words';
import type { Finding, FindingCode, FindingParams } from './findings';
import { countedWords, formatCount, formatDay, type CountedNoun } from './format';
import type { Lang } from './lang';
import { regionName } from './regionNames';

export type { Lang };

type Param = string | number | null | undefined;
/** The language's forms of a finding's params, and its translate function. */
interface Say {
  lang: Lang;
  t: Translate;
  /** A param as it is ('?' when missing). */
  s: (v: Param) => string;
  /** A calendar day ('2026-07-01') as the language writes it, through the one formatter. */
  d: (v: Param) => string;
  /** A number grouped as the language groups it ("10,000"), through the one formatter. */
  n: (v: Param) => string;
  /** A region id as its name in the language. */
  r: (v: Param) => string;
}
type Render = (p: FindingParams, say: Say) => string;

const s = (v: Param): string => (v === null || v === undefined ? '?' : String(v));
const isCount = (v: Param): v is number => typeof v === 'number' && Number.isFinite(v);

function sayIn(lang: Lang): Say {
  return {
    lang,
    t: wordsIn(lang),
    s,
    d: (v) => (typeof v === 'string' ? formatDay(v, lang) : s(v)),
    n: (v) => (isCount(v) ? formatCount(v, lang) : s(v)),
    r: (v) => (typeof v === 'string' ? regionName(v, lang) : s(v)),
  };
}
const SAY: Record<Lang, Say> = { en: sayIn('en'), ja: sayIn('ja') };

// A count with its noun ("1 day", "11 days"; "11 日"): the counted nouns' words (format.ts,
// shared/words `count.*`), in English's plural category as formatCountOf's (a param that is not a
// number: "other", around the param as it is).
const EN_PLURAL = new Intl.PluralRules('en');
const one = (v: number): boolean => (Number.isInteger(v) && v >= 0 ? v === 1 : EN_PLURAL.select(v) === 'one');
const counted = (noun: CountedNoun) => (v: Param, { lang, n }: Say) => countedWords(lang, noun, isCount(v) && one(v), n(v));
const services = counted('service');
const users = counted('user');
const seats = counted('seat');
const subscriptions = counted('subscription');
const days = counted('day');

/** The reasons a transfer is not possible, in words (a reason the catalog does not know: its code). */
const BLOCKERS: Readonly<Record<string, (t: Translate) => string>> = {
  'other-region': (t) => t('finding.blocker.other-region'),
  'not-new-commerce': (t) => t('finding.blocker.not-new-commerce'),
  'partial-quantity': (t) => t('finding.blocker.partial-quantity'),
  trial: (t) => t('finding.blocker.trial'),
};
const blockers = (v: Param, t: Translate): string =>
  String(v ?? '')
    .split(',')
    .filter(Boolean)
    .map((b) => BLOCKERS[b]?.(t) ?? b)
    .join(t('finding.blocker.separator'));

const RENDER: Record<FindingCode, Render> = {
  REGION_MISMATCH: (p, { t, s, r }) =>
    p.reason === 'customer-country-unknown'
      ? t('finding.REGION_MISMATCH.customerCountryUnknown')
      : p.reason === 'unknown-country'
        ? t('finding.REGION_MISMATCH.unknownCountry', { country: s(p.country) })
        : t('finding.REGION_MISMATCH.different', { partnerCountry: s(p.partnerCountry), partnerRegion: r(p.partnerRegion), customerCountry: s(p.customerCountry), customerRegion: r(p.customerRegion) }),
  UNKNOWN_SKU: (p, { t, s }) => t('finding.UNKNOWN_SKU.text', { sku: s(p.sku) }),
  NOT_PURCHASABLE: (p, { t, s }) =>
    p.target ? t('finding.NOT_PURCHASABLE.withTarget', { sku: s(p.sku), target: s(p.target) }) : t('finding.NOT_PURCHASABLE.noTarget', { sku: s(p.sku) }),
  DATA_LOSS_RISK: (p, say) =>
    say.t('finding.DATA_LOSS_RISK.text', {
      sku: s(p.sku),
      target: s(p.target),
      count: services(p.count, say),
      services: s(p.services),
      andMore: Number(p.more) > 0 ? say.t('finding.DATA_LOSS_RISK.andMore', { more: say.n(p.more) }) : '',
    }),
  LICENSE_REASSIGNMENT_REQUIRED: (p, say) => say.t('finding.LICENSE_REASSIGNMENT_REQUIRED.text', { users: users(p.users, say), sku: s(p.sku), target: s(p.target) }),
  SEAT_SHORTFALL: (p, say) =>
    say.t('finding.SEAT_SHORTFALL.text', { sku: s(p.sku), targetQuantity: seats(p.targetQuantity, say), consumed: say.n(p.consumed), shortfall: users(p.shortfall, say) }),
  SEAT_COUNT_CHANGED: (p, { t, n }) => t('finding.SEAT_COUNT_CHANGED.text', { sku: s(p.sku), quantity: n(p.quantity), targetQuantity: n(p.targetQuantity) }),
  TENANT_SUBSCRIPTION_LIMIT: (p, say) => {
    const params = { active: subscriptions(p.active, say), toBuy: say.n(p.toBuy), limit: say.n(p.limit) };
    return p.window === 'none' ? say.t('finding.TENANT_SUBSCRIPTION_LIMIT.noWindow', params) : say.t('finding.TENANT_SUBSCRIPTION_LIMIT.window', params);
  },
  EXPIRY_DEADLINE: (p, say) => {
    const params = { sku: s(p.sku), expires: say.d(p.expires), deadline: say.d(p.deadline), daysToExpiry: days(p.daysToExpiry, say), daysToDeadline: days(p.daysToDeadline, say) };
    const { t } = say;
    return p.window === 'none'
      ? p.state === 'past-deadline'
        ? t('finding.EXPIRY_DEADLINE.endedNoWindow', params)
        : t('finding.EXPIRY_DEADLINE.endsNoWindow', params)
      : p.state === 'past-deadline'
        ? t('finding.EXPIRY_DEADLINE.windowEnded', params)
        : p.state === 'in-expired-window'
          ? t('finding.EXPIRY_DEADLINE.inWindow', params)
          : t('finding.EXPIRY_DEADLINE.expires', params);
  },
  CANCEL_NO_REFUND: (p, { t, d }) =>
    t('finding.CANCEL_NO_REFUND.text', { sku: s(p.sku), onDay: p.expires ? t('finding.CANCEL_NO_REFUND.onDay', { expires: d(p.expires) }) : '' }),
  DIRECT_PURCHASE_CREDIT: (p, { t }) => t('finding.DIRECT_PURCHASE_CREDIT.text', { sku: s(p.sku) }),
  TRIAL_SUBSCRIPTION: (p, { t, d }) =>
    t('finding.TRIAL_SUBSCRIPTION.text', { sku: s(p.sku), beforeEnd: p.expires ? t('finding.TRIAL_SUBSCRIPTION.beforeEnd', { expires: d(p.expires) }) : '' }),
  ALREADY_OWN_CSP: (p, { t }) => t('finding.ALREADY_OWN_CSP.text', { sku: s(p.sku) }),
  END_OF_TERM_EST: (p, { t, d, n }) => {
    const params = { sku: s(p.sku), expires: d(p.expires), activeBy: d(p.activeBy), scheduledOn: d(p.scheduledOn), uplift: n(p.uplift), upliftNoMonthly: n(p.upliftNoMonthly) };
    return p.channel === 'unknown'
      ? t('finding.END_OF_TERM_EST.unknownSeller', { ...params, andEnd: p.expires ? t('finding.END_OF_TERM_EST.andEnd', { expires: d(p.expires) }) : '' })
      : p.scheduledOn
        ? t('finding.END_OF_TERM_EST.scheduled', params)
        : t('finding.END_OF_TERM_EST.notScheduled', params);
  },
  DIRECT_END_OF_TERM: (p, { t, d }) =>
    t('finding.DIRECT_END_OF_TERM.text', {
      sku: s(p.sku),
      expires: d(p.expires),
      disabledOn: d(p.disabledOn),
      deletedOn: d(p.deletedOn),
      refund:
        p.account === 'mca'
          ? t('finding.DIRECT_END_OF_TERM.refundMca')
          : p.account === 'mosa'
            ? t('finding.DIRECT_END_OF_TERM.refundMosa')
            : t('finding.DIRECT_END_OF_TERM.refundUnknown'),
    }),
  EA_CHANNEL_TRANSFER: (p, { t, d }) =>
    p.eaEndDate ? t('finding.EA_CHANNEL_TRANSFER.withDate', { sku: s(p.sku), eaEndDate: d(p.eaEndDate) }) : t('finding.EA_CHANNEL_TRANSFER.noDate', { sku: s(p.sku) }),
  TRANSFER_PROPOSED: (p, { t }) =>
    t('finding.TRANSFER_PROPOSED.text', {
      sku: s(p.sku),
      withRequest: p.request ? t('finding.TRANSFER_PROPOSED.withRequest', { request: s(p.request) }) : '',
      checkCommerce: Number(p.checkCommerce) === 1 ? t('finding.TRANSFER_PROPOSED.checkCommerce') : '',
    }),
  TRANSFER_NOT_POSSIBLE: (p, { t }) => t('finding.TRANSFER_NOT_POSSIBLE.text', { sku: s(p.sku), blockers: blockers(p.blockers, t) }),
  TRANSFER_IN_PROGRESS: (p, { t }) => {
    const params = { sku: s(p.sku) };
    return p.status === 'rejected'
      ? t('finding.TRANSFER_IN_PROGRESS.rejected', params)
      : p.status === 'completed'
        ? t('finding.TRANSFER_IN_PROGRESS.completed', params)
        : p.status === 'approved'
          ? t('finding.TRANSFER_IN_PROGRESS.approved', params)
          : t('finding.TRANSFER_IN_PROGRESS.requested', params);
  },
  ORDER_CHECK_BY: (p, { t, d }) => {
    const params = { sku: s(p.sku), orderDate: d(p.orderDate), checkBy: d(p.checkBy) };
    return Number(p.ordered) === 1 ? t('finding.ORDER_CHECK_BY.ordered', params) : t('finding.ORDER_CHECK_BY.planned', params);
  },
  TERM_PREMIUM: (p, { t, n }) => {
    const params = { sku: s(p.sku), percent: n(p.percent) };
    return p.premium === 'monthly-term-premium' ? t('finding.TERM_PREMIUM.monthlyTerm', params) : t('finding.TERM_PREMIUM.monthlyBilling', params);
  },
  THREE_YEAR_MINIMUM: (p, { t, n }) => t('finding.THREE_YEAR_MINIMUM.text', { sku: s(p.sku), minimum: n(p.minimum), quantity: n(p.quantity) }),
  END_OF_SALE: (p, { t, d }) =>
    p.kind === 'with-teams'
      ? t('finding.END_OF_SALE.withTeams', { sku: s(p.sku), since: d(p.since) })
      : t('finding.END_OF_SALE.retired', { sku: s(p.sku), proposed: p.target ? t('finding.END_OF_SALE.proposed', { target: s(p.target) }) : '' }),
  TEAMS_PAIR: (p, { t }) => t('finding.TEAMS_PAIR.text', { sku: s(p.sku), target: s(p.target) }),
  CUSTOMER_AGREEMENT_MISSING: (_p, { t }) => t('finding.CUSTOMER_AGREEMENT_MISSING.text'),
};

/** Each language's finding texts by code (what renderFinding says). */
export const messages: Record<Lang, Record<FindingCode, (p: FindingParams) => string>> = {
  en: Object.fromEntries(Object.entries(RENDER).map(([code, render]) => [code, (p: FindingParams) => render(p, SAY.en)])) as Record<FindingCode, (p: FindingParams) => string>,
  ja: Object.fromEntries(Object.entries(RENDER).map(([code, render]) => [code, (p: FindingParams) => render(p, SAY.ja)])) as Record<FindingCode, (p: FindingParams) => string>,
};

export function renderFinding(code: FindingCode, params: FindingParams, lang: Lang = 'en'): string {
  return RENDER[code](params, SAY[lang]);
}

/** A finding in words, where it is shown (case file, wizards, exports, print, the plan command). */
export function findingText(finding: Pick<Finding, 'code' | 'params'>, lang: Lang = 'en'): string {
  return RENDER[finding.code](finding.params, SAY[lang]);
}
