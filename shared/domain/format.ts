// The one formatter of what a person reads: products by their catalog names, numbers and dates as
// the reader's language writes them, counted words in the right plural, and tenants by who they are.
// A new user reads "Office 365 E4", not ENTERPRISEWITHSCAL, and "another partner", not a GUID:
// codes stay available as a secondary detail, never as the only words. Every screen, export and
// the engine's messages go through here, so a wording rule changes in one place (docs/glossary.md
// lists the terms this file and the catalogs use).
import type { Catalog } from './catalog';
import { wordsIn, type Translate } from '../words';
import type { Lang } from './lang';
import type { OfferMatch } from './matching';

// ---------------------------------------------------------------------------------------------
// Products

/** What a product is known by: a SKU GUID, a part number (Graph skuPartNumber), or both. */
export interface ProductRef {
  skuId?: string | null;
  partNumber?: string | null;
}

/** Names of the workspace's catalog, found by SKU id or by part number. */
export interface ProductNames {
  nameOf(ref: ProductRef): string | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The catalog as rows (stored catalogSkus or CatalogSku): one lookup for every screen. */
export function productNamesOf(rows: Iterable<{ id?: string; skuId?: string; partNumber: string; name: string }>): ProductNames {
  const byId = new Map<string, string>();
  const byPart = new Map<string, string>();
  for (const r of rows) {
    const id = (r.id ?? r.skuId ?? '').trim().toLowerCase();
    if (!r.name) continue;
    if (id && !byId.has(id)) byId.set(id, r.name);
    const pn = r.partNumber.trim().toUpperCase();
    if (pn && !byPart.has(pn)) byPart.set(pn, r.name);
  }
  return { nameOf: (ref) => lookup(ref, (id) => byId.get(id), (pn) => byPart.get(pn)) };
}

const catalogNames = new WeakMap<object, ProductNames>();

/**
 * The prepared catalog the engine plans with, as a lookup: one per catalog (a prepared catalog is
 * not changed after), its answers remembered, since the engine names the same few products on
 * every line of 10,000 tenants.
 */
export function catalogProductNames(catalog: Pick<Catalog, 'skus' | 'byPartNumber'>): ProductNames {
  const known = catalogNames.get(catalog);
  if (known) return known;
  const byId = (id: string) => catalog.skus.get(id)?.name;
  const byPart = (pn: string) => catalog.byPartNumber.get(pn)?.name;
  // By SKU id, then by part number: no key string is built per question.
  const answers = new Map<string, Map<string, string | null>>();
  const names: ProductNames = {
    nameOf: (ref) => {
      const id = ref.skuId ?? '';
      let byPartNumber = answers.get(id);
      if (!byPartNumber) answers.set(id, (byPartNumber = new Map()));
      const pn = ref.partNumber ?? '';
      const answer = byPartNumber.get(pn);
      if (answer !== undefined) return answer ?? undefined;
      const found = lookup(ref, byId, byPart);
      byPartNumber.set(pn, found ?? null);
      return found;
    },
  };
  catalogNames.set(catalog, names);
  return names;
}

function lookup(ref: ProductRef, byId: (id: string) => string | undefined, byPart: (pn: string) => string | undefined): string | undefined {
  const id = ref.skuId?.trim().toLowerCase();
  const found = (id ? byId(id) : undefined) ?? (ref.partNumber?.trim() ? byPart(ref.partNumber.trim().toUpperCase()) : undefined);
  if (found?.trim()) return found.trim();
  // Some callers hold only one string, a GUID or a part number: try it as the other too.
  if (!ref.partNumber && id && !GUID.test(id)) return byPart(id.toUpperCase())?.trim() || undefined;
  return undefined;
}

/**
 * A product as people read it: the catalog's name; a product the catalog does not know falls back
 * to its part number, then to its SKU id (the only words there are).
 */
export function productName(names: ProductNames | null | undefined, ref: ProductRef): string {
  return names?.nameOf(ref) ?? (ref.partNumber?.trim() || ref.skuId?.trim() || '');
}

/** The name, and the part number as the secondary detail (null when the name is the part number). */
export function productLabel(names: ProductNames | null | undefined, ref: ProductRef): { name: string; partNumber: string | null } {
  const name = productName(names, ref);
  const pn = ref.partNumber?.trim() || null;
  return { name, partNumber: pn && pn !== name ? pn : null };
}

/**
 * One line of text for exports and lists that have no room for a secondary detail:
 * "Office 365 E5 (ENTERPRISEPREMIUM)", or the part number alone when the catalog does not know it.
 */
export function productWithPartNumber(names: ProductNames | null | undefined, ref: ProductRef): string {
  const { name, partNumber } = productLabel(names, ref);
  return partNumber ? `${name} (${partNumber})` : name;
}

/** The same line from a name already looked up (the engine's sourceSkuName, skuName). */
export function nameWithPartNumber(name: string, partNumber: string | null | undefined): string {
  const pn = partNumber?.trim();
  return pn && pn !== name.trim() ? `${name.trim()} (${pn})` : name.trim() || pn || '';
}

/** Several products bought together (a Teams pair) read "A + B". */
export function productNamesJoined(names: ProductNames | null | undefined, refs: readonly ProductRef[]): string {
  return refs.map((r) => productName(names, r)).join(' + ');
}

/** The target of a match by its names (a Teams pair: both are bought, so both are named); null: none. */
export function targetName(names: ProductNames | null | undefined, m: Pick<OfferMatch, 'targetSkuId' | 'targetSkuPartNumber' | 'extraTargets'>): string | null {
  if (!m.targetSkuId && !m.targetSkuPartNumber) return null;
  return productNamesJoined(names, [{ skuId: m.targetSkuId, partNumber: m.targetSkuPartNumber }, ...(m.extraTargets ?? []).map((e) => ({ skuId: e.skuId, partNumber: e.skuPartNumber }))]);
}

// ---------------------------------------------------------------------------------------------
// Numbers and counted words

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 10000 as "10,000" (en) or "10,000" (ja): counts of a large workspace are read at a glance. */
export function formatCount(n: number, lang: string): string {
  // Below a thousand, English and Japanese write an integer's digits as they are.
  if (Number.isInteger(n) && n >= 0 && n < 1000 && (lang === 'en' || lang === 'ja')) return String(n);
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang);
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

/**
 * Nouns that are counted on screens, in exports and in findings. Their words are shared/words'
 * `count.<noun>.one` / `.other` ("{{n}} SKU", "{{n}} SKUs"; Japanese one form with its counter,
 * "{{n}} 件の指摘"), each key literal here (eslint/i18nKeys.js), so the catalogs test sees it.
 */
const COUNT_WORDS = {
  sku: (t, one, n) => (one ? t('count.sku.one', { n }) : t('count.sku.other', { n })),
  product: (t, one, n) => (one ? t('count.product.one', { n }) : t('count.product.other', { n })),
  subscription: (t, one, n) => (one ? t('count.subscription.one', { n }) : t('count.subscription.other', { n })),
  user: (t, one, n) => (one ? t('count.user.one', { n }) : t('count.user.other', { n })),
  customer: (t, one, n) => (one ? t('count.customer.one', { n }) : t('count.customer.other', { n })),
  license: (t, one, n) => (one ? t('count.license.one', { n }) : t('count.license.other', { n })),
  finding: (t, one, n) => (one ? t('count.finding.one', { n }) : t('count.finding.other', { n })),
  day: (t, one, n) => (one ? t('count.day.one', { n }) : t('count.day.other', { n })),
  seat: (t, one, n) => (one ? t('count.seat.one', { n }) : t('count.seat.other', { n })),
  planLine: (t, one, n) => (one ? t('count.planLine.one', { n }) : t('count.planLine.other', { n })),
  service: (t, one, n) => (one ? t('count.service.one', { n }) : t('count.service.other', { n })),
  licenseChange: (t, one, n) => (one ? t('count.licenseChange.one', { n }) : t('count.licenseChange.other', { n })),
  line: (t, one, n) => (one ? t('count.line.one', { n }) : t('count.line.other', { n })),
  error: (t, one, n) => (one ? t('count.error.one', { n }) : t('count.error.other', { n })),
  warning: (t, one, n) => (one ? t('count.warning.one', { n }) : t('count.warning.other', { n })),
} as const satisfies Record<string, (t: Translate, one: boolean, n: string) => string>;

export type CountedNoun = keyof typeof COUNT_WORDS;

/**
 * A count already written (n: "10,000", or a finding's "?") with its noun in the language's form:
 * `one` picks the singular (English; Japanese's two forms are the same).
 */
export function countedWords(lang: Lang, noun: CountedNoun, one: boolean, n: string): string {
  return COUNT_WORDS[noun](wordsIn(lang), one, n);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** "1 SKU", "2 SKUs", "10,000 users"; in Japanese "3 SKU", "10,000 ユーザー" (no plural, a counter). */
export function formatCountOf(n: number, noun: CountedNoun, lang: Lang): string {
  // Japanese has one form; English: a whole number is "one" exactly when it is 1 (Intl.PluralRules'
  // answer for them), any other number as Intl.PluralRules says.
  if (lang === 'ja') return countedWords(lang, noun, false, formatCount(n, 'ja'));
  if (lang === 'en' && Number.isInteger(n) && n >= 0) return countedWords(lang, noun, n === 1, formatCount(n, 'en'));
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return countedWords(lang, noun, rules.select(n) === 'one', formatCount(n, lang));
}

// ---------------------------------------------------------------------------------------------
// Dates

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Per language, the days already written. */
const formattedDays = new Map<string, Map<string, string>>();
const FORMATTED_DAYS_MAX = 20_000;

/**
 * A LocalDate ('2026-07-01') as the reader's language writes it. It is a calendar day, so it is
 * formatted in UTC: in the user's own time zone it could show as the day before.
 */
export function formatDay(day: string, lang: string): string {
  // A plan of 10,000 tenants words the same few hundred days again and again: Intl is slow per call.
  // Keyed by language, then by the day itself: a key built per call ("en|2026-07-01") costs a new
  // string and its hash on every finding, as much as the lookup saves.
  let days = formattedDays.get(lang);
  if (!days) formattedDays.set(lang, (days = new Map()));
  const known = days.get(day);
  if (known !== undefined) return known;
  let f = dayFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    dayFormats.set(lang, f);
  }
  const t = Date.parse(`${day}T00:00:00Z`);
  const text = Number.isNaN(t) ? day : f.format(t);
  if (days.size >= FORMATTED_DAYS_MAX) days.clear();
  days.set(day, text);
  return text;
}

/** An instant (ISO 8601) in the reader's time zone, with its time. */
const instantFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, lang: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  let f = instantFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    instantFormats.set(lang, f);
  }
  return f.format(t);
}

// ---------------------------------------------------------------------------------------------
// People and tenants

/** Tenants the workspace knows by name: the partner's own, its customers', partners it was told of. */
export type TenantNames = ReadonlyMap<string, string>;

/** Builds the lookup from (tenant id, name) pairs; ids compare in lower case. */
export function tenantNamesOf(pairs: Iterable<readonly [string | null | undefined, string | null | undefined]>): TenantNames {
  const out = new Map<string, string>();
  for (const [id, name] of pairs) {
    const key = id?.trim().toLowerCase();
    if (key && name?.trim() && !out.has(key)) out.set(key, name.trim());
  }
  return out;
}

/** The first block of a GUID: enough to tell two partners apart when talking to them. */
export function shortId(id: string): string {
  const trimmed = id.trim();
  const head = trimmed.split('-')[0] ?? trimmed;
  return head.length < trimmed.length ? `${head}…` : trimmed;
}

/**
 * A tenant as people read it: its name when the workspace knows it, else "another partner
 * (1a2b3c4d…)": the short id stays as the detail to quote to the partner or to Microsoft.
 */
export function tenantName(names: TenantNames | null | undefined, tenantId: string | null | undefined, lang: Lang): string {
  const id = tenantId?.trim();
  if (!id) return lang === 'ja' ? '不明' : 'unknown';
  const known = names?.get(id.toLowerCase());
  if (known) return known;
  return lang === 'ja' ? `他のパートナー (${shortId(id)})` : `another partner (${shortId(id)})`;
}
