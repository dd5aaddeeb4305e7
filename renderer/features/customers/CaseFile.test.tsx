// @vitest-environment jsdom
// The case file on a workspace written by the real mutators (the app's SyncController over the web
// host, into Dexie on fake-indexeddb): a customer whose 27 Office 365 E5 subscriptions are held by
// another CSP partner (Graph's subscription shape, each with its own id). Recording the billing
// account and the Microsoft Customer Agreement, and requesting and moving on a partner-to-partner
// transfer, go through the screens' own buttons into the stored rows.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type UiLanguage } from '../../app/i18n';
import { createWebHost } from '../../host/webHost';
import { useSyncStore } from '../../sync/controller';
import { workspaceDb } from '../../workspace/workspace';
import { CaseFile } from './CaseFile';
import { observeFixedLayout, renderInApp } from '../../../test/support/components';
import { fixtureTenant, seedContoso, localSync } from '../../../test/support/localWorkspace';

const tenant = fixtureTenant;
const E5 = tenant.skus.find((s) => s.skuPartNumber === 'ENTERPRISEPREMIUM')!;
const OTHER_PARTNER = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';
// 27 subscriptions another partner sold: more than one transfer request may take.
const subscriptions = Array.from({ length: 27 }, (_, i) => ({
  ...tenant.subscriptions![0]!,
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  skuId: E5.skuId,
  skuPartNumber: E5.skuPartNumber,
  totalLicenses: i + 1,
  ownerTenantId: OTHER_PARTNER,
  nextLifecycleDateTime: '2027-03-31T00:00:00Z',
}));
const host = createWebHost({ window, version: 'test' });


beforeAll(async () => {
  observeFixedLayout();
  localSync(host);
  await seedContoso({ subscriptions });
});

afterEach(() => {
  cleanup();
  useSyncStore.setState({ user: null });
});

afterAll(() => workspaceDb().close());

function show(language: UiLanguage = 'en') {
  return renderInApp(<CaseFile customerId="contoso" />, { language, host });
}

const disabled = (e: HTMLElement) => e.hasAttribute('disabled') || e.getAttribute('aria-disabled') === 'true';
const stored = () => workspaceDb().customers.get('contoso');

describe('case file: billing account and customer agreement', () => {
  it('records the billing account, with why it matters, through customer.setBillingAccount', async () => {
    show();
    const section = await screen.findByTestId('billing-agreement');
    const select = within(section).getByRole('combobox', { name: 'Billing account of the direct subscriptions' });
    expect((select as HTMLSelectElement).value).toBe('unknown');
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'Not known',
      'Microsoft Customer Agreement (MCA)',
      'Microsoft Online Subscription Agreement (MOSA)',
      'Enterprise Agreement (EA)',
    ]);
    expect(section.textContent).toContain('refunded');
    fireEvent.change(select, { target: { value: 'mosa' } });
    await waitFor(async () => expect((await stored())?.billingAccount).toBe('mosa'));
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('mosa'));
    expect(within(section).getByRole('status').textContent).toBe('Billing account saved for your whole team.');
  });

  it('refuses a date in the future and an empty attester, records the agreement, and clears it', async () => {
    show();
    const section = await screen.findByTestId('billing-agreement');
    expect(section.textContent).toContain('Not recorded yet');
    fireEvent.change(within(section).getByLabelText(/Accepted on/), { target: { value: '2999-01-01' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Record the agreement' }));
    expect(await within(section).findByText('The acceptance date cannot be in the future.')).toBeTruthy();
    expect(within(section).getByText('Enter who attested the acceptance.')).toBeTruthy();
    expect((await stored())?.agreement ?? null).toBeNull();

    fireEvent.change(within(section).getByLabelText(/Accepted on/), { target: { value: '2026-11-20' } });
    fireEvent.change(within(section).getByLabelText(/Attested by/), { target: { value: '  Aiko Tanaka ' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Record the agreement' }));
    await waitFor(async () => expect((await stored())?.agreement).toEqual({ acceptedOn: '2026-11-20', attestedBy: 'Aiko Tanaka' }));
    expect((await within(section).findByTestId('agreement-record')).textContent).toBe('Accepted on 2026-11-20, attested by Aiko Tanaka.');

    fireEvent.click(within(section).getByRole('button', { name: 'Clear the record' }));
    await waitFor(async () => expect((await stored())?.agreement).toBeNull());
    expect(await within(section).findByRole('button', { name: 'Record the agreement' })).toBeTruthy();
  });

  it('is read-only for a Billing agent, who reads who may record it', async () => {
    useSyncStore.setState({ user: { id: 'u1', email: 'kenji@fabrikam.example', name: 'Kenji Sato', role: 'billing-agent' } });
    show();
    const section = await screen.findByTestId('billing-agreement');
    expect(disabled(within(section).getByRole('combobox'))).toBe(true);
    expect(disabled(within(section).getByRole('button', { name: 'Record the agreement' }))).toBe(true);
    expect(within(section).getByRole('note').textContent).toMatch(/^Only an Admin agent or a Sales agent can .+ You are signed in as a Billing agent\.$/);
  });

  it('speaks Japanese', async () => {
    show('ja');
    const section = await screen.findByTestId('billing-agreement');
    expect(within(section).getByRole('combobox', { name: '直接契約サブスクリプションの課金アカウント' })).toBeTruthy();
    expect(within(section).getByRole('button', { name: '契約を記録' })).toBeTruthy();
  });
});

describe('case file: partner-to-partner transfers', () => {
  it('lists the subscriptions another partner holds, says when more than 25 are selected, and requests a transfer of 25', async () => {
    show();
    const section = await screen.findByTestId('transfers');
    const boxes = await within(section).findAllByRole('checkbox');
    expect(boxes).toHaveLength(27);
    expect(within(section).getByRole('checkbox', { name: 'ENTERPRISEPREMIUM (27 licenses, ends Mar 31, 2027)' })).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Select all that can be requested (27)' }));
    expect(within(section).getByRole('status').textContent).toContain('27 subscriptions selected: one transfer request takes at most 25.');
    fireEvent.click(within(section).getByRole('button', { name: 'Clear the selection' }));
    expect(within(section).queryByRole('status')).toBeNull();
    for (const box of boxes.slice(0, 26)) fireEvent.click(box);
    expect(within(section).getByRole('status').textContent).toBe(
      '26 subscriptions selected: one transfer request takes at most 25. Unselect some and request the rest in another transfer.',
    );
    const request = within(section).getByRole('button', { name: 'Request a transfer (26 selected)' });
    expect(disabled(request)).toBe(true);
    fireEvent.click(boxes[25]!);
    expect(within(section).queryByRole('status')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'Request a transfer (25 selected)' }));

    await waitFor(async () => expect(await workspaceDb().transfers.where('customerId').equals('contoso').count()).toBe(1));
    const [transfer] = await workspaceDb().transfers.toArray();
    expect(transfer!.status).toBe('requested');
    expect(transfer!.sourceKeys).toEqual(subscriptions.slice(0, 25).map((s) => s.id));
    expect(transfer!.requested.by).toBe('This computer');

    const row = await within(section).findByTestId('transfer');
    expect(within(row).getAllByRole('cell')[1]!.textContent).toBe('Requested');
    expect(within(row).getAllByRole('cell')[2]!.textContent).toMatch(/ by This computer$/);
    // The 25 in the open transfer cannot be requested again; the last two still can.
    const after = within(section).getAllByRole('checkbox');
    expect(after.filter(disabled)).toHaveLength(25);
    expect(within(section).getByRole('button', { name: 'Select all that can be requested (2)' })).toBeTruthy();
    expect(after[0]!.closest('span, div')!.parentElement!.textContent).toContain('already in a transfer, Requested');
  });

  it('moves a transfer on: approved by the current partner, then completed, each with who and when', async () => {
    show();
    const section = await screen.findByTestId('transfers');
    const row = await within(section).findByTestId('transfer');
    expect(within(row).getAllByRole('button').map((b) => b.textContent)).toEqual(['Mark approved by the current partner', 'Mark rejected']);
    fireEvent.click(within(row).getByRole('button', { name: 'Mark approved by the current partner' }));
    await waitFor(() => expect(within(row).getAllByRole('cell')[1]!.textContent).toBe('Approved by the current partner'));
    expect(within(row).getAllByRole('cell')[3]!.textContent).toMatch(/ by This computer$/);
    fireEvent.click(within(row).getByRole('button', { name: 'Mark completed' }));
    await waitFor(() => expect(within(row).getAllByRole('cell')[1]!.textContent).toBe('Completed'));
    expect(within(row).queryAllByRole('button')).toHaveLength(0);
    const [transfer] = await workspaceDb().transfers.toArray();
    expect(transfer!.status).toBe('completed');
    expect(transfer!.approved?.by).toBe('This computer');
    expect(transfer!.completed?.by).toBe('This computer');
  });

  it('is read-only for a Billing agent, and speaks Japanese', async () => {
    useSyncStore.setState({ user: { id: 'u1', email: 'kenji@fabrikam.example', name: 'Kenji Sato', role: 'billing-agent' } });
    show('ja');
    const section = await screen.findByTestId('transfers');
    expect(within(section).getByRole('heading', { name: 'パートナー間移管' })).toBeTruthy();
    for (const box of await within(section).findAllByRole('checkbox')) expect(disabled(box)).toBe(true);
    expect(disabled(within(section).getByRole('button', { name: '移管を依頼 (0 件選択)' }))).toBe(true);
    expect(within(section).getByRole('note').textContent).toContain('課金エージェント');
    expect((await within(section).findByTestId('transfer')).textContent).toContain('完了');
  });
});
