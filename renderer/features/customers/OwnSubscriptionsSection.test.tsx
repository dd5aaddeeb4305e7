// @vitest-environment jsdom
// A customer's own subscriptions from Partner Center in the case file: the subscriptions export
// (built in the documented layout) and the API's JSON (the documentation's own examples) are
// recognised by content, previewed with what the tenant import has, and saved in one change; a bad
// file writes nothing and says where, in English and Japanese.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../../shared/workspace/tables';
import { createI18n, type UiLanguage } from '../../app/i18n';
import { OwnSubscriptionsSection, type SaveOwnSubscriptions } from './OwnSubscriptionsSection';
import { stubResizeObserver } from '../../../test/support/components';
import { customerRow } from '../../../test/support/workspaceRows';

const fixtures = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const pc = (name: string) => readFileSync(path.join(fixtures, 'partner-center', name));
const S1 = 'eebd1b55-5360-4438-a11d-5c06918c3014';
const S2 = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const SUBS_CSV = `\uFEFFSubscription ID,Subscription,Quantity,Status,Reseller\r\n${S1.toUpperCase()},Office 365 E3,25,Active,\r\n${S2},"Microsoft 365 Business Premium",3,Suspended,"Reseller, Inc."\r\n`;

const customer = customerRow({ id: 'c-1', createdAt: '2026-12-01T00:00:00.000Z' });

afterEach(cleanup);
stubResizeObserver();

function wrap(ui: ReactNode, language: UiLanguage = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </I18nextProvider>,
  );
}

function pick(bytes: Uint8Array | string, name: string) {
  fireEvent.change(screen.getByTestId('own-input'), { target: { files: [new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name)] } });
}

describe("the customer's own subscriptions from Partner Center", () => {
  it('previews the subscriptions export with what the tenant import has, and saves it in one change', async () => {
    const saved: Parameters<SaveOwnSubscriptions>[0][] = [];
    wrap(<OwnSubscriptionsSection customer={customer} placement={undefined} tenantKeys={new Set([S1])} onSave={async (a) => (saved.push(a), { ok: true })} />);
    expect(screen.getByText('No subscriptions from Partner Center are recorded.')).toBeTruthy();
    pick(SUBS_CSV, 'export.csv');
    await waitFor(() => expect(screen.getByTestId('own-preview')).toBeTruthy());
    expect(within(screen.getByTestId('own-preview')).getByRole('status').textContent).toBe('export.csv: subscriptions 2, of them in the imported tenant 1. Nothing is written before you confirm.');
    const rows = within(screen.getByTestId('own-preview-table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([`Office 365 E325Active${S1}Yes`, `Microsoft 365 Business Premium3Suspended${S2}No`]);
    expect(saved).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Record as yours (2)' }));
    await waitFor(() => expect(screen.getByTestId('own-outcome').textContent).toBe('Recorded as sold by you, from export.csv: 2.'));
    expect(saved).toEqual([
      {
        id: 'c-1',
        file: 'export.csv',
        subscriptions: [
          { id: S1, name: 'Office 365 E3', offerId: null, quantity: 25, status: 'Active', commitmentEndDate: null, reseller: '' },
          { id: S2, name: 'Microsoft 365 Business Premium', offerId: null, quantity: 3, status: 'Suspended', commitmentEndDate: null, reseller: 'Reseller, Inc.' },
        ],
      },
    ]);
  });

  it("takes Partner Center's subscription JSON as it is, and refuses the documentation list's broken date naming the record and field", async () => {
    wrap(<OwnSubscriptionsSection customer={customer} placement={undefined} tenantKeys={new Set()} onSave={async () => ({ ok: true })} />);
    pick(pc('subscription.get.response.json'), 'sub.json');
    await waitFor(() => expect(screen.getByTestId('own-preview-table').textContent).toContain('Microsoft Azure'));
    pick(pc('subscriptions.list.response.json'), 'list.json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^list\.json: record 1 \(id 83ef9d05-4169-4ef9-9657-0e86b1eab1de\): field creationDate: "2015-11-25T06: 41: 12Z" is not an ISO 8601 date-time$/));
    expect(screen.queryByTestId('own-preview')).toBeNull();
    pick(pc('customer.get.response.json'), 'customer.json');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^customer\.json is not a Partner Center subscriptions export/));
  });

  it('shows what was recorded and whether the tenant has it; a bad row refuses the file, in Japanese', async () => {
    const recorded: Customer = {
      ...customer,
      ownSubscriptions: { file: 'subs.csv', at: '2026-12-05T09:00:00.000Z', by: 'Aiko', items: [{ id: S1, name: 'Office 365 E3', offerId: null, quantity: 25, status: 'Active', commitmentEndDate: null, reseller: '' }] },
    };
    wrap(<OwnSubscriptionsSection customer={recorded} placement={{ inTenant: [S1], added: [], notPlaced: [] }} tenantKeys={new Set([S1])} onSave={async () => ({ ok: true })} />, 'ja');
    expect(screen.getByTestId('own-recorded').textContent).toBe('2026-12-05 に Aiko が subs.csv からサブスクリプション 1 件を記録しました。');
    expect(within(screen.getByTestId('own-recorded-table')).getAllByRole('row')[1]?.textContent).toBe(`Office 365 E325Active${S1}はい`);
    pick(`Subscription ID,Subscription,Quantity,Status\n${S1},E3,-1,Active\n`, 'bad.csv');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('ファイル bad.csv: 2 行目: 列「Quantity」: 「-1」はライセンス数 (整数) ではありません'));
  });
});
