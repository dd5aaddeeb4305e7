// The 7-day (168-hour) cancellation window of new commerce (DOMAIN.md "The rules in force now",
// rule 3): an order can be corrected, prorated, until 7 days after it was placed; after that a
// wrong quantity is paid for the whole term.
import type { LocalDate } from './dates';
import { addDays, daysBetween } from './dates';

export const ORDER_WINDOW_DAYS = 7;
export const ORDER_WINDOW_HOURS = 168;

/** The last day quantities and targets can still be corrected with a prorated refund. */
export function orderCheckBy(orderDate: LocalDate): LocalDate {
  return addDays(orderDate, ORDER_WINDOW_DAYS);
}

export interface OrderWindowLine {
  lineId: string;
  /** The day the order was (or will be) placed; null when unknown. */
  orderDate: LocalDate | null;
  checkBy: LocalDate | null;
}

/** Orders whose 7-day window is still open on `asOf` and closes within `withinDays`, soonest first. */
export function ordersClosingSoon<T extends OrderWindowLine>(lines: readonly T[], asOf: LocalDate, withinDays: number): T[] {
  return lines
    .filter((l) => l.orderDate !== null && l.checkBy !== null && l.orderDate <= asOf && l.checkBy >= asOf && daysBetween(asOf, l.checkBy) <= withinDays)
    .sort((a, b) => (a.checkBy! < b.checkBy! ? -1 : a.checkBy! > b.checkBy! ? 1 : 0));
}
