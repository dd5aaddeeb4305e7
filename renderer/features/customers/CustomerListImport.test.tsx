// @vitest-environment jsdom
// The Partner Center customer list on the Customers page: a Customers.csv built in the documented
// layout (BOM, CRLF, a quoted name) is previewed (new, already in the workspace, repeated, refused)
// before ONE change creates the new customers, in English and Japanese. The same list read from
// Partner Center's API goes through the same preview and change, with a fake host (named so:
// Electron cannot run here; the main-process side is tested against the local contract server in
// electron/main/partnerCenter.test.ts).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostApi, MicrosoftState, PartnerCenterCustomersResult, PartnerCenterProgress } from '../../../shared/ipc/contract';
import { createI18n, type UiLanguage } from '../../app/i18n';
import { HostProvider } from '../../host/HostProvider';
import { PARTNER_CENTER_LIST_SOURCE, partnerCenterFileKind } from '../../import/partnerCenterLists';
import { CustomerListImport, type CreateCustomers } from './CustomerListImport';
import { stubResizeObserver } from '../../../test/support/components';
import { refused } from '../../../shared/mutators/define';

const A = 'eebd1b55-5360-4438-a11d-5c06918c3014';
const B = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const C = '0cca44d6-68e9-4762-94ee-31ece98783b9';
const CUSTOMERS_CSV =
  '\uFEFF' +
  [
    'Microsoft ID,Company name,Primary domain name,Relationship',
    `${A.toUpperCase()},"Contoso, Ltd.",contoso.co.jp,Reseller`,
    `${B},Fabrikam,fabrikam.com,None`,
    `${B},Fabrikam (again),fabrikam.com,None`,
    `${C},Northwind,northwind.com,Reseller`,
    'oops,Broken,broken.com,Reseller',
  ].join('\r\n') +
  '\r\n';

const signedIn: MicrosoftState = { available: true, configured: true, account: { oid: 'o', tenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438', username: 'aiko@fabrikam.example', name: 'Aiko' } };
const browser: MicrosoftState = { available: false, configured: false, account: null };

/** A fake host (Electron cannot run here): the Microsoft state and Partner Center's answer. */
function fakeHost(state: MicrosoftState = browser, customers: () => Promise<PartnerCenterCustomersResult> = async () => Promise.reject(new Error('not called'))) {
  const progress = new Set<(p: PartnerCenterProgress) => void>();
  const asked: number[] = [];
  const host = {
    microsoftAccount: async () => state,
    partnerCenterCustomers: async () => {
      asked.push(1);
      return customers();
    },
    onPartnerCenterProgress: (listener: (p: PartnerCenterProgress) => void) => {
      progress.add(listener);
      return () => progress.delete(listener);
    },
  } as unknown as HostApi;
  return { host, asked, progress: (p: PartnerCenterProgress) => progress.forEach((l) => l(p)) };
}

function wrap(ui: ReactNode, language: UiLanguage = 'en', host: HostApi = fakeHost().host) {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <FluentProvider theme={webLightTheme}>
        <HostProvider host={host}>{ui}</HostProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
}

/** The list import on a workspace that has Northwind; the changes it asks for are kept in the array returned. */
function showListImport(host?: HostApi): Parameters<CreateCustomers>[0][] {
  const calls: Parameters<CreateCustomers>[0][] = [];
  let n = 0;
  wrap(
    <CustomerListImport
      existing={[{ tenantId: C, name: 'Northwind Traders' }]}
      newId={() => `new-${++n}`}
      onCreate={async (args) => {
        calls.push(args);
        return { ok: true };
      }}
    />,
    'en',
    host,
  );
  return calls;
}

afterEach(cleanup);
stubResizeObserver();

function pick(text: string, name = 'Customers.csv') {
  fireEvent.change(screen.getByTestId('pc-customer-list-input'), { target: { files: [new File([text], name)] } });
}

describe('Import Partner Center customer list', () => {
  it('is recognised by its content, whatever its name', () => {
    expect(partnerCenterFileKind(CUSTOMERS_CSV)).toBe('customerList');
  });

  it('previews new, known, repeated and refused rows, then creates the new ones in one change', async () => {
    const calls = showListImport();
    pick(CUSTOMERS_CSV, 'export (2).csv');
    await waitFor(() => expect(screen.getByTestId('pc-customer-counts').textContent).toBe('export (2).csv: 2 new, 1 already in the workspace (same tenant id), 1 repeated in the file, 1 refused.'));
    const rows = within(screen.getByTestId('pc-new')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([`2Contoso, Ltd.contoso.co.jp${A}Reseller: the invitation was accepted`, `3Fabrikamfabrikam.com${B}None`]);
    expect(screen.getByTestId('pc-known').textContent).toBe(`Row 5: Northwind (${C}) is the workspace's customer Northwind Traders`);
    expect(screen.getByTestId('pc-duplicates').textContent).toBe(`Row 4: Fabrikam (again) has the tenant id ${B} of row 3`);
    expect(screen.getByTestId('pc-refused').textContent).toBe('Row 6, column Microsoft ID: "oops" is not a tenant id (a GUID)');
    // Nothing written before the confirmation.
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Create the new customers (2)' }));
    await waitFor(() => expect(screen.getByTestId('pc-customer-outcome').textContent).toBe('Customers created from export (2).csv: 2.'));
    expect(calls).toEqual([
      {
        file: 'export (2).csv',
        customers: [
          { id: 'new-1', name: 'Contoso, Ltd.', domain: 'contoso.co.jp', tenantId: A, stage: 'accepted' },
          { id: 'new-2', name: 'Fabrikam', domain: 'fabrikam.com', tenantId: B, stage: 'not-started' },
        ],
      },
    ]);
    expect(screen.queryByTestId('pc-customer-preview')).toBeNull();
  });

  it('says in Japanese what it found, and what the change refused', async () => {
    wrap(<CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => refused('FORBIDDEN', 'permission.missing', { mutation: 'customer.createMany', permission: 'customer.edit', role: 'billing-agent' })} />, 'ja');
    pick(CUSTOMERS_CSV);
    await waitFor(() => expect(screen.getByTestId('pc-customer-counts').textContent).toBe('Customers.csv: 新規 3 件、ワークスペースに既にある顧客 (同じテナント ID) 0 件、ファイル内の重複 1 件、取り込めない行 1 件。'));
    expect(screen.getByTestId('pc-refused').textContent).toBe('6 行目、列「Microsoft ID」: 「oops」はテナント ID (GUID) ではありません');
    fireEvent.click(screen.getByRole('button', { name: '新しい顧客を作成 (3 件)' }));
    await waitFor(() => expect(screen.getByTestId('pc-customer-outcome').textContent).toBe('何も保存されませんでした: 現在のロール (課金エージェント) では顧客を編集することはできません'));
  });

  it('refuses a file that is not the list, naming the missing columns, and previews a list dropped on the page', async () => {
    const { rerender } = wrap(<CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: true })} />);
    pick('\uFEFFName,Domain\r\nContoso,contoso.com\r\n', 'list.csv');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('list.csv: row 1: column Microsoft ID: is not a Partner Center customer list (Customers > Export customers): missing columns Microsoft ID, Company name, Primary domain name'));
    rerender(
      <I18nextProvider i18n={createI18n('en')}>
        <FluentProvider theme={webLightTheme}>
          <HostProvider host={fakeHost().host}>
            <CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: true })} dropped={{ file: 'dropped.csv', text: CUSTOMERS_CSV }} />
          </HostProvider>
        </FluentProvider>
      </I18nextProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('pc-customer-counts').textContent).toMatch(/^dropped\.csv: 3 new/));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

/** Partner Center's answer as partnerCenter.customers gives it: 5 records, the 4th refused, the 5th a repeat of the 2nd. */
const pcList: PartnerCenterCustomersResult = {
  ok: true,
  customers: [
    { tenantId: A, companyName: 'Contoso, Ltd.', domain: 'contoso.co.jp', country: 'JP', relationship: 'reseller' },
    { tenantId: B, companyName: 'Fabrikam', domain: 'fabrikam.com', country: null, relationship: 'none' },
    { tenantId: C, companyName: 'Northwind', domain: 'northwind.com', country: 'US', relationship: 'reseller' },
  ],
  refused: [{ position: 4, id: 'not-a-guid', reason: 'tenantNotGuid', params: { tenant: 'not-a-guid' } }],
  duplicates: [{ position: 5, tenantId: B, companyName: 'Fabrikam (again)' }],
  pages: 2,
};

const READ = { en: 'Read the customer list from Partner Center', ja: 'パートナー センターから顧客一覧を読み込む' } as const;

/** Clicks "Read the customer list from Partner Center" once the host has said it may (the button starts disabled). */
async function clickRead(language: keyof typeof READ): Promise<HTMLElement> {
  const button = screen.getByRole('button', { name: READ[language] });
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
  fireEvent.click(button);
  return button;
}

describe('Read the customer list from Partner Center (fake host)', () => {
  it('shows the list through the same preview, then creates the new customers with their country in one change', async () => {
    let answer: (value: PartnerCenterCustomersResult) => void = () => undefined;
    const fake = fakeHost(signedIn, () => new Promise((resolve) => (answer = resolve)));
    const calls = showListImport(fake.host);
    const button = await clickRead('en');
    // While main reads the pages, how far it has come; the button waits.
    act(() => fake.progress({ pages: 1, customers: 40 }));
    expect(screen.getByTestId('pc-customer-reading').textContent).toBe('Reading the customer list from Partner Center: 40 customers so far (page 1)');
    expect(button.hasAttribute('disabled')).toBe(true);
    await act(async () => answer(pcList));
    await waitFor(() => expect(screen.getByTestId('pc-customer-counts').textContent).toBe("Partner Center's customer list: 2 new, 1 already in the workspace (same tenant id), 1 repeated in the list, 1 refused."));
    expect(screen.queryByTestId('pc-customer-reading')).toBeNull();
    const header = within(screen.getByTestId('pc-new')).getAllByRole('columnheader').map((h) => h.textContent);
    expect(header).toEqual(['No. in Partner Center', 'Company name', 'Primary domain', 'Tenant ID (Microsoft ID)', 'Country', 'Relationship']);
    const rows = within(screen.getByTestId('pc-new')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([`1Contoso, Ltd.contoso.co.jp${A}JPreseller: the invitation was accepted`, `2Fabrikamfabrikam.com${B}–none`]);
    expect(screen.getByTestId('pc-known').textContent).toBe(`No. 3: Northwind (${C}) is the workspace's customer Northwind Traders`);
    expect(screen.getByTestId('pc-duplicates').textContent).toBe(`No. 5: Fabrikam (again) has the tenant id ${B} of No. 2`);
    expect(screen.getByTestId('pc-refused').textContent).toBe('No. 4 (Partner Center id not-a-guid): its tenant id "not-a-guid" is not a GUID');
    expect(calls).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Create the new customers (2)' }));
    await waitFor(() => expect(screen.getByTestId('pc-customer-outcome').textContent).toBe("Customers created from Partner Center's customer list: 2."));
    expect(calls).toEqual([
      {
        file: PARTNER_CENTER_LIST_SOURCE,
        customers: [
          { id: 'new-1', name: 'Contoso, Ltd.', domain: 'contoso.co.jp', tenantId: A, country: 'JP', stage: 'accepted' },
          { id: 'new-2', name: 'Fabrikam', domain: 'fabrikam.com', tenantId: B, stage: 'not-started' },
        ],
      },
    ]);
    expect(fake.asked).toHaveLength(1);
  });

  it("says Partner Center's refusal in Japanese on a Japanese screen, and the preview in Japanese", async () => {
    const refusal = fakeHost(signedIn, async () => ({ ok: false, code: 'forbidden', params: { call: 'customers', status: 403, requestId: 'r-1', attempts: 1 } }));
    wrap(<CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: true })} />, 'ja', refusal.host);
    await clickRead('ja');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'パートナー センターが顧客一覧を拒否しました (403 Forbidden)。パートナー センターで「管理エージェントまたは営業担当エージェント」ロールが必要です。また、アプリのサインインにパートナー センターのアクセス許可 (user_impersonation) が必要です。パートナー センターの管理者にロールの付与を依頼し、もう一度サインインしてください。',
      ),
    );
    expect(screen.queryByTestId('pc-customer-preview')).toBeNull();
    cleanup();

    wrap(<CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: true })} />, 'ja', fakeHost(signedIn, async () => pcList).host);
    await clickRead('ja');
    await waitFor(() => expect(screen.getByTestId('pc-customer-counts').textContent).toBe('パートナー センターの顧客一覧: 新規 3 件、ワークスペースに既にある顧客 (同じテナント ID) 0 件、一覧内の重複 1 件、取り込めない記録 1 件。'));
    expect(screen.getByTestId('pc-refused').textContent).toBe('4 番 (パートナー センターの ID not-a-guid): テナント ID「not-a-guid」が GUID ではありません');
  });

  it('a host failure (signed out meanwhile) is said in words, nothing previewed', async () => {
    const failing = fakeHost(signedIn, async () => Promise.reject(new Error('Not signed in with Microsoft.')));
    wrap(<CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: true })} />, 'en', failing.host);
    await clickRead('en');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The customer list could not be read from Partner Center: Not signed in with Microsoft.'));
    expect(screen.queryByTestId('pc-customer-preview')).toBeNull();
  });

  it('is disabled with the reason in a browser and without a Microsoft sign-in, and asks nothing', async () => {
    const web = fakeHost(browser);
    wrap(<CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: true })} />, 'en', web.host);
    await screen.findByText('Reading from Partner Center needs the desktop app.');
    expect(screen.getByRole('button', { name: 'Read the customer list from Partner Center' }).hasAttribute('disabled')).toBe(true);
    cleanup();
    const signedOut = fakeHost({ available: true, configured: true, account: null });
    wrap(<CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: true })} />, 'ja', signedOut.host);
    await screen.findByText('パートナー センターから顧客一覧を読み込むには、「確認と同期」で Microsoft にサインインしてください。');
    expect(screen.getByRole('button', { name: 'パートナー センターから顧客一覧を読み込む' }).hasAttribute('disabled')).toBe(true);
    expect(web.asked).toHaveLength(0);
    expect(signedOut.asked).toHaveLength(0);
  });
});
