// @vitest-environment jsdom
// The customer picker with 10,000 customers: typing narrows the list, only the first matches are
// in the page, and a customer is chosen with the mouse or the keyboard, in English and Japanese.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../app/i18n';
import { CustomerPicker, PICKER_SHOWN, matchCustomers, type PickableCustomer } from './CustomerPicker';

const N = 10_000;
const customers: PickableCustomer[] = Array.from({ length: N }, (_, i) => ({
  id: `c${i}`,
  name: `${i % 2 === 0 ? 'Contoso' : 'Fabrikam'} ${String(i).padStart(5, '0')}`,
  detail: `c${i}.example.com`,
}));

function Harness({ language, onChosen = () => {} }: { language: 'en' | 'ja'; onChosen?: (id: string) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <I18nextProvider i18n={createI18n(language)}>
      <FluentProvider theme={webLightTheme}>
        <CustomerPicker
          label="Customer"
          customers={customers}
          value={value}
          onChange={(id) => {
            onChosen(id);
            setValue(id);
          }}
        />
      </FluentProvider>
    </I18nextProvider>
  );
}

afterEach(cleanup);

describe('matchCustomers', () => {
  const haystacks = customers.map((c) => `${c.name} ${c.detail}`.toLowerCase());
  it('keeps the customers holding every word typed, in any case, by name or detail', () => {
    // Fabrikam is every odd number; "0999" is in 00999 and in 09990 to 09999.
    expect(matchCustomers(customers, haystacks, 'fabrikam 0999').map((c) => c.id)).toEqual(['c999', 'c9991', 'c9993', 'c9995', 'c9997', 'c9999']);
    expect(matchCustomers(customers, haystacks, 'C42.EXAMPLE').map((c) => c.id)).toEqual(['c42']);
    expect(matchCustomers(customers, haystacks, '   ')).toHaveLength(N);
    expect(matchCustomers(customers, haystacks, 'northwind')).toEqual([]);
  });
});

describe('CustomerPicker', () => {
  it('lists only the first matches of 10,000 and says how many there are; typing narrows them', () => {
    render(<Harness language="en" />);
    const box = screen.getByRole('combobox');
    expect(screen.getByText('Type part of the name or domain to find a customer (10,000 in the workspace).')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'fabrikam' } });
    expect(screen.getAllByRole('option')).toHaveLength(PICKER_SHOWN);
    expect(screen.getByText('Showing the first 50 of 5,000 matches: type more of the name.')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'fabrikam 00777' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Fabrikam 00777 (c777.example.com)']);
    fireEvent.change(box, { target: { value: 'northwind' } });
    const none = screen.getByRole('option');
    expect(none.textContent).toBe('No customer matches what you typed.');
    expect(none.getAttribute('aria-disabled')).toBe('true');
  });

  it('chooses a customer by click, and by the keyboard alone', () => {
    const chosen = { id: null as string | null };
    render(<Harness language="en" onChosen={(id) => (chosen.id = id)} />);
    const box = screen.getByRole('combobox');
    fireEvent.change(box, { target: { value: 'contoso 01234' } });
    fireEvent.click(screen.getByRole('option', { name: 'Contoso 01234 (c1234.example.com)' }));
    expect(chosen.id).toBe('c1234');
    expect((box as HTMLInputElement).value).toBe('Contoso 01234 (c1234.example.com)');

    fireEvent.change(box, { target: { value: 'fabrikam 00555' } });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(chosen.id).toBe('c555');
  });

  it('speaks Japanese', () => {
    render(<Harness language="ja" />);
    expect(screen.getByText('名前またはドメインの一部を入力して顧客を探せます (ワークスペースに 10,000 件)。')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'contoso' } });
    expect(screen.getByText('一致した 5,000 件のうち最初の 50 件を表示しています。名前をもう少し入力してください。')).toBeTruthy();
  });
});
