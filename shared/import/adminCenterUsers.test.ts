// The admin center's "Export users" CSV: the real fixture as it is, and the 28- and 32-column
// layouts built from it in the layout fixtures/README.md documents (the fixture is never edited).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from './catalogCsv';
import {
  ADMIN_CENTER_COLUMNS_28,
  ADMIN_CENTER_COLUMNS_29,
  ADMIN_CENTER_COLUMNS_32,
  decodeCsvBytes,
  isFreeOrTrial,
  looksLikeAdminCenterUsers,
  parseAdminCenterUsers,
  parseAdminCenterUsersBytes,
  splitLicenses,
} from './adminCenterUsers';
import { isUtf8 } from './utf8Csv';
import { ImportError } from './errors';
import { tenantImportChanges, tenantImportChunk, tenantImportCommit } from '../mutators/imports';
import { importErrorOf } from '../../test/support/importErrors';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const FILE = 'users_12_1_2026 9_30_12 AM.csv';
const bytes = readFileSync(path.join(fixtures, 'm365-admin-center', FILE));
const text = bytes.toString('utf8');
const catalog = parseCatalogCsv(readFileSync(path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv'), 'utf8'), 'licensing.csv');

const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const M365_E3 = '05e9a617-0261-4cee-bb44-138d3ef5d965';
const E1 = '18181a46-0d4e-45cd-891e-60aabd171b4e';
const BASIC = '3b555118-da6a-4418-894f-7df1e2096870';
const BASIC_SMB = 'dab7782a-93b1-4074-8bb1-0e61318bea0b';

/** The fixture's rows as records, to write them again in another layout. */
const records = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: 'greedy' }).data;

function writeLayout(columns: readonly string[], extra: (r: Record<string, string>) => Record<string, string> = () => ({})): string {
  const lines = records.map((r) => {
    const full = { ...r, ...extra(r) };
    return Papa.unparse([columns.map((c) => full[c] ?? '')], { newline: '\n' });
  });
  return `\uFEFF${columns.join(',')}\n${lines.join('\n')}\n`;
}

const caught = importErrorOf;

describe('admin center "Export users" CSV, the real 29-column file', () => {
  const { inventory, report } = parseAdminCenterUsers(text, FILE, catalog);

  it('reads every user with the Graph-import shape: object id, UPN, licenses by SKU id', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(report.layout).toBe(29);
    expect(report.rows).toBe(40);
    expect(inventory.users).toHaveLength(40);
    const kaito = inventory.users.find((u) => u.userPrincipalName === 'kaito.kobayashi0@contoso.example')!;
    expect(kaito).toEqual({ id: '7253edc6-1818-4993-afa9-1425cb008853', userPrincipalName: 'kaito.kobayashi0@contoso.example', licenses: [{ skuId: E3, disabledPlans: [], assignedByGroups: [], direct: true }] });
    // "Office 365 E3+Microsoft Power Automate Free": the free product is left aside.
    const yui = inventory.users.find((u) => u.userPrincipalName === 'yui.suzuki1@contoso.example')!;
    expect(yui.licenses.map((l) => l.skuId)).toEqual([E3]);
    expect(inventory.users.filter((u) => u.licenses.length === 0).length).toBeGreaterThanOrEqual(5);
  });

  it('counts seats in use per SKU with the catalog part number and plans; no channel, no dates', () => {
    const e3 = inventory.skus.find((s) => s.skuId === E3)!;
    expect(e3.skuPartNumber).toBe('ENTERPRISEPACK');
    expect(e3.consumedUnits).toBe(20);
    expect(e3.servicePlans.length).toBeGreaterThan(10);
    expect(inventory.skus.find((s) => s.skuId === M365_E3)?.consumedUnits).toBe(5);
    expect(inventory.skus.find((s) => s.skuId === E1)?.consumedUnits).toBe(5);
    expect(inventory.subscriptions).toBeNull();
    expect(inventory.countryLetterCode).toBeNull();
    expect(report.lacks).toEqual(expect.arrayContaining(['expiryDates', 'channel']));
    expect(report.notInCatalog).toEqual([]);
  });

  it("is taken by the tenant import path: every chunk and the commit pass the mutators' own argument schemas", () => {
    const changes = tenantImportChanges(inventory, { importId: 'imp-1', customerId: 'cust-1', files: [FILE] });
    const chunks = changes.filter((c) => c.name === tenantImportChunk.name);
    expect(chunks.map((c) => (c.args as { kind: string }).kind)).toEqual(['skus', 'users']);
    for (const c of chunks) expect(tenantImportChunk.args.safeParse(c.args).error).toBeUndefined();
    const commit = changes.at(-1)!;
    expect(commit.name).toBe(tenantImportCommit.name);
    expect(tenantImportCommit.args.safeParse(commit.args).error).toBeUndefined();
    expect(commit.args).toMatchObject({ counts: { skus: 3, subscriptions: 0, users: 40 } });
  });

  it('lists free and trial products and leaves them out', () => {
    expect(report.freeOrTrial.map((f) => f.name).sort()).toEqual(['Microsoft Fabric (Free)', 'Microsoft Power Apps Plan 2 Trial', 'Microsoft Power Automate Free', 'Microsoft Teams Exploratory']);
    expect(report.freeOrTrial.every((f) => f.users === 5)).toBe(true);
    const freeIds = catalog.skus.filter((s) => ['FLOW_FREE', 'POWER_BI_STANDARD', 'POWERAPPS_VIRAL', 'TEAMS_EXPLORATORY'].includes(s.partNumber)).map((s) => s.id);
    expect(freeIds).toHaveLength(4);
    expect(inventory.skus.filter((s) => freeIds.includes(s.skuId))).toEqual([]);
  });

  it('reports "Microsoft 365 Business Basic" (two SKUs) as ambiguous, resolved by the tenant\'s SKUs or a choice', () => {
    expect(report.ambiguous).toEqual([{ name: 'Microsoft 365 Business Basic', users: 5, candidates: expect.arrayContaining([{ skuId: BASIC, partNumber: 'O365_BUSINESS_ESSENTIALS' }, { skuId: BASIC_SMB, partNumber: 'SMB_BUSINESS_ESSENTIALS' }]) }]);
    expect(inventory.skus.some((s) => s.skuId === BASIC || s.skuId === BASIC_SMB)).toBe(false);
    const bySubscription = parseAdminCenterUsers(text, FILE, catalog, { subscribedSkuIds: [BASIC_SMB.toUpperCase(), E3] });
    expect(bySubscription.report.ambiguous).toEqual([]);
    expect(bySubscription.report.resolvedBySubscription).toEqual([{ name: 'Microsoft 365 Business Basic', users: 5, skuId: BASIC_SMB }]);
    expect(bySubscription.inventory.skus.find((s) => s.skuId === BASIC_SMB)?.consumedUnits).toBe(5);
    const byChoice = parseAdminCenterUsers(text, FILE, catalog, { chosen: { 'Microsoft 365 Business Basic': BASIC } });
    expect(byChoice.report.ambiguous).toEqual([]);
    expect(byChoice.inventory.skus.find((s) => s.skuId === BASIC)?.consumedUnits).toBe(5);
  });

  it('flags users without a usage location, by row', () => {
    expect(report.noUsageLocation).toHaveLength(10);
    expect(report.noUsageLocation[0]).toEqual({ row: 2, userPrincipalName: 'kaito.kobayashi0@contoso.example' });
  });

  it('is recognised by its content, not its name', () => {
    expect(looksLikeAdminCenterUsers(text)).toBe(true);
    expect(looksLikeAdminCenterUsers('{"value": []}')).toBe(false);
    expect(looksLikeAdminCenterUsers('Product_Display_Name,String_Id,GUID\n')).toBe(false);
  });
});

describe('the other documented layouts, built from the fixture', () => {
  it('reads the 28-column layout (no AgeGroup)', () => {
    expect(ADMIN_CENTER_COLUMNS_28).toHaveLength(28);
    const r = parseAdminCenterUsers(writeLayout(ADMIN_CENTER_COLUMNS_28), 'old.csv', catalog);
    expect(r.report.layout).toBe(28);
    expect(r.inventory.users).toHaveLength(40);
    expect(r.inventory.skus.find((s) => s.skuId === E3)?.consumedUnits).toBe(20);
  });

  it('reads the 32-column alphabetical layout with Country/Region, State and License assignment details', () => {
    expect(ADMIN_CENTER_COLUMNS_32).toHaveLength(32);
    expect([...ADMIN_CENTER_COLUMNS_32]).toEqual([...ADMIN_CENTER_COLUMNS_32].sort((a, b) => a.localeCompare(b, 'en')));
    const csv = writeLayout(ADMIN_CENTER_COLUMNS_32, (r) => ({ 'Country/Region': r.CountryOrRegion ?? '', State: r.StateOrProvince ?? '', 'License assignment details': r.Licenses ? 'Direct' : '' }));
    const r = parseAdminCenterUsers(csv, 'new.csv', catalog);
    expect(r.report.layout).toBe(32);
    expect(r.inventory.users.find((u) => u.id === '7253edc6-1818-4993-afa9-1425cb008853')?.licenses.map((l) => l.skuId)).toEqual([E3]);
  });

  it('refuses an unknown header, naming the missing columns (en and ja)', () => {
    const cols = ADMIN_CENTER_COLUMNS_29.filter((c) => c !== 'Licenses' && c !== 'Usage location');
    const e = caught(() => parseAdminCenterUsers(writeLayout(cols), 'odd.csv', catalog));
    expect(e).toBeInstanceOf(ImportError);
    expect(e.code).toBe('INVALID_CSV');
    expect(e.row).toBe(1);
    expect(e.message).toContain('odd.csv: row 1: column');
    expect(e.message).toContain('missing columns: Usage location, Licenses');
    expect(e.messageJa).toContain('ファイル odd.csv: 1 行目');
    expect(e.messageJa).toContain('足りない列: Usage location, Licenses');
  });
});

describe('bad input, in words', () => {
  it('names the file, row and field of a bad value, in English and Japanese', () => {
    const broken = text.replace('7253edc6-1818-4993-afa9-1425cb008853', 'not-a-guid');
    const e = caught(() => parseAdminCenterUsers(broken, FILE, catalog));
    expect(e.message).toBe(`${FILE}: row 2: column Object Id: "not-a-guid" is not a GUID`);
    expect(e.messageJa).toBe(`ファイル ${FILE}: 2 行目: 列「Object Id」: 「not-a-guid」は GUID ではありません`);
  });

  it('decodes UTF-16 (Excel "Unicode text", tab-separated) and Shift_JIS from the bytes', () => {
    const tabbed = text.slice(1).split('\n').map((l) => Papa.parse<string[]>(l).data[0]?.join('\t') ?? '').join('\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]);
    const decoded = decodeCsvBytes(utf16, FILE);
    expect(decoded.encoding).toBe('utf-16le');
    const r = parseAdminCenterUsers(decoded.text, FILE, catalog);
    expect(r.report.delimiter).toBe('\t');
    expect(r.inventory.users).toHaveLength(40);
    // Shift_JIS: a Japanese display name saved by Excel on Japanese Windows (小林 = 0x8FAC 0x97D1).
    const sjis = Buffer.concat([Buffer.from(ADMIN_CENTER_COLUMNS_29.join(',') + '\r\n', 'latin1'), Buffer.from([0x8f, 0xac, 0x97, 0xd1]), Buffer.from(text.split('\n')[1]!.slice('Kaito Kobayashi'.length) + '\r\n', 'latin1')]);
    const fromSjis = decodeCsvBytes(sjis, FILE);
    expect(fromSjis.encoding).toBe('shift_jis');
    expect(fromSjis.text).toContain('小林,False');
    expect(parseAdminCenterUsers(fromSjis.text, FILE, catalog).inventory.users).toHaveLength(1);
    expect(decodeCsvBytes(bytes, FILE)).toEqual({ text: text.slice(1), encoding: 'utf-8' });
  });

  it('refuses UTF-16 already read as UTF-8 text, saying so', () => {
    const wrong = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(1), 'utf16le')]).toString('utf8');
    const e = caught(() => parseAdminCenterUsers(wrong, FILE, catalog));
    expect(e.message).toMatch(/UTF-16|not UTF-8/);
    expect(e.messageJa).toMatch(/UTF-16|UTF-8 でない/);
  });

  it('reads a ";"-separated file saved by Excel', () => {
    const semi = Papa.unparse(Papa.parse<string[]>(text.slice(1), { skipEmptyLines: 'greedy' }).data, { delimiter: ';', newline: '\r\n' });
    const r = parseAdminCenterUsers(semi, 'excel.csv', catalog);
    expect(r.report.delimiter).toBe(';');
    expect(r.inventory.users).toHaveLength(40);
    expect(looksLikeAdminCenterUsers(semi)).toBe(true);
  });

  it('refuses a row with a field too many, by row', () => {
    const lines = text.split('\n');
    lines[3] = `${lines[3]},extra`;
    const e = caught(() => parseAdminCenterUsers(lines.join('\n'), FILE, catalog));
    expect(e.row).toBe(4);
    expect(e.message).toContain('row 4: has 30 fields where the header has 29');
  });
});

describe('license names', () => {
  it('keeps a name that holds a "+" itself whole', () => {
    const known = new Set(catalog.skus.map((s) => s.name.toLowerCase()));
    expect(splitLicenses('Office 365 E3+Microsoft 365 F5 Security + Compliance Add-on+Microsoft Power Automate Free', (n) => known.has(n.trim().toLowerCase()))).toEqual([
      'Office 365 E3',
      'Microsoft 365 F5 Security + Compliance Add-on',
      'Microsoft Power Automate Free',
    ]);
    expect(splitLicenses('Unlicensed', () => false)).toEqual([]);
  });

  it('tells free and trial products from bought ones', () => {
    expect(isFreeOrTrial('Microsoft Power Automate Free', 'FLOW_FREE')).toBe(true);
    expect(isFreeOrTrial('Office 365 E3', 'ENTERPRISEPACK')).toBe(false);
  });
});

describe('the admin center export read from its UTF-8 bytes (no whole-file decode)', () => {
  /** The outcome of a parse: its result, or the refusal's code, reason, row, field and message. */
  const outcome = (fn: () => unknown) => {
    try {
      return { ok: fn() };
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      return { refused: { code: e.code, reason: e.reason, row: e.row, field: e.field, line: e.line, message: e.message } };
    }
  };
  const both = (t: string, raw: Uint8Array = new TextEncoder().encode(t)) => {
    const fromText = outcome(() => parseAdminCenterUsers(decodeCsvBytes(raw, FILE).text, FILE, catalog, { subscribedSkuIds: [BASIC] }));
    const fromBytes = outcome(() => parseAdminCenterUsersBytes(raw, FILE, catalog, { subscribedSkuIds: [BASIC] }).parsed);
    return { fromText, fromBytes };
  };
  const lines = text.split('\n');
  const header = lines[0]!;
  const cases: Record<string, string> = {
    fixture: text,
    'no BOM, CRLF': text.slice(1).replaceAll('\n', '\r\n'),
    'two BOMs': `\uFEFF${text}`,
    'blank lines and a last line without a line end': [header, '', lines[1], ' , ,', lines[2]].join('\n'),
    'Japanese, quotes with "" and a 4-byte character in a license name': [
      header,
      lines[1]!.replace('Kaito Kobayashi', '"小林 ""カイト"" 🍣"'),
      lines[2]!.replace(/,JP,|,US,/, ',"J""P",'),
      lines[3]!,
    ].join('\n'),
    'a quoted line break': [header, lines[1]!.replace(/^[^,]*/, '"two\nlines"'), lines[2]].join('\n'),
    'unclosed quote': [header, lines[1], `"${lines[2]}`].join('\n'),
    'text after a quote': [header, lines[1], `"a"b${lines[2]}`].join('\n'),
    'a field too many before a bad id': [header, lines[1], `${lines[2]},extra`, lines[3]!.replace(/[0-9a-f]{8}-/, 'nope-')].join('\n'),
    'a bad id before an unclosed quote': [header, lines[1]!.replace(/[0-9a-f]{8}-/, 'XYZ-'), `"${lines[2]}`].join('\n'),
    'an upper-case id': [header, lines[1]!.replace(/[0-9a-f]{8}-/, (g) => g.toUpperCase())].join('\n'),
    'a quoted last field before CRLF, a CR inside a field, a quoted end of text': [
      header,
      `${lines[1]},"x"`.replace(/,[^,]*,"x"$/, ',"last, quoted"\r'),
      lines[2]!.replace('Tokyo', 'To\rkyo'),
      `${lines[3]}`.replace(/,[^,]*$/, ',"end"'),
    ].join('\n'),
    'a quoted field then a lone CR at the end of the text': `${header}\n${lines[1]!.replace(/,[^,]*$/, ',"end"')}\r`,
    'a quoted field then a CR and more text': `${header}\n${lines[1]!.replace(/,[^,]*$/, ',"end"\rx')}\n`,
    'header only': `${header}\n`,
    empty: '\n\n',
    'unknown header': `${header.replace('Object Id', 'ObjectId')}\n${lines[1]}`,
  };
  for (const [name, t] of Object.entries(cases)) {
    it(`gives what the decoded text gives: ${name}`, () => {
      const { fromText, fromBytes } = both(t);
      expect(fromBytes).toEqual(fromText);
    });
  }

  it('reads the fixture fully, UTF-8 said', () => {
    const { parsed, encoding } = parseAdminCenterUsersBytes(new Uint8Array(bytes), FILE, catalog);
    expect(encoding).toBe('utf-8');
    expect(parsed).toEqual(parseAdminCenterUsers(text, FILE, catalog));
    expect(parsed.inventory.users.length).toBeGreaterThan(10);
  });

  it('decodes what is not UTF-8 as before (Shift_JIS, UTF-16), saying the encoding', () => {
    const sjis = Buffer.concat([Buffer.from(`${ADMIN_CENTER_COLUMNS_29.join(',')}\r\n`, 'latin1'), Buffer.from([0x8f, 0xac, 0x97, 0xd1]), Buffer.from(`${lines[1]!.slice('Kaito Kobayashi'.length)}\r\n`, 'latin1')]);
    expect(parseAdminCenterUsersBytes(new Uint8Array(sjis), FILE, catalog).encoding).toBe('shift_jis');
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(1), 'utf16le')]));
    const read = parseAdminCenterUsersBytes(utf16, FILE, catalog);
    expect(read.encoding).toBe('utf-16le');
    expect(read.parsed).toEqual(parseAdminCenterUsers(text, FILE, catalog));
    const { fromText, fromBytes } = both('', new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0xfe, 0x0a]));
    expect(fromBytes).toEqual(fromText);
  });

  it('tells UTF-8 as a fatal TextDecoder does', () => {
    const fatal = (b: number[]) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(b));
        return true;
      } catch {
        return false;
      }
    };
    const samples = [[0x41], [0xc2, 0xa9], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe3, 0x81], [0xe3, 0x81, 0x41], [0x80], [0xff]];
    for (const b of samples) expect([b, isUtf8(new Uint8Array(b))]).toEqual([b, fatal(b)]);
    // Inside longer ASCII runs, at every alignment of the view in its buffer (it reads four bytes at a time).
    const buffer = new Uint8Array(64);
    for (const b of samples) {
      for (let offset = 0; offset < 8; offset++) {
        for (let at = 0; at < 24; at += 5) {
          const view = buffer.subarray(offset, offset + 40).fill(0x61);
          view.set(b, at);
          expect([b, offset, at, isUtf8(view)]).toEqual([b, offset, at, fatal([...view])]);
        }
      }
    }
  });
});
