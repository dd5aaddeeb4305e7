// @vitest-environment jsdom
// The case file's email to the current partner, on a workspace written by the real mutators: two
// subscriptions another CSP partner holds end in 2027 and would run on in a paid Extended Service
// Term. The email lists both until one of them goes into a partner-to-partner transfer, and is
// written in the language chosen for it, whatever the screen's language.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type UiLanguage } from '../../app/i18n';
import { createWebHost } from '../../host/webHost';
import { workspaceDb } from '../../workspace/workspace';
import { renderInApp } from '../../../test/support/components';
import { CaseFile } from './CaseFile';
import { fixtureTenant, mutateLocally, seedContoso, localSync } from '../../../test/support/localWorkspace';

const tenant = fixtureTenant;
const E5 = tenant.skus.find((s) => s.skuPartNumber === 'ENTERPRISEPREMIUM')!;
const OTHER_PARTNER = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';
const FIRST = '00000000-0000-4000-8000-000000000001';
const SECOND = '00000000-0000-4000-8000-000000000002';
const subscriptions = [
  { ...tenant.subscriptions![0]!, id: FIRST, skuId: E5.skuId, skuPartNumber: E5.skuPartNumber, totalLicenses: 12, ownerTenantId: OTHER_PARTNER, nextLifecycleDateTime: '2027-03-31T00:00:00Z' },
  { ...tenant.subscriptions![0]!, id: SECOND, skuId: E5.skuId, skuPartNumber: E5.skuPartNumber, totalLicenses: 5, ownerTenantId: OTHER_PARTNER, nextLifecycleDateTime: '2027-02-28T00:00:00Z' },
];
const host = createWebHost({ window, version: 'test' });

const mutate = mutateLocally;

beforeAll(async () => {
  localSync(host);
  await seedContoso({ subscriptions });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

afterAll(() => workspaceDb().close());

function show(language: UiLanguage = 'en') {
  return renderInApp(<CaseFile customerId="contoso" />, { language, host });
}

const body = (section: HTMLElement) => (within(section).getByRole('textbox', { name: /^(Email|メール)$/ }) as HTMLTextAreaElement).value;

describe('case file: the email asking the current partner to cancel at end of term', () => {
  it('lists the other partner\'s subscriptions under EST with the earliest end date, and opens in the mail app', async () => {
    show();
    const section = await screen.findByTestId('est-email');
    expect(within(section).getByRole('heading', { name: 'Email to the current partner' })).toBeTruthy();
    expect(section.textContent).toContain('Held by another partner: 2 subscriptions. They go into a paid Extended Service Term');
    fireEvent.change(within(section).getByRole('textbox', { name: "Current partner's name" }), { target: { value: 'Northwind Partners' } });
    fireEvent.change(within(section).getByRole('textbox', { name: "Current partner's email address" }), { target: { value: 'csp@northwind.example' } });
    expect((within(section).getByRole('textbox', { name: 'Subject' }) as HTMLInputElement).value).toBe(
      'Fabrikam CSP: please schedule "cancel at end of term" for Contoso Japan\'s subscriptions',
    );
    const text = body(section);
    expect(text).toContain('Dear Northwind Partners team,');
    expect(text).toContain('by Feb 28, 2027.');
    // No catalog imported in this workspace: the part number is the only name there is.
    expect(text).toContain(`- ENTERPRISEPREMIUM (subscription ${FIRST}): 12 licenses, term ends on Mar 31, 2027`);
    expect(text).toContain(`- ENTERPRISEPREMIUM (subscription ${SECOND}): 5 licenses, term ends on Feb 28, 2027`);

    // The browser edge: the web host hands the mailto link to window.open.
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    fireEvent.click(within(section).getByRole('button', { name: 'Open in the mail app' }));
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    const url = String(opened.mock.calls[0]![0]);
    expect(url.startsWith('mailto:csp%40northwind.example?subject=')).toBe(true);
    expect(decodeURIComponent(url.split('&body=')[1]!)).toContain('Dear Northwind Partners team,\r\n');
  });

  it('is written in Japanese when Japanese is chosen, and the screen follows the Japanese UI', async () => {
    show('en');
    const section = await screen.findByTestId('est-email');
    fireEvent.change(within(section).getByRole('textbox', { name: "Current partner's name" }), { target: { value: 'Northwind Partners' } });
    fireEvent.change(within(section).getByRole('combobox', { name: 'Language of the email' }), { target: { value: 'ja' } });
    expect(body(section)).toContain('Northwind Partners ご担当者様');
    expect(body(section)).not.toMatch(/Dear|license\(s\)/);
    cleanup();

    show('ja');
    const ja = await screen.findByTestId('est-email');
    expect(within(ja).getByRole('heading', { name: '現在のパートナーへのメール' })).toBeTruthy();
    expect((within(ja).getByRole('combobox', { name: 'メールの言語' }) as HTMLSelectElement).value).toBe('ja');
    expect(body(ja)).toContain('2027年2月28日 までに');
  });

  it('leaves out a subscription once it is in a transfer, and disappears when none is left', async () => {
    await mutate('transfer.request', { id: '01900000-0000-7000-8000-000000000001', customerId: 'contoso', lineIds: [], sourceKeys: [SECOND] });
    show();
    const section = await screen.findByTestId('est-email');
    await waitFor(() => expect(body(section)).not.toContain(SECOND));
    expect(body(section)).toContain(FIRST);
    expect(body(section)).toContain('by Mar 31, 2027.');
    cleanup();

    await mutate('transfer.request', { id: '01900000-0000-7000-8000-000000000002', customerId: 'contoso', lineIds: [], sourceKeys: [FIRST] });
    show();
    await screen.findByTestId('transfers');
    await waitFor(() => expect(screen.queryByTestId('est-email')).toBeNull());
  });
});
