// @vitest-environment jsdom
// The Partner Center customer list on the Customers page: a Customers.csv built in the documented
// layout (BOM, CRLF, a quoted name) is previewed (new, already in the workspace, repeated, refused)
// before ONE change creates the new customers, in English and Japanese.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, type UiLanguage } from '../../app/i18n';
import { partnerCenterFileKind } from '../../workspace/partnerCenterLists';
import { CustomerListImport, type CreateCustomers } from './CustomerListImport';

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

function wrap(ui: ReactNode, language: UiLanguage = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </I18nextProvider>,
  );
}

afterEach(cleanup);
// jsdom has no ResizeObserver; Fluent's MessageBar only needs one to exist.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

function pick(text: string, name = 'Customers.csv') {
  fireEvent.change(screen.getByTestId('pc-customer-list-input'), { target: { files: [new File([text], name)] } });
}

describe('Import Partner Center customer list', () => {
  it('is recognised by its content, whatever its name', () => {
    expect(partnerCenterFileKind(CUSTOMERS_CSV)).toBe('customerList');
  });

  it('previews new, known, repeated and refused rows, then creates the new ones in one change', async () => {
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
    );
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
    wrap(<CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: false, code: 'FORBIDDEN', message: 'no', messageJa: '権限がありません' })} />, 'ja');
    pick(CUSTOMERS_CSV);
    await waitFor(() => expect(screen.getByTestId('pc-customer-counts').textContent).toBe('Customers.csv: 新規 3 件、ワークスペースに既にある顧客 (同じテナント ID) 0 件、ファイル内の重複 1 件、取り込めない行 1 件。'));
    expect(screen.getByTestId('pc-refused').textContent).toBe('6 行目、列「Microsoft ID」: 「oops」はテナント ID (GUID) ではありません');
    fireEvent.click(screen.getByRole('button', { name: '新しい顧客を作成 (3 件)' }));
    await waitFor(() => expect(screen.getByTestId('pc-customer-outcome').textContent).toBe('何も保存されませんでした: 権限がありません'));
  });

  it('refuses a file that is not the list, naming the missing columns, and previews a list dropped on the page', async () => {
    const { rerender } = wrap(<CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: true })} />);
    pick('\uFEFFName,Domain\r\nContoso,contoso.com\r\n', 'list.csv');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('list.csv: row 1: column Microsoft ID: is not a Partner Center customer list (Customers > Export customers): missing columns Microsoft ID, Company name, Primary domain name'));
    rerender(
      <I18nextProvider i18n={createI18n('en')}>
        <FluentProvider theme={webLightTheme}>
          <CustomerListImport existing={[]} newId={() => 'x'} onCreate={async () => ({ ok: true })} dropped={{ file: 'dropped.csv', text: CUSTOMERS_CSV }} />
        </FluentProvider>
      </I18nextProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('pc-customer-counts').textContent).toMatch(/^dropped\.csv: 3 new/));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
