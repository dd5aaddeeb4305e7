// Timing (DOMAIN.md, 2023 edition): at term end an old subscription becomes Expired for 30 days;
// the CSP subscription must be provisioned before that window ends or data is lost. For terms
// ending since 2026-05-04 an other partner's subscription has no such window (Extended Service
// Term): endOfTerm.ts says what applies by channel, and plan.ts narrows the deadline to the end date.
import type { LocalDate } from './dates';
import { dayNumber, fromDayNumber, utcDayNumber } from './dates';

export const EXPIRED_WINDOW_DAYS = 30;
/** Warn this many days ahead of an expiry. */
export const EXPIRY_WARNING_DAYS = 30;
/** DOMAIN.md, "Scale": more active subscriptions than this exceeds the tenant limit. */
export const TENANT_ACTIVE_SUBSCRIPTION_LIMIT = 150;

export type TimingState = 'unknown' | 'active' | 'expiring-soon' | 'in-expired-window' | 'past-deadline';

export interface SubscriptionTiming {
  /** End of term: the day the subscription leaves Enabled. */
  expires: LocalDate | null;
  /** The last day of the 30-day Expired window: provision before it. */
  deadline: LocalDate | null;
  daysToExpiry: number | null;
  daysToDeadline: number | null;
  state: TimingState;
}

const GRACE_STATES = new Set(['warning', 'expired']);

const UNKNOWN: SubscriptionTiming = Object.freeze({ expires: null, deadline: null, daysToExpiry: null, daysToDeadline: null, state: 'unknown' });

/** Warning or Expired: the subscription's next lifecycle date is the end of its 30-day window. */
export function isGraceStatus(status: string): boolean {
  return status !== 'Enabled' && GRACE_STATES.has(status.trim().toLowerCase());
}

/**
 * Graph's `nextLifecycleDateTime` is the next state change: for an Enabled subscription the end
 * of term; for one already Expired/Warning, the end of the 30-day window.
 */
export function subscriptionTiming(status: string, nextLifecycleDateTime: string | null, asOf: LocalDate): SubscriptionTiming {
  if (!nextLifecycleDateTime) return UNKNOWN;
  const next = utcDayNumber(nextLifecycleDateTime);
  const inGrace = isGraceStatus(status);
  const expires = inGrace ? next - EXPIRED_WINDOW_DAYS : next;
  const deadline = inGrace ? next : next + EXPIRED_WINDOW_DAYS;
  return timingOfDays(expires, deadline, dayNumber(asOf));
}

function timingOfDays(expires: number, deadline: number, today: number): SubscriptionTiming {
  const daysToExpiry = expires - today;
  const daysToDeadline = deadline - today;
  const state: TimingState =
    daysToDeadline < 0 ? 'past-deadline' : daysToExpiry <= 0 ? 'in-expired-window' : daysToExpiry <= EXPIRY_WARNING_DAYS ? 'expiring-soon' : 'active';
  return { expires: fromDayNumber(expires), deadline: fromDayNumber(deadline), daysToExpiry, daysToDeadline, state };
}

/** Days left and state, from a known expiry and deadline. */
export function timingOf(expires: LocalDate, deadline: LocalDate, asOf: LocalDate): SubscriptionTiming {
  return timingOfDays(dayNumber(expires), dayNumber(deadline), dayNumber(asOf));
}

const ACTIVE = new Set(['enabled', 'warning', 'suspended', 'lockedout']);

/** Counts toward the tenant's active-subscription limit. */
export function isActiveStatus(status: string): boolean {
  return status === 'Enabled' || ACTIVE.has(status.trim().toLowerCase());
}

/**
 * The 150-subscription rule: buying the new subscriptions while the old ones are still active
 * doubles them; past the limit, the old ones must expire first (the 30-day window keeps access).
 */
export function exceedsSubscriptionLimit(activeSubscriptions: number, toBuy: number): boolean {
  return activeSubscriptions + toBuy > TENANT_ACTIVE_SUBSCRIPTION_LIMIT;
}

/**
 * The order date the timing rules suggest: the day the old subscription ends (under the older
 * rules it is left to expire; under EST its partner schedules "cancel at end of term" for that
 * day), or the plan date when that day has passed. Unknown without an expiry (no directory/subscriptions export).
 */
export function suggestedOrderDate(expires: LocalDate | null, asOf: LocalDate): LocalDate | null {
  if (!expires) return null;
  return expires > asOf ? expires : asOf;
}

/**
 * Why an order date breaks the timing rules, or null: not before the plan date, and not after the
 * end of the 30-day expired window (data is lost after it) unless that window already closed, when
 * any later day is only late.
 */
export function orderDateProblem(orderDate: LocalDate, asOf: LocalDate, deadline: LocalDate | null): 'before-plan-date' | 'after-deadline' | null {
  if (orderDate < asOf) return 'before-plan-date';
  if (deadline && deadline >= asOf && orderDate > deadline) return 'after-deadline';
  return null;
}
