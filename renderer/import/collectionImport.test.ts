// The collection script's zip in a tenant import, built with fflate from the real Graph fixtures in
// the script's layout: it gives the very inventory the same files give loose, pages included; its
// files go where their content says; and what cannot be imported is refused in words (en/ja).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BilingualImportError, parseTenantExports } from '../../shared/import/index';
import { COLLECTION_FORMAT } from '../../shared/import/collectionZip';
import { tenantImportChanges } from '../../shared/mutators/imports';
import { graphExportFiles } from './collectionImport';
import type { ImportZip } from './importProtocol';
import { tenantImportRequest } from './TenantFilePickers';
import { sniffTenantFile } from './tenantFileKind';

const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const graph = (name: string) => readFileSync(path.join(fixtures, 'graph', name), 'utf8');
const TENANT = '2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f';
const ZIP = 'tenant-data-Contoso-20261206-050000.zip';
/** The documented organization resource (no fixture holds one): the tenant's id and country. */
const organization = (id = TENANT) =>
  JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#organization', value: [{ id, displayName: 'Contoso', countryLetterCode: 'JP', verifiedDomains: [{ name: 'contoso.onmicrosoft.com', isDefault: true }] }] });

const loose = {
  organization: { file: 'organization.json', text: organization() },
  subscribedSkus: { file: 'subscribedSkus.json', text: graph('subscribedSkus.list.response.json') },
  subscriptions: { file: 'subscriptions.json', text: graph('directory.subscriptions.list.response.json') },
  users: { file: 'users.json', text: graph('user.licenseAssignmentStates.example.json') },
};

function zipOf(files: Record<string, string>, manifestOver: Record<string, unknown> = {}): ImportZip {
  const entries: Zippable = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]));
  const manifest = { format: COLLECTION_FORMAT, scriptVersion: 1, tenantId: TENANT, collectedAt: '2026-12-06T05:00:00Z', files: Object.keys(files), ...manifestOver };
  return { file: ZIP, bytes: zipSync({ ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)) }) };
}

/** The script's names: `<request>.json`, then `<request>-2.json`, ... */
const scriptZip = () =>
  zipOf({ 'organization.json': loose.organization.text, 'subscribedSkus.json': loose.subscribedSkus.text, 'subscriptions.json': loose.subscriptions.text, 'users.json': loose.users.text });

function refusal(fn: () => unknown): BilingualImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BilingualImportError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe("the collection script's zip in a tenant import", () => {
  it('gives the very inventory, and the same changes, as the same files loose', () => {
    const fromZip = parseTenantExports(graphExportFiles({}, scriptZip(), { customerTenantId: TENANT }));
    const fromLoose = parseTenantExports(loose);
    expect(fromZip).toEqual(fromLoose);
    expect(fromZip.skus.length).toBeGreaterThan(0);
    expect(fromZip.subscriptions?.length).toBeGreaterThan(0);
    expect(fromZip.users.length).toBeGreaterThan(0);
    expect(fromZip.countryLetterCode).toBe('JP');
    const options = { importId: 'imp-1', customerId: 'c1', files: [ZIP] };
    expect(tenantImportChanges(fromZip, options)).toEqual(tenantImportChanges(fromLoose, options));
  });

  it('joins the pages of a collection in order, as one file gives it', () => {
    const body = JSON.parse(loose.subscribedSkus.text) as { value: unknown[] };
    const half = Math.ceil(body.value.length / 2);
    expect(body.value.length).toBeGreaterThan(1);
    const page1 = JSON.stringify({ ...body, value: body.value.slice(0, half), '@odata.nextLink': 'https://graph.microsoft.com/v1.0/subscribedSkus?$skiptoken=x' });
    const page2 = JSON.stringify({ ...body, value: body.value.slice(half) });
    const paged = graphExportFiles({}, zipOf({ 'subscribedSkus.json': page1, 'subscribedSkus-2.json': page2 }));
    expect(parseTenantExports(paged).skus).toEqual(parseTenantExports({ subscribedSkus: loose.subscribedSkus }).skus);
  });

  it('sends each file where its content says, whatever its name', () => {
    const renamed = zipOf({ 'a.json': loose.users.text, 'b.json': loose.subscribedSkus.text });
    const files = graphExportFiles({}, renamed);
    expect(Object.keys(files).sort()).toEqual(['subscribedSkus', 'users']);
    expect(parseTenantExports(files).users).toEqual(parseTenantExports({ users: loose.users }).users);
  });

  it("names the zip's file in a Graph parser's error", () => {
    const broken = zipOf({ 'users.json': JSON.stringify({ value: [{ userPrincipalName: 'ann@contoso.com', assignedLicenses: [] }] }) });
    expect(() => parseTenantExports(graphExportFiles({}, broken))).toThrow(`users.json (in ${ZIP}): record 1: field id: is missing`);
  });

  it('refuses a file that is not a Graph export, naming it', () => {
    const e = refusal(() => graphExportFiles({}, zipOf({ 'users.json': loose.users.text, 'notes.json': '{"hello": "world"}' })));
    expect(e.message).toBe(`notes.json (in ${ZIP}): is not a Microsoft Graph export this app knows (organization, subscribedSkus, directory/subscriptions, users); run the script again and import its zip as it is`);
    expect(e.messageJa).toContain(`ファイル notes.json (${ZIP} 内): このアプリが読める Microsoft Graph のエクスポート`);
  });

  it("refuses an organization of another tenant than the manifest's", () => {
    const other = 'a1b2c3d4-0000-4000-8000-000000000001';
    const e = refusal(() => graphExportFiles({}, zipOf({ 'organization.json': organization(other), 'users.json': loose.users.text })));
    expect(e.message).toBe(`organization.json (in ${ZIP}): record 1: field id: is tenant ${other}, but the zip's manifest.json says ${TENANT}: the files are of two tenants; run the script again`);
    expect(e.messageJa).toContain('2 つのテナントのファイルが混ざっています');
  });

  it("refuses the customer's other tenant (the worker passes the customer's tenant id)", () => {
    const e = refusal(() => graphExportFiles({}, scriptZip(), { customerTenantId: 'a1b2c3d4-0000-4000-8000-000000000001' }));
    expect(e.field).toBe('tenantId');
    expect(e.file).toBe(`manifest.json (in ${ZIP})`);
  });

  it('refuses a kind given both in the zip and as a file, and takes the others together', () => {
    const e = refusal(() => graphExportFiles({ users: loose.users }, scriptZip()));
    expect(e.message).toBe(`users.json: is a users export, and ${ZIP} holds one too: import one of them`);
    expect(e.messageJa).toBe(`ファイル users.json: ユーザー のエクスポートですが、${ZIP} にも含まれています。どちらか一方をインポートしてください`);
    const together = graphExportFiles({ users: loose.users }, zipOf({ 'subscribedSkus.json': loose.subscribedSkus.text }));
    expect(parseTenantExports(together).users.length).toBeGreaterThan(0);
    expect(parseTenantExports(together).skus.length).toBeGreaterThan(0);
  });
});

describe('a zip picked or dropped', () => {
  it('is recognised by its bytes under any name and any picker, and travels as bytes', async () => {
    const zip = scriptZip();
    const picked = new File([new Uint8Array(zip.bytes)], 'export (2).json');
    expect(await sniffTenantFile(picked)).toBe('collectionZip');
    const request = await tenantImportRequest('c1', { users: picked, subscribedSkus: new File([loose.subscribedSkus.text], 'x.txt') });
    expect(Object.keys(request.files).sort()).toEqual(['collectionZip', 'subscribedSkus']);
    expect(request.files.collectionZip?.file).toBe('export (2).json');
    expect(request.files.collectionZip?.bytes).toEqual(zip.bytes);
  });
});
