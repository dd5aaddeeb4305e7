// Dates without a clock: every rule takes its "today" (the as-of date) as an argument.
// LocalDate is a calendar day 'YYYY-MM-DD'; date-times are ISO 8601 strings as Graph writes them.

export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function isLocalDate(s: string): boolean {
  const m = LOCAL_DATE.exec(s);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Milliseconds since the epoch of a strict ISO 8601 date-time with a zone, or null when it is not one. */
export function parseIsoDateTime(s: string): number | null {
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || se > 59) return null;
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  let t = Date.UTC(y, mo - 1, d, h, mi, se) + Math.floor(frac);
  const zone = m[8] ?? 'Z';
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 23 || zm > 59) return null;
    t -= sign * (zh * 60 + zm) * 60_000;
  }
  return t;
}

export function isIsoDateTime(s: string): boolean {
  return parseIsoDateTime(s) !== null;
}

/** The UTC calendar day of an ISO date-time (Graph dates are UTC). */
export function utcDay(isoDateTime: string): LocalDate {
  const t = parseIsoDateTime(isoDateTime);
  if (t === null) throw new RangeError(`"${isoDateTime}" is not an ISO 8601 date-time`);
  return fromDayNumber(Math.floor(t / DAY_MS));
}

export function dayNumber(date: LocalDate): number {
  const m = LOCAL_DATE.exec(date);
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** b - a in days. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}
