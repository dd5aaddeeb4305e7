// What must happen to a current subscription at the end of its term, by channel and by the rule in
// force on its end date (DOMAIN.md "The rules in force now", rules 1 and 2): another CSP partner's
// new-commerce subscription goes into a paid Extended Service Term unless its partner schedules
// "cancel at end of term"; a direct one is Expired, Disabled, then Deleted, with a refund that
// depends on the billing account; an Enterprise Agreement renews to CSP through a channel transfer.
// Subscriptions whose term ended before a rule keep the older advice (the 30-day Expired window).
import type { BillingAccount } from './commerce';
import type { LocalDate } from './dates';
import { addDays } from './dates';
import type { Rule } from './rules';
import { ruleInForce } from './rules';
import type { Channel } from './tenant';

/** EST price uplift on the monthly price; without a monthly plan the uplift is larger. */
export const EST_UPLIFT_PERCENT = 3;
export const EST_UPLIFT_NO_MONTHLY_PERCENT = 23;
/** Direct subscriptions: Expired this many days after the end of term, then Disabled. */
export const DIRECT_EXPIRED_DAYS = 30;
export const DIRECT_DISABLED_DAYS = 90;
/** MCA billing accounts: a prorated refund only within this many days of start or renewal. */
export const MCA_REFUND_DAYS = 7;

export type EndOfTermAdvice =
  /** Older rule: let it expire, provision before the end of the 30-day window. */
  | { kind: 'expired-window'; rule: Rule; expires: LocalDate; deadline: LocalDate }
  /** Another partner's subscription under EST. */
  | {
      kind: 'est';
      rule: Rule;
      expires: LocalDate;
      /** The new subscription must be active by this day: no window after it. */
      activeBy: LocalDate;
      cancelScheduledOn: LocalDate | null;
      upliftPercent: number;
      upliftNoMonthlyPercent: number;
    }
  /** Bought directly: Expired, Disabled, Deleted, and the refund of its billing account. */
  | {
      kind: 'direct';
      rule: Rule;
      expires: LocalDate;
      /** Users keep working until this day (the end of Expired). */
      activeBy: LocalDate;
      disabledOn: LocalDate;
      deletedOn: LocalDate;
      billingAccount: BillingAccount;
    }
  /** Enterprise Agreement: channel transfers renew to CSP at the EA end date. */
  | { kind: 'ea'; rule: Rule; eaEndDate: LocalDate | null };

export interface EndOfTermInput {
  channel: Channel;
  isTrial: boolean;
  expires: LocalDate | null;
  asOf: LocalDate;
  billingAccount?: BillingAccount;
  cancelAtTermEndScheduledOn?: LocalDate | null;
}

/** The advice for one line; null for our own lines, trials, or when the end of term is unknown (except EA). */
export function endOfTermAdvice(input: EndOfTermInput): EndOfTermAdvice | null {
  const { channel, expires } = input;
  if (channel === 'own' || input.isTrial) return null;
  const account = input.billingAccount ?? 'unknown';
  if (channel === 'direct' && account === 'ea') return { kind: 'ea', rule: ruleInForce('ea-renewal', input.asOf), eaEndDate: expires };
  if (!expires) return null;
  // The rule is the one in force on the day the term ends: a subscription that ended before EST
  // existed had its 30-day window.
  if (channel === 'direct') {
    const rule = ruleInForce('direct-lifecycle', expires);
    if (rule.id === 'direct-expired-disabled-deleted') {
      const disabledOn = addDays(expires, DIRECT_EXPIRED_DAYS);
      return {
        kind: 'direct',
        rule,
        expires,
        activeBy: disabledOn,
        disabledOn,
        deletedOn: addDays(disabledOn, DIRECT_DISABLED_DAYS),
        billingAccount: account,
      };
    }
    return { kind: 'expired-window', rule: ruleInForce('end-of-term', expires), expires, deadline: addDays(expires, 30) };
  }
  const rule = ruleInForce('end-of-term', expires);
  if (rule.id === 'extended-service-term') {
    return {
      kind: 'est',
      rule,
      expires,
      activeBy: expires,
      cancelScheduledOn: input.cancelAtTermEndScheduledOn ?? null,
      upliftPercent: EST_UPLIFT_PERCENT,
      upliftNoMonthlyPercent: EST_UPLIFT_NO_MONTHLY_PERCENT,
    };
  }
  return { kind: 'expired-window', rule, expires, deadline: addDays(expires, 30) };
}

/** Under EST, the day the new subscription must be active by; otherwise null (the older window applies). */
export function estActiveBy(advice: EndOfTermAdvice | null): LocalDate | null {
  return advice?.kind === 'est' ? advice.activeBy : null;
}
