// @vitest-environment jsdom
// The customer's Details form over the stored details as the case file passes them (a re-read row
// after each change): a save saves only the fields changed and then shows what was stored; a change
// pulled from the team shows in the fields nobody is editing, and a field being edited keeps what
// the person typed; a re-read row with the same details leaves the form (and the focus) alone.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useSyncExternalStore } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../../shared/workspace/tables';
import { createWebHost } from '../../host/webHost';
import type { SyncController } from '../../sync/controller';
import { DetailsSection } from './DetailsSection';
import { renderInApp, stubResizeObserver } from '../../../test/support/components';

afterEach(cleanup);
stubResizeObserver();

const CUSTOMER = {
  id: 'c-1',
  name: 'Contoso',
  domain: 'contoso.com',
  tenantId: '',
  country: 'JP',
  channel: 'unknown',
  stage: 'discovery',
  notes: '',
} as unknown as Customer;

/** The customer's row as the case file's live query answers it: each read a new object. */
function liveRow(first: Customer) {
  let row = first;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  function Live() {
    const customer = useSyncExternalStore(subscribe, () => row);
    return <DetailsSection customer={customer} canEdit />;
  }
  const read = (next: Customer) => {
    row = { ...next };
    for (const l of listeners) l();
  };
  return { Live, read };
}

function setup() {
  const mutate = vi.fn(async (_name: string, _args: Record<string, unknown>) => ({ ok: true as const }));
  const sync = { mutate } as unknown as SyncController;
  const { Live, read } = liveRow(CUSTOMER);
  renderInApp(<Live />, { sync, host: createWebHost({ window, version: 'test' }) });
  return { mutate, show: (customer: Customer) => act(() => read(customer)) };
}

const input = (label: string) => screen.getByLabelText(label, { exact: false }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save details' }));

describe('the Details form', () => {
  it('saves only the changed fields, normalized, and then shows the stored details', async () => {
    const { mutate, show } = setup();
    type('Tenant ID', '72F988BF-86F1-41AF-91AB-2D7CD011DB47');
    type('Country', 'us');
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Details saved for your whole team.'));
    expect(mutate).toHaveBeenCalledTimes(1);
    expect(mutate.mock.calls[0]).toEqual(['customer.update', { id: 'c-1', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', country: 'US' }]);
    // Shown as stored, before and after the row is read back.
    expect(input('Tenant ID').value).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(input('Country').value).toBe('US');
    show({ ...CUSTOMER, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', country: 'US' });
    expect(input('Country').value).toBe('US');
    // Nothing left to save.
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nothing to save: no field was changed.'));
    expect(mutate).toHaveBeenCalledTimes(1);
  });

  it('shows a pulled change where nobody is editing, and keeps the field being edited', async () => {
    const { mutate, show } = setup();
    type('Domain', 'contoso.co.jp');
    show({ ...CUSTOMER, name: 'Contoso Japan', domain: 'contoso.example', country: 'KR' });
    await waitFor(() => expect(input('Customer name').value).toBe('Contoso Japan'));
    expect(input('Country').value).toBe('KR');
    expect(input('Domain').value).toBe('contoso.co.jp');
    save();
    await waitFor(() => expect(mutate).toHaveBeenCalledTimes(1));
    // Only the edited field is saved: the team's name and country are not sent back.
    expect(mutate.mock.calls[0]).toEqual(['customer.update', { id: 'c-1', domain: 'contoso.co.jp' }]);
  });

  it('leaves the form and the focus alone when the row is read again with the same details', () => {
    const { show } = setup();
    const name = input('Customer name');
    name.focus();
    type('Customer name', 'Contoso Holdings');
    show({ ...CUSTOMER, notes: 'a note saved elsewhere' });
    expect(input('Customer name')).toBe(name);
    expect(document.activeElement).toBe(name);
    expect(name.value).toBe('Contoso Holdings');
  });
});
