// The collection script's zip, built with fflate from the real Graph fixtures in the layout the
// script writes (one file per page and manifest.json), and each way it is refused: in words, in
// English and Japanese, naming the zip, the file and the field.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BilingualImportError } from './adminCenterUsers';
import { COLLECTION_FORMAT, looksLikeZip, readCollectionZip, type ReadCollectionOptions } from './collectionZip';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const graph = (name: string) => readFileSync(path.join(fixtures, 'graph', name));
const TENANT = '2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f';
const ZIP = 'tenant-data-Contoso-20261206-050000.zip';

const manifest = (over: Record<string, unknown> = {}) => ({
  format: COLLECTION_FORMAT,
  scriptVersion: 1,
  tenantId: TENANT,
  collectedAt: '2026-12-06T05:00:00Z',
  files: ['subscribedSkus.json', 'subscriptions.json', 'users.json'],
  ...over,
});

function collection(files: Zippable = {}, manifestBody: unknown = manifest()): Uint8Array {
  // null: no manifest.json at all.
  return zipSync({
    'subscribedSkus.json': graph('subscribedSkus.list.response.json'),
    'subscriptions.json': graph('directory.subscriptions.list.response.json'),
    'users.json': graph('user.licenseAssignmentStates.example.json'),
    ...(manifestBody === null ? {} : { 'manifest.json': strToU8(JSON.stringify(manifestBody)) }),
    ...files,
  });
}

function refusal(bytes: Uint8Array, options: ReadCollectionOptions = {}): BilingualImportError {
  try {
    readCollectionZip(bytes, ZIP, options);
  } catch (e) {
    if (e instanceof BilingualImportError) return e;
    throw e;
  }
  throw new Error('expected the zip to be refused');
}

/** Sets an entry's declared unpacked size in the central directory (and its local header), as a forged zip would. */
function forgeDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) {
      const nameLength = view.getUint16(i + 28, true);
      if (new TextDecoder().decode(out.subarray(i + 46, i + 46 + nameLength)) === name) {
        view.setUint32(i + 24, size, true);
        view.setUint32(view.getUint32(i + 42, true) + 22, size, true);
        return out;
      }
    }
  }
  throw new Error(`${name} not in the zip`);
}

describe("the collection script's zip", () => {
  it('is recognised by its bytes, whatever its name', () => {
    expect(looksLikeZip(collection())).toBe(true);
    expect(looksLikeZip(graph('subscribedSkus.list.response.json'))).toBe(false);
  });

  it("gives the manifest and the files it names, in its order, as the fixtures' very text", () => {
    const read = readCollectionZip(collection(), ZIP, { customerTenantId: TENANT.toUpperCase() });
    expect(read.manifest).toEqual(manifest());
    expect(read.files.map((f) => f.file)).toEqual([`subscribedSkus.json (in ${ZIP})`, `subscriptions.json (in ${ZIP})`, `users.json (in ${ZIP})`]);
    expect(read.files[0]!.text).toBe(graph('subscribedSkus.list.response.json').toString('utf8'));
    expect(read.files[2]!.text).toBe(graph('user.licenseAssignmentStates.example.json').toString('utf8'));
  });

  it('takes the files in one folder too (a zip made again from the unpacked folder)', () => {
    const inFolder = zipSync({ 'tenant-data/': {}, 'tenant-data/manifest.json': strToU8(JSON.stringify(manifest({ files: ['users.json'] }))), 'tenant-data/users.json': graph('user.licenseAssignmentStates.example.json') });
    expect(readCollectionZip(inFolder, ZIP).files.map((f) => f.file)).toEqual([`users.json (in ${ZIP})`]);
  });

  it('is refused without a manifest', () => {
    const e = refusal(collection({}, null));
    expect(e.message).toBe(`${ZIP}: field manifest.json: is not in the zip: it is not a zip the collection script wrote; run the script and import its zip as it is`);
    expect(e.messageJa).toBe(`ファイル ${ZIP}: 項目「manifest.json」: zip にありません。収集スクリプトが作成した zip ではありません。スクリプトを実行し、その zip をそのままインポートしてください`);
  });

  it.each([
    ['a tenant id that is not a GUID', { tenantId: 'contoso.onmicrosoft.com' }, 'tenantId', '"contoso.onmicrosoft.com"'],
    ['no tenant id', { tenantId: undefined }, 'tenantId', 'is missing'],
    ['a time that is not ISO 8601', { collectedAt: '06/12/2026 05:00' }, 'collectedAt', 'is not an ISO 8601 date-time'],
    ['a file name with a folder', { files: ['../users.json'] }, 'files[0]', 'is not the name of a JSON file of the collection'],
    ['no files', { files: [] }, 'files', 'names no file'],
    ['another format', { format: 'something-else' }, 'format', ''],
  ])('is refused with an invalid manifest: %s', (_, over, field, words) => {
    const e = refusal(collection({}, manifest(over)));
    expect(e.file).toBe(`manifest.json (in ${ZIP})`);
    expect(e.field).toBe(field);
    if (!words.startsWith('"')) expect(e.message).toContain(words);
    expect(e.message).toContain("not the manifest the collection script writes; run the script again and import its zip as it is");
    expect(e.messageJa).toContain(`ファイル manifest.json (${ZIP} 内): 項目「${field}」`);
  });

  it('is refused when the manifest is not JSON, or is of a newer script', () => {
    const notJson = refusal(zipSync({ 'manifest.json': strToU8('{ tenantId: ') }));
    expect(notJson.message).toMatch(new RegExp(`^manifest\\.json \\(in ${ZIP.replace(/\./g, '\\.')}\\): is not valid JSON \\(`));
    expect(notJson.messageJa).toContain('JSON として読めません');
    const newer = refusal(collection({}, manifest({ scriptVersion: 2 })));
    expect(newer.message).toBe(`manifest.json (in ${ZIP}): field scriptVersion: was made by version 2 of the collection script; this app reads version 1: update the app`);
  });

  it('is refused when a file the manifest names is not in the zip', () => {
    const e = refusal(collection({}, manifest({ files: ['subscribedSkus.json', 'subscriptions.json', 'users.json', 'users-2.json'] })));
    expect(e.message).toBe(`${ZIP}: field manifest.json files[3]: names users-2.json, which is not in the zip: the zip is incomplete; import the zip the script wrote, as it is, or run the script again`);
    expect(e.messageJa).toBe(`ファイル ${ZIP}: 項目「manifest.json files[3]」: users-2.json が指定されていますが、zip にありません。zip が不完全です。スクリプトが作成した zip をそのままインポートするか、スクリプトをもう一度実行してください`);
  });

  it("is refused when it is another tenant's than the customer's (a customer without a tenant id takes it)", () => {
    const other = 'a1b2c3d4-0000-4000-8000-000000000001';
    const e = refusal(collection(), { customerTenantId: other });
    expect(e.message).toBe(`manifest.json (in ${ZIP}): field tenantId: is ${TENANT}, but this customer's tenant is ${other}: the zip holds another tenant's data; run the script for this customer's tenant`);
    expect(e.messageJa).toContain(`ファイル manifest.json (${ZIP} 内): 項目「tenantId」: ${TENANT} ですが、この顧客のテナントは ${other} です`);
    expect(readCollectionZip(collection(), ZIP, { customerTenantId: '' }).manifest.tenantId).toBe(TENANT);
  });

  it('is refused as a zip bomb from the declared sizes, before anything is unpacked', () => {
    // 16 MB of zeros packs ~1,000 times: one entry is enough.
    const bomb = collection({ 'users.json': new Uint8Array(16 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100_000);
    const e = refusal(bomb);
    expect(e.field).toBe('users.json');
    expect(e.message).toMatch(/^tenant-data-Contoso-20261206-050000\.zip: field users\.json: would unpack \d+ bytes to 16777216 bytes, more than 200 times: refused as a zip bomb; nothing was unpacked$/);
    expect(e.messageJa).toContain('zip 爆弾として拒否しました');
  });

  it('is refused when all of it would unpack past the limit, or holds too many files', () => {
    const total = refusal(collection(), { limits: { maxTotalBytes: 1_000 } });
    expect(total.message).toMatch(/^tenant-data-Contoso-20261206-050000\.zip: would unpack to \d+ bytes, more than the 1000 bytes a collection can be: refused as a zip bomb; nothing was unpacked$/);
    const many = refusal(collection(), { limits: { maxEntries: 3 } });
    expect(many.message).toBe(`${ZIP}: holds 4 files, more than the 3 a collection can have; nothing was unpacked`);
  });

  it('is refused while unpacking when an entry unpacks to more than it declares (a forged header)', () => {
    const forged = forgeDeclaredSize(collection(), 'users.json', 100);
    const e = refusal(forged);
    expect(e.message).toBe(`${ZIP}: field users.json: unpacks to more than it declares (100 bytes) or past 512 MB in all: refused as a zip bomb; nothing was imported`);
    expect(e.messageJa).toContain('申告サイズ (100 バイト)');
    // A bomb whose header lies about its size passes the declared check and is stopped at its first chunks.
    const lyingBomb = forgeDeclaredSize(collection({ 'users.json': new Uint8Array(16 * 1024 * 1024) }), 'users.json', 1_000);
    expect(refusal(lyingBomb).message).toBe(`${ZIP}: field users.json: unpacks to more than it declares (1000 bytes) or past 512 MB in all: refused as a zip bomb; nothing was imported`);
  });

  it('is refused when it is not a readable zip, naming it', () => {
    const e = refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(e.message).toMatch(/^tenant-data-Contoso-20261206-050000\.zip: is not a zip archive that can be read \(.+\); import the zip the collection script wrote, as it is$/);
    expect(e.messageJa).toContain('読み取れる zip ファイルではありません');
  });

  it('is refused when a file is not UTF-8 text', () => {
    const e = refusal(collection({ 'users.json': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }));
    expect(e.message).toBe(`users.json (in ${ZIP}): is not UTF-8 text, as the collection script writes it; run the script again and import its zip as it is`);
    expect(e.messageJa).toBe(`ファイル users.json (${ZIP} 内): 収集スクリプトが書く UTF-8 テキストではありません。スクリプトをもう一度実行し、その zip をそのままインポートしてください`);
  });
});
