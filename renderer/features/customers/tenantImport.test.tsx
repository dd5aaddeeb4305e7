// @vitest-environment jsdom
// Where a tenant is imported: the admin center's users export dropped or picked beside the Graph
// exports and recognised by its content (the real fixtures, under misleading names), what the import
// says about it, and the guide to getting the data, in English and Japanese.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, resources, type UiLanguage } from '../../app/i18n';
import { parseCatalogCsv } from '../../../shared/import/catalogCsv';
import { parseAdminCenterUsers } from '../../../shared/import/adminCenterUsers';
import { TenantFilePickers, tenantImportRequest } from '../../import/TenantFilePickers';
import { tenantFileKind } from '../../import/tenantFileKind';
import { AdminCenterNotes } from '../../import/useImport';
import { filesOfDrop, MAX_DROPPED_FILES, type DropEntry } from '../../import/dropFiles';
import { DataGuide } from './DataGuide';
import { HostProvider } from '../../host/HostProvider';
import { createWebHost } from '../../host/webHost';
import type { SaveFileArgs } from '../../../shared/ipc/contract';
import { AmbiguousChoices } from './AmbiguousChoices';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const adminCsv = readFileSync(path.join(fixtures, 'm365-admin-center/users_12_1_2026 9_30_12 AM.csv'));
const graph = (name: string) => readFileSync(path.join(fixtures, 'graph', name));
const catalog = parseCatalogCsv(readFileSync(path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv'), 'utf8'), 'licensing.csv');

function file(bytes: Uint8Array, name: string): File {
  return new File([new Uint8Array(bytes)], name);
}

function wrap(ui: ReactNode, language: UiLanguage = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('a tenant file is recognised by its content', () => {
  it('tells the admin center CSV and each Graph export apart', () => {
    expect(tenantFileKind(adminCsv.toString('utf8'))).toBe('adminCenterUsers');
    expect(tenantFileKind(graph('subscribedSkus.list.response.json').toString('utf8'))).toBe('subscribedSkus');
    expect(tenantFileKind(graph('directory.subscriptions.list.response.json').toString('utf8'))).toBe('subscriptions');
    expect(tenantFileKind(graph('user.licenseAssignmentStates.example.json').toString('utf8'))).toBe('users');
    expect(tenantFileKind('Product_Display_Name,String_Id,GUID\n')).toBeNull();
    expect(tenantFileKind('not json {')).toBeNull();
    expect(tenantFileKind(readFileSync(path.join(fixtures, 'partner-center/customer.get.response.json'), 'utf8'))).toBe('partnerCenterCustomer');
  });

  it('puts a file where its content says, whatever the picker or name, recognised in UTF-16 too; the File itself goes to the worker', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(adminCsv.toString('utf8').slice(1), 'utf16le')]);
    const admin = file(utf16, 'export (3).csv');
    const request = await tenantImportRequest('c1', { users: admin, subscribedSkus: file(graph('directory.subscriptions.list.response.json'), 'skus.json') });
    if (request.kind !== 'tenant') throw new Error('a tenant request');
    expect(Object.keys(request.files).sort()).toEqual(['adminCenterUsers', 'subscriptions']);
    // Not read whole on the page: the worker decodes it (renderer/import/importRun.test.ts decodes such a request).
    expect(request.files.adminCenterUsers).toEqual({ file: 'export (3).csv', blob: admin, decodeAs: 'csv' });
    expect(request.files.subscriptions).toMatchObject({ file: 'skus.json', decodeAs: 'json' });
  });
});

describe('the drop zone', () => {
  it('sends each dropped file to its kind and lists what it recognised', async () => {
    const picked: [string, string | undefined][] = [];
    wrap(<TenantFilePickers disabled={false} onPick={(kind, f) => picked.push([kind, f?.name])} />);
    expect(screen.getByLabelText('Microsoft 365 admin center users export (CSV)')).toBeTruthy();
    const files = [file(adminCsv, 'users.json'), file(graph('subscribedSkus.list.response.json'), 'a.csv'), file(Buffer.from('hello'), 'notes.txt')];
    fireEvent.drop(screen.getByTestId('tenant-drop'), { dataTransfer: { files } });
    await waitFor(() => expect(screen.getByTestId('tenant-drop-recognised').textContent).toContain('notes.txt'));
    expect(picked).toEqual([
      ['adminCenterUsers', 'users.json'],
      ['subscribedSkus', 'a.csv'],
    ]);
    const text = screen.getByTestId('tenant-drop-recognised').textContent;
    expect(text).toContain('users.json: Microsoft 365 admin center users export (CSV)');
    expect(text).toContain('notes.txt: not a tenant export this app knows; not used');
  });
});

describe('a dropped folder (fake directory entries: jsdom has no File System Entries API)', () => {
  type Entry = DropEntry;
  const fileEntry = (f: File): Entry => ({ isFile: true, isDirectory: false, name: f.name, file: (ok) => ok(f) });
  /** A directory whose reader answers in batches of two, then an empty batch, as Chromium does (by 100). */
  const dirEntry = (name: string, children: Entry[]): Entry => ({
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return { readEntries: (ok) => ok(children.slice(at, (at += 2))) };
    },
  });
  const item = (entry: Entry) => ({ webkitGetAsEntry: () => entry });

  it('reads the files of a folder at any depth, in name order', async () => {
    const a = file(Buffer.from('a'), 'a.json');
    const b = file(Buffer.from('b'), 'b.json');
    const c = file(Buffer.from('c'), 'c.json');
    const folder = dirEntry('tenant', [fileEntry(c), dirEntry('more', [fileEntry(b)]), fileEntry(a)]);
    const dropped = await filesOfDrop({ items: [item(folder)], files: [] });
    expect(dropped.files.map((f) => f.name)).toEqual(['a.json', 'c.json', 'b.json']);
    expect(dropped.truncated).toBe(false);
  });

  it('reads at most MAX_DROPPED_FILES files, and says so', async () => {
    const many = Array.from({ length: MAX_DROPPED_FILES + 5 }, (_, i) => fileEntry(file(Buffer.from('x'), `f${String(i).padStart(3, '0')}.json`)));
    const dropped = await filesOfDrop({ items: [item(dirEntry('big', many))], files: [] });
    expect(dropped.files).toHaveLength(MAX_DROPPED_FILES);
    expect(dropped.truncated).toBe(true);
  });

  it('takes one file of each kind: of two users pages, neither, and says to import the zip', async () => {
    const picked: [string, string | undefined][] = [];
    wrap(<TenantFilePickers disabled={false} onPick={(kind, f) => picked.push([kind, f?.name])} />);
    const users = graph('user.licenseAssignmentStates.example.json');
    const folder = dirEntry('collected', [
      fileEntry(file(users, 'users.json')),
      fileEntry(file(users, 'users-2.json')),
      fileEntry(file(graph('subscribedSkus.list.response.json'), 'subscribedSkus.json')),
    ]);
    fireEvent.drop(screen.getByTestId('tenant-drop'), { dataTransfer: { items: [item(folder)], files: [] } });
    await waitFor(() => expect(screen.getByTestId('tenant-drop-recognised').textContent).toContain('users-2.json'));
    expect(picked).toEqual([['subscribedSkus', 'subscribedSkus.json']]);
    const text = screen.getByTestId('tenant-drop-recognised').textContent;
    expect(text).toContain('users.json: one of 2 files that are each a');
    expect(text).toContain("import the collection script's zip as it is");
  });
});

describe("what the import says about the admin center's file", () => {
  const { report } = parseAdminCenterUsers(adminCsv.toString('utf8'), 'users.csv', catalog);

  it('says it has no expiry dates and no channel, and lists what it left aside (English)', () => {
    wrap(<AdminCenterNotes report={report} />);
    const text = screen.getByTestId('admin-center-notes').textContent;
    expect(text).toContain('40 users, 29-column layout');
    expect(text).toContain('no expiry dates and no channel');
    expect(text).toContain('Free and trial products left aside: ');
    expect(text).toContain('Microsoft Power Automate Free (5)');
    expect(text).toContain('"Microsoft 365 Business Basic" (5 users) stands for several products (');
    expect(text).toContain('No usage location for 10 users');
    expect(text).toContain('kaito.kobayashi0@contoso.example, row 2');
  });

  it('says the same in Japanese', () => {
    wrap(<AdminCenterNotes report={report} />, 'ja');
    const text = screen.getByTestId('admin-center-notes').textContent;
    expect(text).toContain('有効期限、チャネル');
    expect(text).toContain('無料版と試用版は除外しました');
    expect(text).toContain('10 ユーザーに利用場所がありません');
  });
});

describe('a name that stands for several SKUs is asked of the user', () => {
  it('offers each candidate SKU, "leave out" by default, and passes the choice', () => {
    const { report } = parseAdminCenterUsers(adminCsv.toString('utf8'), 'users.csv', catalog);
    const choices: [string, string][] = [];
    wrap(<AmbiguousChoices ambiguous={report.ambiguous} chosen={{}} onChoose={(name, sku) => choices.push([name, sku])} disabled={false} />);
    const select = screen.getByRole('combobox', { name: /"Microsoft 365 Business Basic" \(5 users\) is the name of several products/ });
    expect((select as HTMLSelectElement).value).toBe('');
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent).sort()).toEqual(['Leave these licenses out', 'O365_BUSINESS_ESSENTIALS', 'SMB_BUSINESS_ESSENTIALS']);
    fireEvent.change(select, { target: { value: 'dab7782a-93b1-4074-8bb1-0e61318bea0b' } });
    expect(choices).toEqual([['Microsoft 365 Business Basic', 'dab7782a-93b1-4074-8bb1-0e61318bea0b']]);
  });
});

describe('the guide to getting the data', () => {
  it('is folded, and opens on the three ways with the exact clicks and what each misses', () => {
    wrap(<DataGuide />);
    const header = screen.getByRole('button', { name: "How to get the customer's data" });
    expect(header.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Users > Active users > Export users')).toBeNull();
    fireEvent.click(header);
    expect(header.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Users > Active users > Export users')).toBeTruthy();
    const guide = screen.getByTestId('data-guide').textContent;
    expect(guide).toContain('Misses: expiry dates, the channel');
    expect(guide).toContain('Connect-MgGraph -Scopes LicenseAssignment.Read.All,Organization.Read.All,User.Read.All');
    expect(guide).toContain('.\\collect-tenant-….ps1 -DryRun');
    expect(guide).toContain('writes one zip (tenant-data-….zip)');
    expect(guide).toContain('Customers > Export customers');
  });

  it("offers the customer's collection script in the Graph way, and saves it under its help's name (fake save dialog)", async () => {
    const saved: SaveFileArgs[] = [];
    const host = { ...createWebHost({ window, version: 'test' }), saveFile: async (args: SaveFileArgs) => (saved.push(args), { saved: true, name: args.suggestedName }) };
    wrap(
      <HostProvider host={host}>
        <DataGuide customer={{ name: 'Contoso 株式会社', tenantId: '2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f' }} />
      </HostProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: "How to get the customer's data" }));
    const graphWay = screen.getByRole('region', { name: /2\. The collection script/ });
    expect(graphWay.textContent).toContain('It signs in to tenant 2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f only.');
    fireEvent.click(screen.getByRole('button', { name: 'Save the collection script for Contoso 株式会社' }));
    await waitFor(() => expect(screen.getByTestId('collection-script-status').textContent).toMatch(/^Saved collect-tenant-Contoso-株式会社-\d{4}-\d{2}-\d{2}\.ps1\. Run it with -DryRun first\.$/));
    expect(saved).toHaveLength(1);
    const { suggestedName, data, filters } = saved[0]!;
    expect(filters).toEqual([{ name: 'PowerShell', extensions: ['ps1'] }]);
    expect(data).toContain(`#   .\\${suggestedName} -DryRun`);
    expect(data).toContain("$expectedTenantId = '2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f'");
    expect(data).toContain("$scopes = @('LicenseAssignment.Read.All', 'Organization.Read.All', 'User.Read.All')");
  });

  it('without a customer, shows no script button; a customer without a tenant id is told what the script signs in to', () => {
    const host = createWebHost({ window, version: 'test' });
    const { unmount } = wrap(
      <HostProvider host={host}>
        <DataGuide />
      </HostProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: "How to get the customer's data" }));
    expect(screen.queryByTestId('collection-script')).toBeNull();
    unmount();
    wrap(
      <HostProvider host={host}>
        <DataGuide customer={{ name: 'Fabrikam', tenantId: '' }} />
      </HostProvider>,
      'ja',
    );
    fireEvent.click(screen.getByRole('button', { name: '顧客のデータの入手方法' }));
    expect(screen.getByRole('button', { name: 'Fabrikam の収集スクリプトを保存' })).toBeTruthy();
    expect(screen.getByTestId('data-guide').textContent).toContain('顧客のテナント ID はまだわかりません');
    expect(screen.getByTestId('data-guide').textContent).toContain('.\\collect-tenant-….ps1 -DryRun');
  });

  it('in Japanese too', () => {
    wrap(<DataGuide />, 'ja');
    fireEvent.click(screen.getByRole('button', { name: '顧客のデータの入手方法' }));
    expect(screen.getByTestId('data-guide').textContent).toContain('ユーザー > アクティブなユーザー > ユーザーのエクスポート');
  });

  it('has every new key in English and Japanese', () => {
    const keys = (o: unknown, prefix = ''): string[] =>
      typeof o === 'object' && o !== null ? Object.entries(o).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];
    const en = resources.en.translation.caseFile as Record<string, unknown>;
    const ja = resources.ja.translation.caseFile as Record<string, unknown>;
    for (const section of ['dataGuide', 'tenantImport']) {
      expect(keys(ja[section]).sort()).toEqual(keys(en[section]).sort());
      expect(keys(en[section]).length).toBeGreaterThan(10);
    }
  });
});
