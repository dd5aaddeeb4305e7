// Dates without a clock: every rule takes its "today" (the as-of date) as an argument.
// LocalDate is a calendar day 'YYYY-MM-DD'; date-times are ISO 8601 strings as Graph writes them.

export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

// Calendar arithmetic without Date objects (H. Hinnant's days-from-civil): the planner converts
// dates for every subscription of every tenant, so this stays allocation-free.
function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const max = m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
  return d <= max;
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): LocalDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`day ${n} is outside the years 0000-9999`);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
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
  let t = daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + se) * 1000 + Math.floor(frac);
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
const utcDayMemo = new Map<string, number>();

/** The UTC day number (days since 1970-01-01) of an ISO date-time. */
export function utcDayNumber(isoDateTime: string): number {
  const hit = utcDayMemo.get(isoDateTime);
  if (hit !== undefined) return hit;
  const t = parseIsoDateTime(isoDateTime);
  if (t === null) throw new RangeError(`"${isoDateTime}" is not an ISO 8601 date-time`);
  const day = Math.floor(t / DAY_MS);
  if (utcDayMemo.size > 4096) utcDayMemo.clear();
  utcDayMemo.set(isoDateTime, day);
  return day;
}

export function utcDay(isoDateTime: string): LocalDate {
  return fromDayNumber(utcDayNumber(isoDateTime));
}

// Plans repeat the same few dates (the as-of date, term ends): a small bounded memo.
const dayMemo = new Map<string, number>();

export function dayNumber(date: LocalDate): number {
  const hit = dayMemo.get(date);
  if (hit !== undefined) return hit;
  const m = LOCAL_DATE.exec(date);
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError(`"${date}" is not a date YYYY-MM-DD`);
  const n = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  if (dayMemo.size > 4096) dayMemo.clear();
  dayMemo.set(date, n);
  return n;
}

const dateMemo = new Map<number, LocalDate>();

/** The LocalDate of a day number (days since 1970-01-01). */
export function fromDayNumber(n: number): LocalDate {
  let d = dateMemo.get(n);
  if (d === undefined) {
    d = civilFromDays(n);
    if (dateMemo.size > 4096) dateMemo.clear();
    dateMemo.set(n, d);
  }
  return d;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** b - a in days. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}
