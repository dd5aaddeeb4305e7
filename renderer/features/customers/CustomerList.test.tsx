// @vitest-environment jsdom
// The list with 10,000 customers: only a window of rows is in the page, and sorting and filtering
// go over all of them.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n';
import { CustomerList, type CustomerRow } from './CustomerList';
import { CustomerStage } from '../../../shared/workspace/tables';

// jsdom lays nothing out: give elements the height of a window's worth of rows so the virtualizer
// has a viewport to fill (in Chromium the e2e suite sees the real one).
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 960 });

const N = 10_000;
const customers: CustomerRow[] = Array.from({ length: N }, (_, i) => ({
  id: `c${i}`,
  name: `Customer ${String(i).padStart(5, '0')}`,
  domain: `c${i}.example.com`,
  tenantId: '',
  country: i % 2 === 0 ? 'JP' : 'US',
  channel: 'unknown',
  stage: CustomerStage.options[i % CustomerStage.options.length]!,
  notes: '',
  createdAt: '2026-01-01T00:00:00Z',
  tenantImportId: null,
  users: i % 3 === 0 ? null : i,
}));

function renderList() {
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <FluentProvider theme={webLightTheme}>
        <CustomerList customers={customers} />
      </FluentProvider>
    </I18nextProvider>,
  );
}

const bodyRows = () => within(screen.getByTestId('customer-list')).getAllByRole('row').slice(1);

describe('CustomerList', () => {
  afterEach(cleanup);

  it('puts only a window of 10,000 customers in the page, each name linking to its case file', () => {
    renderList();
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByRole('status').textContent).toContain('Showing 10,000 of 10,000');
    const first = within(rows[0]!).getByRole('link');
    expect(first.textContent).toContain('Customer 00000');
    expect(first.getAttribute('href')).toBe('#/customers/c0');
    // The 4th cell: licensed users, or "Not imported".
    expect(within(rows[0]!).getAllByRole('cell')[3]!.textContent).toContain('Not imported');
    expect(within(rows[1]!).getAllByRole('cell')[3]!.textContent).toContain('1');
  });

  it('sorts by name and stage, and filters by text and stage over all rows', () => {
    renderList();
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(within(bodyRows()[0]!).getByRole('link').textContent).toContain('Customer 09999');
    fireEvent.click(screen.getByRole('button', { name: 'Stage' }));
    // Stages in the order of the move: "Not started" first.
    expect(bodyRows()[0]!.textContent).toContain('Not started');
    act(() => {
      fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'c4242.example' } });
    });
    expect(bodyRows()).toHaveLength(1);
    expect(bodyRows()[0]!.textContent).toContain('Customer 04242');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Stage' }), { target: { value: 'done' } });
    expect(screen.getByRole('status').textContent).toContain(`Showing ${Math.ceil((N - 6) / 7).toLocaleString('en')} of 10,000`);
    for (const row of bodyRows()) expect(row.textContent).toContain('Done');
  });
});
