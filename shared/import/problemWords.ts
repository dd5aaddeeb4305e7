// The words of an import refusal: each reason a literal key of shared/words (importError.*), its
// params filled in (eslint/i18nKeys.js: keys are literal, so the catalogs test sees each one). The
// place ("row 3" / "3 行目") is worded in errors.ts's formatImportError.
import { formatCount } from '../domain/format';
import { wordsIn, type Translate, type WordsLang } from '../words';

export type ImportParams = Readonly<Record<string, string>>;

/** What kind of file (limits.ts's ImportFileKind), in words. */
const KINDS: Readonly<Record<string, (t: Translate) => string>> = {
  users: (t) => t('importKind.users'),
  adminCenterUsers: (t) => t('importKind.adminCenterUsers'),
  collectionZip: (t) => t('importKind.collectionZip'),
  subscribedSkus: (t) => t('importKind.subscribedSkus'),
  subscriptions: (t) => t('importKind.subscriptions'),
  organization: (t) => t('importKind.organization'),
  partnerCenterCustomer: (t) => t('importKind.partnerCenterCustomer'),
  catalog: (t) => t('importKind.catalog'),
  offers: (t) => t('importKind.offers'),
  markets: (t) => t('importKind.markets'),
};

/** A text encoding's name (decode.ts's TextEncodingName), in words. */
const ENCODINGS: Readonly<Record<string, (t: Translate) => string>> = {
  'utf-8': (t) => t('encoding.utf-8'),
  'utf-16le': (t) => t('encoding.utf-16le'),
  'utf-16be': (t) => t('encoding.utf-16be'),
  shift_jis: (t) => t('encoding.shift_jis'),
};

/** A member of a zip as a message names it (`users.json (in tenant-data.zip)`). */
export function memberLabelIn(lang: WordsLang, member: string, zip: string): string {
  const t = wordsIn(lang);
  return t('importError.place.member', { member, zip });
}

/** A collection's place in a language: the file, and the field or zip entry as an item (Japanese 項目, not the CSV's 列). */
export function collectionPlaceIn(lang: WordsLang, file: string, field: string | undefined): string[] {
  const t = wordsIn(lang);
  return [t('importError.place.file', { file }), ...(field !== undefined && field !== '' ? [t('importError.place.item', { field })] : [])];
}

/** An encoding's name in a language (the page says which encoding a file was read in). */
export function encodingNameIn(lang: WordsLang, encoding: string): string {
  return ENCODINGS[encoding]?.(wordsIn(lang)) ?? encoding;
}

/** Five items of a list, then "...". */
export const listOf = (items: readonly string[], max = 5): string => (items.length > max ? `${items.slice(0, max).join(', ')}, ...` : items.join(', '));

/** Where the customer's known domains come from (tenantMatch.ts's params.sources, comma-separated). */
const DOMAIN_SOURCES: Readonly<Record<string, (t: Translate, p: ImportParams) => string>> = {
  details: (t) => t('importError.domainsFrom.details'),
  organization: (t, p) => t('importError.domainsFrom.organization', { file: p.organizationFile ?? '' }),
  imported: (t) => t('importError.domainsFrom.imported'),
};

function domainsFrom(t: Translate, p: ImportParams): string {
  const sources = (p.sources ?? '').split(',').filter((s) => s !== '');
  // One source said when it is not the customer's own details, or more than one.
  if (sources.length <= 1 && sources.includes('details')) return '';
  return t('importError.domainsFrom.list', { sources: sources.map((s) => DOMAIN_SOURCES[s]?.(t, p) ?? s).join(t('importError.domainsFrom.separator')) });
}

/** params.found: JSON [domain, users][] (most users first). */
function usersAt(t: Translate, lang: WordsLang, p: ImportParams): string {
  const found = JSON.parse(p.found ?? '[]') as [string, number][];
  return listOf(found.map(([domain, n]) => (n === 1 ? t('importError.domainUsers.one', { domain, count: formatCount(n, lang) }) : t('importError.domainUsers.other', { domain, count: formatCount(n, lang) }))));
}

/** The JSON parser's sentences (V8: Node and Chromium) explained; another sentence is quoted as it is. */
const JSON_SENTENCES: readonly [RegExp, (t: Translate, m: RegExpMatchArray) => string][] = [
  [/^Unexpected end of JSON input/, (t) => t('importError.jsonSentence.endOfInput')],
  [/^Expected ',' or '\}' after property value/, (t) => t('importError.jsonSentence.afterPropertyValue')],
  [/^Expected ',' or '\]' after array element/, (t) => t('importError.jsonSentence.afterArrayElement')],
  [/^Expected ':' after property name/, (t) => t('importError.jsonSentence.afterPropertyName')],
  [/^Expected double-quoted property name/, (t) => t('importError.jsonSentence.doubleQuotedName')],
  [/^Expected property name or '\}'/, (t) => t('importError.jsonSentence.nameOrBrace')],
  [/^Unterminated string/, (t) => t('importError.jsonSentence.unterminatedString')],
  [/^Bad control character in string literal/, (t) => t('importError.jsonSentence.controlCharacter')],
  [/^Bad escaped character/, (t) => t('importError.jsonSentence.badEscape')],
  [/^Bad Unicode escape/, (t) => t('importError.jsonSentence.badUnicodeEscape')],
  [/^No number after minus sign/, (t) => t('importError.jsonSentence.minusSign')],
  [/^Exponent part is missing a number/, (t) => t('importError.jsonSentence.exponent')],
  [/^Unterminated fractional number/, (t) => t('importError.jsonSentence.fraction')],
  [/^Unexpected non-whitespace character after JSON/, (t) => t('importError.jsonSentence.afterJson')],
  [/^Unexpected token '(.+?)'/, (t, m) => t('importError.jsonSentence.unexpectedToken', { token: m[1]! })],
];

/**
 * The parser's sentence: English says the parser's own words; another language explains them and
 * quotes them (the catalog's English explanations are there for a language that would say them).
 */
function jsonSentence(t: Translate, lang: WordsLang, parserMessage: string): string {
  if (lang === 'en') return parserMessage;
  const known = JSON_SENTENCES.map(([re, words]) => [re.exec(parserMessage), words] as const).find(([m]) => m);
  const explained = known ? known[1](t, known[0]!) : t('importError.jsonSentence.other');
  return `${explained}${t('importError.parserSaid', { parserMessage })}`;
}

/** A value of the file (json.ts's valueParams: valueType, value), in words. */
const VALUES: Readonly<Record<string, (t: Translate, p: ImportParams) => string>> = {
  undefined: (t) => t('importError.value.undefined'),
  null: () => 'null',
  array: (t) => t('importError.value.array'),
  object: (t) => t('importError.value.object'),
  string: (t, p) => t('importError.value.string', { value: p.value ?? '' }),
  number: (t, p) => t('importError.value.number', { value: p.value ?? '' }),
  bigint: (t, p) => t('importError.value.bigint', { value: p.value ?? '' }),
  boolean: (t, p) => t('importError.value.boolean', { value: p.value ?? '' }),
};
const valueIn = (t: Translate, p: ImportParams): string => VALUES[p.valueType ?? '']?.(t, p) ?? `${p.valueType ?? ''} ${p.value ?? ''}`;

/** The schemas' own sentences (graph.ts, offers.ts, partnerCenter.ts) and zod's types, in words. */
const ISSUES: Readonly<Record<string, (t: Translate) => string>> = {
  'must not be empty': (t) => t('importError.issue.notEmpty'),
  'is not a GUID': (t) => t('importError.issue.notAGuid'),
  'must be a whole number': (t) => t('importError.issue.wholeNumber'),
  'must not be negative': (t) => t('importError.issue.notNegative'),
};
const TYPES: Readonly<Record<string, (t: Translate) => string>> = {
  string: (t) => t('importError.type.string'),
  number: (t) => t('importError.type.number'),
  boolean: (t) => t('importError.type.boolean'),
  array: (t) => t('importError.type.array'),
  object: (t) => t('importError.type.object'),
};

/** A schema's complaint (params issueMessage, issueCode, expected): English says it as zod or the schema does. */
function issueIn(t: Translate, lang: WordsLang, p: ImportParams): string {
  if (p.issueMessage === undefined) return t('importError.issue.none');
  if (lang === 'en') return p.issueMessage;
  const known = ISSUES[p.issueMessage];
  if (known) return known(t);
  if (p.issueCode === 'invalid_type' && p.expected !== undefined) return t('importError.issue.mustBe', { type: TYPES[p.expected]?.(t) ?? p.expected });
  return t('importError.issue.other', { message: p.issueMessage });
}

/** A Graph export's kind, in words (subscribedSkus is its endpoint's name in both languages). */
const GRAPH_KINDS: Readonly<Record<string, (t: Translate) => string>> = {
  subscribedSkus: () => 'subscribedSkus',
  subscriptions: (t) => t('importError.graphKind.subscriptions'),
  users: (t) => t('importError.graphKind.users'),
  organization: (t) => t('importError.graphKind.organization'),
};

const PROBLEMS = {
  EMPTY_VALUE: (t: Translate) => t('importError.EMPTY_VALUE'),
  EMPTY_FILE: (t: Translate) => t('importError.EMPTY_FILE'),
  NOT_A_GUID: (t: Translate, p: ImportParams) => t('importError.NOT_A_GUID', p),
  NOT_A_COUNTRY_CODE: (t: Translate, p: ImportParams) => t('importError.NOT_A_COUNTRY_CODE', p),
  COLUMN_MISSING: (t: Translate) => t('importError.COLUMN_MISSING'),
  CATALOG_COLUMN_MISSING: (t: Translate) => t('importError.CATALOG_COLUMN_MISSING'),
  CSV_UNREADABLE: (t: Translate, p: ImportParams) => t('importError.CSV_UNREADABLE', p),
  NO_ORGANIZATION: (t: Translate) => t('importError.NO_ORGANIZATION'),
  NO_USER_NAMED: (t: Translate) => t('importError.NO_USER_NAMED'),
  // params: kind (an ImportFileKind), limit (MB), size (MB; none when it rounds to the limit).
  TOO_LARGE: (t: Translate, p: ImportParams) =>
    t('importError.TOO_LARGE', {
      size: p.size !== undefined ? t('importError.size.is', { size: p.size }) : t('importError.size.over', { limit: p.limit ?? '' }),
      kind: KINDS[p.kind ?? '']?.(t) ?? p.kind ?? '',
      limit: p.limit ?? '',
    }),
  // params: fileType ('csv' | 'json'): what to export again as.
  NOT_TEXT: (t: Translate, p: ImportParams) => t('importError.NOT_TEXT', { advice: p.fileType === 'csv' ? t('importError.reexport.csv') : t('importError.reexport.json') }),
  UTF16_READ_AS_UTF8: (t: Translate) => t('importError.UTF16_READ_AS_UTF8'),
  NOT_UTF8_FIRST_LINE: (t: Translate) => t('importError.NOT_UTF8_FIRST_LINE'),
  // params: parserMessage (the JSON parser's own sentence, without its position).
  NOT_JSON: (t: Translate, p: ImportParams, lang: WordsLang) => t('importError.NOT_JSON', { sentence: jsonSentence(t, lang, p.parserMessage ?? '') }),
  // params: key, and the value found (valueType, value).
  NOT_A_COLLECTION: (t: Translate, p: ImportParams) => t('importError.NOT_A_COLLECTION', { key: p.key ?? '', value: valueIn(t, p) }),
  NOT_AN_ARRAY: (t: Translate, p: ImportParams) => t('importError.NOT_AN_ARRAY', { value: valueIn(t, p) }),
  NOT_A_DATE_TIME: (t: Translate, p: ImportParams) => t('importError.NOT_A_DATE_TIME', { value: valueIn(t, p) }),
  MISSING: (t: Translate) => t('importError.MISSING'),
  // params: the value (valueType, value) and the schema's complaint (issueMessage, issueCode, expected).
  INVALID_FIELD: (t: Translate, p: ImportParams, lang: WordsLang) => `${valueIn(t, p)}: ${issueIn(t, lang, p)}`,
  // params: columns (the header's count), missing (the nearest layout's missing columns), extra (columns no layout has).
  ADMIN_LAYOUT_UNKNOWN: (t: Translate, p: ImportParams) =>
    t('importError.ADMIN_LAYOUT_UNKNOWN', { columns: p.columns ?? '', missing: p.missing ?? '', extra: p.extra ? t('importError.unknownColumns.list', { columns: p.extra }) : '' }),
  UNCLOSED_QUOTE: (t: Translate) => t('importError.UNCLOSED_QUOTE'),
  TEXT_AFTER_QUOTE: (t: Translate) => t('importError.TEXT_AFTER_QUOTE'),
  FIELD_COUNT: (t: Translate, p: ImportParams) => t('importError.FIELD_COUNT', p),
  DUPLICATE_ID: (t: Translate, p: ImportParams) => t('importError.DUPLICATE_ID', p),
  NOT_TWO_LETTERS: (t: Translate, p: ImportParams) => t('importError.NOT_TWO_LETTERS', p),
  NOT_UTF8_TEXT: (t: Translate) => t('importError.NOT_UTF8_TEXT'),
  CSV_QUOTES: (t: Translate, p: ImportParams) => t('importError.CSV_QUOTES', p),
  // params: list ('customers' | 'subscriptions': which Partner Center export), missing (columns).
  NOT_THIS_LIST: (t: Translate, p: ImportParams) =>
    t('importError.NOT_THIS_LIST', { what: p.list === 'customers' ? t('importError.pcList.customers') : t('importError.pcList.subscriptions'), missing: p.missing ?? '' }),
  NOT_A_SUBSCRIPTION_ID: (t: Translate, p: ImportParams) => t('importError.NOT_A_SUBSCRIPTION_ID', p),
  ALREADY_ON_ROW: (t: Translate, p: ImportParams) => t('importError.ALREADY_ON_ROW', p),
  NOT_A_QUANTITY: (t: Translate, p: ImportParams) => t('importError.NOT_A_QUANTITY', p),
  NOT_A_TENANT_ID: (t: Translate, p: ImportParams) => t('importError.NOT_A_TENANT_ID', p),
  TOO_LONG: (t: Translate, p: ImportParams) => t('importError.TOO_LONG', p),
  NOT_A_DOMAIN: (t: Translate, p: ImportParams) => t('importError.NOT_A_DOMAIN', p),
  // The collection script's zip (collectionZip.ts): sizes, names and versions; parserMessage is the unzipper's or JSON parser's own sentence.
  ZIP_UNREADABLE: (t: Translate, p: ImportParams) => t('importError.ZIP_UNREADABLE', p),
  ZIP_TOO_MANY_FILES: (t: Translate, p: ImportParams) => t('importError.ZIP_TOO_MANY_FILES', p),
  ZIP_BOMB_RATIO: (t: Translate, p: ImportParams) => t('importError.ZIP_BOMB_RATIO', p),
  ZIP_BOMB_TOTAL: (t: Translate, p: ImportParams) => t('importError.ZIP_BOMB_TOTAL', p),
  ZIP_BOMB_MEMBER: (t: Translate, p: ImportParams) => t('importError.ZIP_BOMB_MEMBER', p),
  ZIP_NOT_UNPACKED: (t: Translate, p: ImportParams) => t('importError.ZIP_NOT_UNPACKED', p),
  COLLECTION_NOT_UTF8: (t: Translate, p: ImportParams) => t('importError.COLLECTION_NOT_UTF8', p),
  COLLECTION_NOT_JSON: (t: Translate, p: ImportParams) => t('importError.COLLECTION_NOT_JSON', p),
  SCRIPT_VERSION: (t: Translate, p: ImportParams) => t('importError.SCRIPT_VERSION', p),
  MANIFEST_MISSING_FIELD: (t: Translate, p: ImportParams) => t('importError.MANIFEST_MISSING_FIELD', p),
  MANIFEST_INVALID_FIELD: (t: Translate, p: ImportParams) => t('importError.MANIFEST_INVALID_FIELD', p),
  MANIFEST_NOT_IN_ZIP: (t: Translate, p: ImportParams) => t('importError.MANIFEST_NOT_IN_ZIP', p),
  MANIFEST_TWICE: (t: Translate, p: ImportParams) => t('importError.MANIFEST_TWICE', p),
  COLLECTION_OTHER_TENANT: (t: Translate, p: ImportParams) => t('importError.COLLECTION_OTHER_TENANT', p),
  MANIFEST_NAMES_ABSENT: (t: Translate, p: ImportParams) => t('importError.MANIFEST_NAMES_ABSENT', p),
  ZIP_DAMAGED: (t: Translate, p: ImportParams) => t('importError.ZIP_DAMAGED', p),
  NOT_A_GRAPH_EXPORT: (t: Translate) => t('importError.NOT_A_GRAPH_EXPORT'),
  SECOND_ORGANIZATION: (t: Translate, p: ImportParams) => t('importError.SECOND_ORGANIZATION', p),
  COLLECTION_TWO_TENANTS: (t: Translate, p: ImportParams) => t('importError.COLLECTION_TWO_TENANTS', p),
  // params: kind (a Graph export: subscribedSkus, subscriptions, users, organization), zip.
  GIVEN_TWICE: (t: Translate, p: ImportParams) => t('importError.GIVEN_TWICE', { kind: GRAPH_KINDS[p.kind ?? '']?.(t) ?? p.kind ?? '', zip: p.zip ?? '' }),
  CATALOG_FIRST: (t: Translate) => t('importError.CATALOG_FIRST'),
  // params: tenantId, customer, customerTenant.
  OTHER_TENANT_ID: (t: Translate, p: ImportParams) => t('importError.OTHER_TENANT_ID', p),
  // params: customer, known (its domains), sources, organizationFile, found.
  OTHER_TENANT_DOMAINS: (t: Translate, p: ImportParams, lang: WordsLang) =>
    t('importError.OTHER_TENANT_DOMAINS', { customer: p.customer ?? '', known: p.known ?? '', from: domainsFrom(t, p), found: usersAt(t, lang, p) }),
} satisfies Record<string, (t: Translate, p: ImportParams, lang: WordsLang) => string>;

/** Why an import was refused: a code whose words are in shared/words. */
export type ImportReason = keyof typeof PROBLEMS;

/** The reason's sentence in a language (the params are values: numbers, names, the parser's own words). */
export function problemIn(lang: WordsLang, reason: ImportReason, params: ImportParams = {}): string {
  return PROBLEMS[reason](wordsIn(lang), params, lang);
}
