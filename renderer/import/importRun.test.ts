// Bad input, end to end through the import the worker runs (importRun.ts) on real Dexie code over
// fake-indexeddb, with files built in the exact layouts of ../shared/fixtures: every refusal names
// the file, the row or record and the field in English and Japanese, and leaves every table of the
// workspace as it was. Files checked on the page first (size) go through sendTenantFile / readPicked
// as the screens call them, and are decoded by the run as the worker does.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTextBytes, type TextEncodingName } from '../../shared/import/decode';
import { IMPORT_SIZE_LIMITS } from '../../shared/import/limits';
import type { Actor } from '../../shared/mutators/define';
import { SyncClient } from '../../shared/sync/client';
import { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from '../sync/dexieClientStore';
import type { FromWorker, ImportFailure, ImportRequest, ImportSummary } from './importProtocol';
import { runImport } from './importRun';
import { readTenantFile, sendTenantFile, sniffTenantFile } from './tenantFileKind';
import { readPicked } from './useImport';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const fixtureBytes = (p: string) => readFileSync(path.join(fixtures, p));
const CATALOG = fixtureBytes('microsoft/Product names and service plan identifiers for licensing.csv').toString('utf8');
const ADMIN_FILE = 'users_12_1_2026 9_30_12 AM.csv';
const ADMIN = fixtureBytes(`m365-admin-center/${ADMIN_FILE}`).toString('utf8');
const GRAPH_USERS = fixtureBytes('graph/user.licenseAssignmentStates.example.json').toString('utf8');
const GRAPH_SUBSCRIPTIONS = fixtureBytes('graph/directory.subscriptions.list.response.json').toString('utf8');
const CUSTOMER_TENANT = '9f2a1c3e-5b7d-4e8f-a1b2-c3d4e5f60718';
const OTHER_TENANT = '1c0a8b6e-2d4f-4a3b-9c8d-7e6f5a4b3c2d';

const actor: Actor = { id: 'aiko', name: 'Aiko', role: 'admin-agent' };
const opened: WorkspaceDatabase[] = [];
let n = 0;

/**
 * Shift_JIS bytes as Excel on Japanese Windows writes them, from the platform's own Shift_JIS
 * decoder read backwards (every two-byte code decoded once): no encoder package is needed, and the
 * bytes are the ones the import's decoder reads.
 */
function shiftJis(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      try {
        const c = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(c)) table.set(c, [lead, trail]);
      } catch {
        // not a character in Shift_JIS
      }
    }
  }
  const out: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
    else {
      const bytes = table.get(c);
      if (!bytes) throw new Error(`${c} has no Shift_JIS code`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

async function workspace(customer: { domain?: string; tenantId?: string } = {}) {
  const dbName = `bad-input-${++n}`;
  const db = new WorkspaceDatabase(dbName);
  opened.push(db);
  const client = new SyncClient(new DexieClientStore(db, () => `client-${dbName}`), { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) }, { actor: () => actor, now: () => '2026-12-06T09:00:00.000Z' });
  const created = await client.mutate('customer.create', { id: 'c-contoso', name: 'Contoso Japan', ...customer });
  if (!created.ok) throw new Error(created.message);
  return { db, dbName };
}

async function run(dbName: string, request: ImportRequest): Promise<{ status: 'done'; result: ImportSummary } | { status: 'failed'; failure: ImportFailure }> {
  const messages: FromWorker[] = [];
  await runImport({ type: 'start', request, importId: `imp-${++n}`, dbName, actor, now: '2026-12-06T09:00:00.000Z' }, { post: (m) => messages.push(m), cancelled: () => false });
  const last = messages.at(-1)!;
  if (last.type === 'done') return { status: 'done', result: last.result };
  if (last.type === 'failed') return { status: 'failed', failure: last.failure };
  throw new Error(`unexpected last message ${last.type}`);
}

/** Every row of every table, to show a refused import left the workspace as it was. */
async function everything(db: WorkspaceDatabase): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

async function refused(db: WorkspaceDatabase, dbName: string, request: ImportRequest) {
  const before = await everything(db);
  const outcome = await run(dbName, request);
  if (outcome.status !== 'failed' || outcome.failure.kind !== 'parse') throw new Error(`expected a refusal, got ${JSON.stringify(outcome).slice(0, 300)}`);
  expect(await everything(db)).toEqual(before);
  return outcome.failure;
}

async function withCatalog(customer: { domain?: string; tenantId?: string } = {}) {
  const ws = await workspace(customer);
  const imported = await run(ws.dbName, { kind: 'catalog', files: { catalog: { file: 'licensing.csv', text: CATALOG } } });
  expect(imported.status).toBe('done');
  return ws;
}

const adminCenter = (text: string, file = ADMIN_FILE, encoding?: TextEncodingName): ImportRequest => ({
  kind: 'tenant',
  customerId: 'c-contoso',
  files: { adminCenterUsers: { file, text, ...(encoding ? { encoding } : {}) } },
});

afterAll(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('wrong encodings, decoded or refused in words', () => {
  let ws: Awaited<ReturnType<typeof withCatalog>>;
  beforeAll(async () => {
    ws = await withCatalog({ domain: 'contoso.example' });
  });

  it('imports an admin-center export saved by Excel on Japanese Windows (Shift_JIS, CRLF), Japanese names intact, and says it was Shift_JIS', async () => {
    const lines = ADMIN.slice(1).split('\n').filter((l) => l !== '');
    lines[1] = lines[1]!.replace('Kaito Kobayashi,False', '小林 海斗,False').replace(',Kaito,Kobayashi,', ',海斗,小林,');
    const bytes = shiftJis(lines.join('\r\n') + '\r\n');
    const decoded = decodeTextBytes(bytes, 'export (3).csv', 'csv');
    expect(decoded.encoding).toBe('shift_jis');
    expect(decoded.text).toContain('小林 海斗,False,kaito.kobayashi0@contoso.example');
    const outcome = await run(ws.dbName, adminCenter(decoded.text, 'export (3).csv', decoded.encoding));
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.result.counts.users).toBe(40);
    expect(outcome.result.decoded).toEqual([{ file: 'export (3).csv', encoding: 'shift_jis' }]);
  });

  it("reads a Graph users export written by Windows PowerShell's Out-File (UTF-16 with a BOM), and recognises it by its content", async () => {
    expect(decodeTextBytes(utf16le(GRAPH_USERS), 'users.json', 'json')).toEqual({ text: GRAPH_USERS, encoding: 'utf-16le' });
    expect(await sniffTenantFile(new File([utf16le(GRAPH_USERS)], 'export.txt'))).toBe('users');
    expect(await sniffTenantFile(new File([Buffer.from(GRAPH_USERS, 'utf16le')], 'export.txt'))).toBe('users');
    // Without a BOM too: ASCII text has a zero in every other byte.
    expect(decodeTextBytes(new Uint8Array(Buffer.from(GRAPH_USERS, 'utf16le')), 'users.json', 'json').encoding).toBe('utf-16le');
  });

  it('refuses bytes that are no text the app reads, naming the file and the line, in both languages', async () => {
    // A byte neither UTF-8 nor Shift_JIS reads (0xFD begins no character in either).
    const broken = new Uint8Array([...Buffer.from('Display name,User principal name\nok,a@contoso.example\n', 'latin1'), 0x41, 0xfd, 0x0a]);
    let error: unknown;
    try {
      decodeTextBytes(broken, 'users.csv', 'csv');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'INVALID_ENCODING', file: 'users.csv', line: 3 });
    const e = error as { message: string; messageJa: string };
    expect(e.message).toBe('users.csv: line 3: the file is neither UTF-8, UTF-16 nor Shift_JIS text (this line holds bytes none of them reads): export it again, or save it in Excel as "CSV UTF-8 (Comma delimited)"');
    expect(e.messageJa).toBe('ファイル users.csv: 3 行目: UTF-8、UTF-16、Shift_JIS のいずれのテキストでもありません (この行にどれでも読めないバイトがあります)。もう一度エクスポートするか、Excel で「CSV UTF-8 (コンマ区切り)」として保存してください');
  });

  it('refuses UTF-16 text that reached the parser as UTF-8, and writes nothing', async () => {
    const wrong = Buffer.from(utf16le(ADMIN.slice(1))).toString('utf8');
    const failure = await refused(ws.db, ws.dbName, adminCenter(wrong));
    expect(failure.details).toMatchObject({ code: 'INVALID_ENCODING', file: ADMIN_FILE, line: 1 });
    expect(failure.message).toContain('UTF-16 text read as UTF-8');
    expect(failure.messageJa).toContain('UTF-16 のファイルが UTF-8 として読まれました');
  });
});

describe('a picked File, read and decoded in the worker (the page posts the File, not its text)', () => {
  let ws: Awaited<ReturnType<typeof withCatalog>>;
  beforeAll(async () => {
    ws = await withCatalog({ domain: 'contoso.example' });
  });

  it('imports a Shift_JIS admin-center File as sendTenantFile sends it, and says it was Shift_JIS', async () => {
    const lines = ADMIN.slice(1).split('\n').filter((l) => l !== '');
    lines[1] = lines[1]!.replace('Kaito Kobayashi,False', '小林 海斗,False').replace(',Kaito,Kobayashi,', ',海斗,小林,');
    const picked = new File([new Uint8Array(shiftJis(lines.join('\r\n') + '\r\n'))], 'export (3).csv');
    const sent = await sendTenantFile(picked, 'adminCenterUsers');
    expect(sent).toEqual({ file: 'export (3).csv', blob: picked, decodeAs: 'csv' });
    if ('bytes' in sent) throw new Error('a text file');
    const outcome = await run(ws.dbName, { kind: 'tenant', customerId: 'c-contoso', files: { adminCenterUsers: sent } });
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.result.counts.users).toBe(40);
    expect(outcome.result.decoded).toEqual([{ file: 'export (3).csv', encoding: 'shift_jis' }]);
  });

  it('imports the licensing CSV File as readPicked sends it (UTF-8 with a BOM): not said to be another encoding', async () => {
    const ws2 = await workspace();
    const picked = await readPicked(new File([CATALOG], 'licensing.csv'), 'catalog');
    expect(picked).toMatchObject({ file: 'licensing.csv', decodeAs: 'csv' });
    const outcome = await run(ws2.dbName, { kind: 'catalog', files: { catalog: picked! } });
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.result.counts.catalog).toBeGreaterThan(500);
    expect(outcome.result.decoded).toBeUndefined();
  });

  it('refuses a File of bytes no encoding reads in the same words as before, naming the file and line, and writes nothing', async () => {
    const broken = new File([new Uint8Array([...Buffer.from('Display name,User principal name\nok,a@contoso.example\n', 'latin1'), 0x41, 0xfd, 0x0a])], 'users.csv');
    const sent = await sendTenantFile(broken, 'adminCenterUsers');
    if ('bytes' in sent) throw new Error('a text file');
    const failure = await refused(ws.db, ws.dbName, { kind: 'tenant', customerId: 'c-contoso', files: { adminCenterUsers: sent } });
    expect(failure.details).toMatchObject({ code: 'INVALID_ENCODING', file: 'users.csv', line: 3 });
    expect(failure.message).toBe('users.csv: line 3: the file is neither UTF-8, UTF-16 nor Shift_JIS text (this line holds bytes none of them reads): export it again, or save it in Excel as "CSV UTF-8 (Comma delimited)"');
    expect(failure.messageJa).toBe('ファイル users.csv: 3 行目: UTF-8、UTF-16、Shift_JIS のいずれのテキストでもありません (この行にどれでも読めないバイトがあります)。もう一度エクスポートするか、Excel で「CSV UTF-8 (コンマ区切り)」として保存してください');
  });

  it('names the first unreadable File in the order the request lists them, though they are read at once', async () => {
    const unreadable = (name: string, line: number) =>
      new File([new Uint8Array([...Buffer.from('{"value": [\n'.repeat(line - 1), 'latin1'), 0x41, 0xfd, 0x0a])], name, { type: 'application/json' });
    const graphFile = (file: File) => ({ file: file.name, blob: file, decodeAs: 'json' as const });
    const both = await refused(ws.db, ws.dbName, {
      kind: 'tenant',
      customerId: 'c-contoso',
      files: { subscribedSkus: graphFile(unreadable('subscribedSkus.json', 2)), users: graphFile(unreadable('users.json', 4)) },
    });
    expect(both.details).toMatchObject({ code: 'INVALID_ENCODING', file: 'subscribedSkus.json', line: 2 });
    const second = await refused(ws.db, ws.dbName, {
      kind: 'tenant',
      customerId: 'c-contoso',
      files: { subscriptions: graphFile(new File([GRAPH_SUBSCRIPTIONS], 'subscriptions.json')), users: graphFile(unreadable('users.json', 4)) },
    });
    expect(second.details).toMatchObject({ code: 'INVALID_ENCODING', file: 'users.json', line: 4 });
  });

  it('refuses a File too large before a byte is read, on the page', async () => {
    const file = new File(['{}'], 'users.json');
    Object.defineProperty(file, 'size', { value: 200 * 1024 * 1024 });
    file.arrayBuffer = () => Promise.reject(new Error('the file was read'));
    await expect(sendTenantFile(file, 'users')).rejects.toMatchObject({ code: 'TOO_LARGE', file: 'users.json' });
  });
});

describe("Excel's ';' separators", () => {
  it('imports the licensing CSV saved with ";" by Excel in a European locale', async () => {
    const ws = await workspace();
    const semi = Papa.unparse(Papa.parse<string[]>(CATALOG.slice(1), { skipEmptyLines: 'greedy' }).data, { delimiter: ';', newline: '\r\n' });
    const outcome = await run(ws.dbName, { kind: 'catalog', files: { catalog: { file: 'licensing.csv', text: `\uFEFF${semi}` } } });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.result.counts.catalog).toBeGreaterThan(500);
  });

  it('imports the admin-center export saved with ";"', async () => {
    const ws = await withCatalog({ domain: 'contoso.example' });
    const semi = Papa.unparse(Papa.parse<string[]>(ADMIN.slice(1), { skipEmptyLines: 'greedy' }).data, { delimiter: ';', newline: '\r\n' });
    const outcome = await run(ws.dbName, adminCenter(semi));
    expect(outcome.status === 'done' && outcome.result.adminCenter?.delimiter).toBe(';');
  });
});

describe('a file too large, refused before it is read', () => {
  /** A picked file of `size` bytes whose content must never be read. */
  function huge(name: string, size: number): File {
    const file = new File(['{}'], name);
    Object.defineProperty(file, 'size', { value: size });
    file.arrayBuffer = () => Promise.reject(new Error('the file was read'));
    file.text = () => Promise.reject(new Error('the file was read'));
    return file;
  }

  it('refuses a 200 MB users export in words, in both languages, without reading it', async () => {
    await expect(readTenantFile(huge('users.json', 200 * 1024 * 1024), 'users')).rejects.toMatchObject({
      code: 'TOO_LARGE',
      file: 'users.json',
      message: "users.json: the file is 200 MB; the largest users export (Graph) accepted is 150 MB (a 50,000-user tenant's is far smaller): is it the right file? Nothing was read or imported",
      messageJa: 'ファイル users.json: ファイルは 200 MB あります。受け付けるユーザーのエクスポート (Graph)の最大は 150 MB です (ユーザー 50,000 人のテナントでもずっと小さくなります)。正しいファイルですか? 何も読み込まず、インポートしていません',
    });
    await expect(readTenantFile(huge('export.csv', 200 * 1024 * 1024), 'adminCenterUsers')).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('the largest admin center users export accepted is 100 MB') });
    await expect(readPicked(huge('licensing.csv', 200 * 1024 * 1024), 'catalog')).rejects.toMatchObject({ code: 'TOO_LARGE', messageJa: expect.stringContaining('ライセンス CSVの最大は 20 MB') });
  });

  it('takes files well above a 50,000-user tenant: the limits leave room', async () => {
    // test/bench: a 50,000-row admin-center export is about 17 MB; a Graph users export about 10-100 MB.
    expect(IMPORT_SIZE_LIMITS.adminCenterUsers).toBeGreaterThanOrEqual(5 * 17 * 1024 * 1024);
    expect(IMPORT_SIZE_LIMITS.users).toBeGreaterThanOrEqual(150 * 1024 * 1024);
    const file = new File([ADMIN], 'export.csv');
    await expect(readTenantFile(file, 'adminCenterUsers')).resolves.toMatchObject({ file: 'export.csv', encoding: 'utf-8' });
  });
});

describe("JSON and values in words, the parser's sentence included", () => {
  it('names the line and column of broken JSON and says what the parser said, in both languages; nothing written', async () => {
    const ws = await workspace();
    const broken = GRAPH_SUBSCRIPTIONS.replace('"skuPartNumber"', '"skuPartNumber" ');
    const cut = broken.replace(/"status": "Enabled",/, '"status": "Enabled"');
    expect(cut).not.toBe(broken);
    const failure = await refused(ws.db, ws.dbName, { kind: 'tenant', customerId: 'c-contoso', files: { subscriptions: { file: 'subscriptions.json', text: cut } } });
    const line = cut.slice(0, cut.indexOf('"status": "Enabled"')).split('\n').length + 1;
    expect(failure.details).toMatchObject({ code: 'INVALID_JSON', file: 'subscriptions.json', line });
    expect(failure.message).toMatch(new RegExp(`^subscriptions\\.json: line ${line}, column \\d+: not valid JSON: Expected ',' or '}' after property value$`));
    expect(failure.messageJa).toMatch(new RegExp(`^ファイル subscriptions\\.json: ${line} 行 \\d+ 文字目: JSON として読めません: プロパティの値の後に「,」か「}」が必要です \\(パーサーの説明: Expected ',' or '}' after property value\\)$`));
  });

  it('says where a JSON file cut short stops (its last line), and that an empty one ends too early', async () => {
    const ws = await workspace();
    const cut = GRAPH_USERS.trimEnd().slice(0, -1);
    const failure = await refused(ws.db, ws.dbName, { kind: 'tenant', customerId: 'c-contoso', files: { users: { file: 'users.json', text: cut } } });
    expect(failure.details).toMatchObject({ code: 'INVALID_JSON', line: cut.split('\n').length });
    expect(failure.message).toContain("not valid JSON: Expected ',' or '}' after property value");
    expect(failure.messageJa).toContain('プロパティの値の後に「,」か「}」が必要です');
    const empty = await refused(ws.db, ws.dbName, { kind: 'tenant', customerId: 'c-contoso', files: { users: { file: 'users.json', text: '' } } });
    expect(empty.message).toBe('users.json: line 1, column 1: not valid JSON: Unexpected end of JSON input');
    expect(empty.messageJa).toBe('ファイル users.json: 1 行 1 文字目: JSON として読めません: JSON が途中で終わっています (ファイルが最後まで保存されていない?) (パーサーの説明: Unexpected end of JSON input)');
  });

  it('names the record and field of a bad date in both languages', async () => {
    const ws = await workspace();
    const bad = GRAPH_SUBSCRIPTIONS.replace(/"nextLifecycleDateTime": "[^"]*"/, '"nextLifecycleDateTime": "2026-13-01"');
    const failure = await refused(ws.db, ws.dbName, { kind: 'tenant', customerId: 'c-contoso', files: { subscriptions: { file: 'subscriptions.json', text: bad } } });
    expect(failure.message).toMatch(/^subscriptions\.json: record 1 \(id [0-9a-f-]+\): field nextLifecycleDateTime: "2026-13-01" is not an ISO 8601 date-time$/);
    expect(failure.messageJa).toMatch(/^ファイル subscriptions\.json: 1 件目のレコード \(id [0-9a-f-]+\): フィールド「nextLifecycleDateTime」: 「2026-13-01」 は ISO 8601 の日時ではありません$/);
  });

  it('names the row and column of a bad admin-center value in both languages; nothing written', async () => {
    const ws = await withCatalog();
    const bad = ADMIN.replace(',JP,,False,Microsoft 365 E3,', ',Japan,,False,Microsoft 365 E3,');
    expect(bad).not.toBe(ADMIN);
    const failure = await refused(ws.db, ws.dbName, adminCenter(bad));
    expect(failure.message).toMatch(new RegExp(`^${ADMIN_FILE}: row \\d+: column Usage location: "Japan" is not a two-letter country code$`));
    expect(failure.messageJa).toMatch(new RegExp(`^ファイル ${ADMIN_FILE}: \\d+ 行目: 列「Usage location」: 「Japan」は 2 文字の国コードではありません$`));
  });
});

describe('which refusal is reported when several files are wrong (the admin-center export is read while the catalog is)', () => {
  const unknownLayout = ADMIN.replace('Usage location', 'Usage place');

  it('says the catalog is missing before anything about the admin-center export, as when it was read after the catalog', async () => {
    const ws = await workspace();
    const failure = await refused(ws.db, ws.dbName, adminCenter(unknownLayout));
    expect(failure.details).toMatchObject({ code: 'INVALID_VALUE', file: ADMIN_FILE, field: 'Licenses' });
    expect(failure.message).not.toContain('Usage place');
  });

  it("reports a broken Graph file given with a broken admin-center export first (the request's order)", async () => {
    const ws = await withCatalog();
    const failure = await refused(ws.db, ws.dbName, {
      kind: 'tenant',
      customerId: 'c-contoso',
      files: { subscriptions: { file: 'subscriptions.json', text: '{"value": [' }, adminCenterUsers: { file: ADMIN_FILE, text: unknownLayout } },
    });
    expect(failure.details).toMatchObject({ code: 'INVALID_JSON', file: 'subscriptions.json' });
  });

  it('then names the unknown admin-center layout and its missing column, in both languages', async () => {
    const ws = await withCatalog();
    const failure = await refused(ws.db, ws.dbName, adminCenter(unknownLayout));
    expect(failure.details).toMatchObject({ code: 'INVALID_CSV', file: ADMIN_FILE, row: 1, field: 'Usage location' });
    expect(failure.messageJa).toContain(ADMIN_FILE);
  });
});

describe("a name that stands for several SKUs, decided by the customer's current import", () => {
  it('takes the SKU the last import holds, read from its SKU rows', async () => {
    const ws = await withCatalog();
    const BASIC_SMB = 'dab7782a-93b1-4074-8bb1-0e61318bea0b';
    const first = await run(ws.dbName, adminCenter(ADMIN));
    expect(first.status === 'done' && first.result.adminCenter?.ambiguous.map((a) => a.name)).toEqual(['Microsoft 365 Business Basic']);
    const chosen = await run(ws.dbName, { ...adminCenter(ADMIN), chosenSkus: { 'Microsoft 365 Business Basic': BASIC_SMB } } as ImportRequest);
    expect(chosen.status === 'done' && chosen.result.adminCenter?.ambiguous).toEqual([]);
    const again = await run(ws.dbName, adminCenter(ADMIN));
    if (again.status !== 'done') throw new Error(JSON.stringify(again));
    expect(again.result.adminCenter?.ambiguous).toEqual([]);
    expect(again.result.adminCenter?.resolvedBySubscription).toEqual([{ name: 'Microsoft 365 Business Basic', users: 5, skuId: BASIC_SMB }]);
  });
});

describe("another tenant's exports than the customer's", () => {
  const organization = (id: string, domains: string[]) =>
    JSON.stringify({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#organization',
      value: [{ id, displayName: 'Some tenant', countryLetterCode: 'JP', verifiedDomains: domains.map((name, i) => ({ capabilities: 'Email, OfficeCommunicationsOnline', isDefault: i === 0, isInitial: name.endsWith('.onmicrosoft.com'), name, type: 'Managed' })) }],
    });

  it("refuses organization.json of another tenant id than the customer's, naming both ids; nothing written", async () => {
    const ws = await workspace({ tenantId: CUSTOMER_TENANT });
    const failure = await refused(ws.db, ws.dbName, {
      kind: 'tenant',
      customerId: 'c-contoso',
      files: { organization: { file: 'organization.json', text: organization(OTHER_TENANT, ['fabrikam.example']) }, users: { file: 'users.json', text: GRAPH_USERS } },
    });
    expect(failure.details).toMatchObject({ code: 'OTHER_TENANT', file: 'organization.json', record: 1, field: 'id' });
    expect(failure.message).toBe(
      `organization.json: record 1: field id: the tenant id ${OTHER_TENANT} is not the customer's (Contoso Japan: ${CUSTOMER_TENANT}): these are another tenant's exports, so nothing was imported. Choose the right customer, or export the customer's own tenant`,
    );
    expect(failure.messageJa).toBe(
      `ファイル organization.json: 1 件目のレコード: フィールド「id」: テナント ID ${OTHER_TENANT} は顧客 (Contoso Japan: ${CUSTOMER_TENANT}) のものではありません。別のテナントのエクスポートのため、何もインポートしていません。正しい顧客を選ぶか、この顧客のテナントからエクスポートしてください`,
    );
  });

  it("refuses an admin-center export whose users sign in at none of the customer's domains, naming them; nothing written", async () => {
    const ws = await withCatalog({ domain: 'fabrikam.example' });
    const failure = await refused(ws.db, ws.dbName, adminCenter(ADMIN));
    expect(failure.details).toMatchObject({ code: 'OTHER_TENANT', file: ADMIN_FILE, row: 2, field: 'User principal name' });
    expect(failure.message).toBe(
      `${ADMIN_FILE}: row 2: column User principal name: no user signs in with a domain of Contoso Japan (fabrikam.example); the file's users are at contoso.example: 40 users: this looks like another tenant's export, so nothing was imported. If it is this customer's, correct the customer's domain in its details first`,
    );
    expect(failure.messageJa).toBe(
      `ファイル ${ADMIN_FILE}: 2 行目: 列「User principal name」: Contoso Japan のドメイン (fabrikam.example) でサインインするユーザーがいません。このファイルのユーザーのドメインは contoso.example: 40 人 です。別のテナントのエクスポートと思われるため、何もインポートしていません。この顧客のものであれば、先に顧客の詳細でドメインを直してください`,
    );
  });

  it("compares Graph users with organization.json's verified domains when the customer has no domain recorded", async () => {
    const ws = await workspace();
    const users = JSON.stringify({ value: [{ id: 'b8f4d6a2-1111-4c3b-9d8e-7f6a5b4c3d2e', userPrincipalName: 'ann@fabrikam.example', assignedLicenses: [] }] });
    const failure = await refused(ws.db, ws.dbName, {
      kind: 'tenant',
      customerId: 'c-contoso',
      files: { organization: { file: 'organization.json', text: organization(OTHER_TENANT, ['contoso.example', 'contoso.onmicrosoft.example']) }, users: { file: 'users.json', text: users } },
    });
    expect(failure.details).toMatchObject({ code: 'OTHER_TENANT', file: 'users.json', record: 1, field: 'userPrincipalName' });
    expect(failure.message).toContain("no user signs in with a domain of Contoso Japan (contoso.example, contoso.onmicrosoft.example (from organization.json's verified domains))");
    expect(failure.messageJa).toContain('fabrikam.example: 1 人');
  });

  it('compares with the users imported before when nothing else is known, and names where the domains come from', async () => {
    const ws = await withCatalog();
    expect((await run(ws.dbName, adminCenter(ADMIN))).status).toBe('done');
    const users = JSON.stringify({ value: [{ id: 'b8f4d6a2-1111-4c3b-9d8e-7f6a5b4c3d2e', userPrincipalName: 'ann@fabrikam.example', assignedLicenses: [] }] });
    const failure = await refused(ws.db, ws.dbName, { kind: 'tenant', customerId: 'c-contoso', files: { users: { file: 'users.json', text: users } } });
    expect(failure.message).toBe(
      "users.json: record 1: field userPrincipalName: no user signs in with a domain of Contoso Japan (contoso.example (from the users imported before)); the file's users are at fabrikam.example: 1 user: this looks like another tenant's export, so nothing was imported. If it is this customer's, correct the customer's domain in its details first",
    );
    expect(failure.messageJa).toContain('Contoso Japan のドメイン (contoso.example (以前にインポートしたユーザー)) でサインインするユーザーがいません');
  });

  it("imports the customer's own export: its domain, a subdomain or the tenant's initial domain", async () => {
    for (const domain of ['contoso.example', 'example', 'www.contoso.example']) {
      const ws = await withCatalog({ domain });
      const outcome = await run(ws.dbName, adminCenter(ADMIN));
      expect(outcome.status, domain).toBe('done');
    }
    const ws = await withCatalog({ domain: 'contoso.co.jp' });
    const onInitial = ADMIN.replaceAll('@contoso.example', '@contoso.onmicrosoft.com');
    expect((await run(ws.dbName, adminCenter(onInitial))).status).toBe('done');
  });
});
