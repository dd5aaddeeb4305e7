// Dates as the reader's language writes them. A LocalDate is a calendar day, so it is formatted in
// UTC: in the user's own time zone it could show as the day before.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDay(day: string, lang: string): string {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    formatters.set(lang, f);
  }
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? day : f.format(t);
}

export function formatDateTime(iso: string, lang: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(t);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 10000 as "10,000": counts of a large workspace are read at a glance. */
export function formatCount(n: number, lang: string): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang);
    numberFormats.set(lang, f);
  }
  return f.format(n);
}
