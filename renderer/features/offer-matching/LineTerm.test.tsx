// @vitest-environment jsdom
// A line's term and billing frequency in the offer-matching wizard, on a workspace written by the
// real mutators (the app's SyncController into Dexie on fake-indexeddb): Microsoft's catalog rows
// for Office 365 E5, and a customer whose tenant (Graph's documentation exports) has 5 E5 licenses.
// The person opens the line, reads the documented premiums and the 3-year minimum as they choose,
// keeps a term, and saves the plan through plan.save: the stored line carries it, and a later
// change of only the billing frequency sends only that.
import 'fake-indexeddb/auto';
import type { MutatorArgs, MutatorName } from '../../../shared/mutators/index';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogCsv, parseTenantExports } from '../../../shared/import/index';
import { withDefaults } from '../../../shared/workspace/tables';
import { type UiLanguage } from '../../app/i18n';
import { useViewStore } from '../../ui/viewStore';
import { createWebHost } from '../../host/webHost';
import { workspaceDb } from '../../workspace/workspace';
import { localSync } from '../../../test/support/localWorkspace';
import { useDraftStore } from './draftStore';
import { OfferMatchingPage } from './OfferMatchingPage';
import { observeFixedLayout, renderInApp } from '../../../test/support/components';
import { readFixture } from '../../../test/support/fixtures';

const read = readFixture;
const CATALOG = parseCatalogCsv(read('microsoft/Product names and service plan identifiers for licensing.csv'), 'licensing.csv').skus;
const E5 = CATALOG.find((s) => s.partNumber === 'ENTERPRISEPREMIUM')!;
const tenant = parseTenantExports({ subscribedSkus: { text: read('graph/subscribedSkus.list.response.json'), file: 'subscribedSkus.json' } });
const host = createWebHost({ window, version: 'test' });

async function mutate<N extends MutatorName>(name: N, args: MutatorArgs<N>) {
  const outcome = await localSync().mutate(name, args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.message}`);
}

beforeAll(async () => {
  observeFixedLayout(52);
  localSync(host);
  await mutate('partner.update', { name: 'Fabrikam CSP', partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438', country: 'JP', relationshipLink: '' });
  await mutate('catalog.importChunk', { importId: 'cat1', rows: [E5].map((s) => ({ skuId: s.id, partNumber: s.partNumber, name: s.name, servicePlans: s.servicePlans, purchasable: true })) });
  await mutate('catalog.importCommit', { importId: 'cat1', files: ['licensing.csv'], count: 1, hasOffers: false });
  await mutate('customer.create', { id: 'contoso', name: 'Contoso Japan', country: 'JP' });
  await mutate('tenant.importChunk', { importId: 'imp1', customerId: 'contoso', kind: 'skus', rows: tenant.skus });
  await mutate('tenant.importCommit', { importId: 'imp1', customerId: 'contoso', files: ['subscribedSkus.json'], counts: { skus: tenant.skus.length, subscriptions: 0, users: 0 } });
});

afterEach(() => {
  cleanup();
  useDraftStore.setState({ drafts: {} });
});

afterAll(() => workspaceDb().close());

function show(language: UiLanguage = 'en') {
  act(() => useViewStore.setState({ view: 'offer-matching', customerId: 'contoso' }));
  return renderInApp(<OfferMatchingPage />, { language, host });
}

/** A step of the wizard, once the customer's data has loaded and the step is available. */
async function goTo(name: string) {
  const step = await screen.findByRole('button', { name });
  await waitFor(() => expect(step.hasAttribute('disabled')).toBe(false));
  fireEvent.click(step);
}

/** Step 3, the E5 line opened; returns its term section. */
async function openE5(): Promise<HTMLElement> {
  await goTo('3. Review and choose');
  const row = (await screen.findAllByTestId('plan-line')).find((r) => r.textContent!.includes('ENTERPRISEPREMIUM'))!;
  fireEvent.click(within(row).getByRole('button', { name: /^Review Office 365 E5 / }));
  return screen.findByTestId('term');
}

const radio = (scope: HTMLElement, name: string) => within(scope).getByRole('radio', { name });
const notes = (scope: HTMLElement) => within(scope).getByTestId('term-notes').textContent;
const savedLines = async () => (await workspaceDb().planLines.where('customerId').equals('contoso').toArray()).filter((l) => l.sourceSkuId === E5.id);

describe('a line’s term and billing frequency', () => {
  it('offers the billing frequencies of each term, with the documented premiums and the 3-year minimum inline', async () => {
    show();
    const term = await openE5();
    // A new line: annual, paid annually, no premium.
    expect((radio(term, 'Annual term (1 year)') as HTMLInputElement).checked).toBe(true);
    expect(within(term).getAllByRole('radio').map((r) => r.closest('.fui-Radio')?.textContent)).toEqual([
      'Monthly term',
      'Annual term (1 year)',
      '3-year term',
      'Billed annually',
      'Billed monthly',
    ]);
    expect(notes(term)).toBe('No premium: the documented price for this term.');

    fireEvent.click(radio(term, 'Billed monthly'));
    expect(notes(term)).toBe('Billed monthly: +5 % over paying the term upfront.');

    fireEvent.click(radio(term, 'Monthly term'));
    // A monthly term is billed monthly only.
    expect(within(term).queryByRole('radio', { name: 'Billed annually' })).toBeNull();
    expect((radio(term, 'Billed monthly') as HTMLInputElement).checked).toBe(true);
    expect(notes(term)).toBe('Monthly term: +20 % over the annual price.');

    fireEvent.click(radio(term, '3-year term'));
    expect(within(term).getAllByRole('radio').slice(3).map((r) => r.closest('.fui-Radio')?.textContent)).toEqual(['Billed once for 3 years', 'Billed annually', 'Billed monthly']);
    // Monthly billing is offered for 3 years too, and kept: +5 %; and 5 licenses are under the minimum.
    expect(notes(term)).toContain('Billed monthly: +5 % over paying the term upfront.');
    expect(notes(term)).toMatch(/A 3-year term needs at least 100 licenses on the plan date \(\d{4}-\d{2}-\d{2}\); this line has \d+\. Choose an annual term or more licenses\./);

    // The wizard does not keep a choice plan.save would refuse.
    fireEvent.click(screen.getByRole('button', { name: 'Use these choices for this line' }));
    // The refusal shows on the term field itself as well as in the notes.
    await waitFor(() => expect(within(term).getAllByText(/^A 3-year term needs at least 100 licenses/)).toHaveLength(2));
    expect(useDraftStore.getState().drafts.contoso).toBeUndefined();
  });

  it('keeps the term in the draft, shows it in the lines table, and saves it through plan.save; a later billing change sends only that', async () => {
    show();
    let term = await openE5();
    fireEvent.click(radio(term, '3-year term'));
    fireEvent.change(screen.getByRole('spinbutton', { name: /Licenses to buy/ }), { target: { value: '120' } });
    await waitFor(() => expect(notes(term)).toBe('No premium: the documented price for this term.'));
    fireEvent.click(screen.getByRole('button', { name: 'Use these choices for this line' }));
    await waitFor(() => expect(Object.values(useDraftStore.getState().drafts.contoso ?? {})).toHaveLength(1));
    const [draft] = Object.values(useDraftStore.getState().drafts.contoso!);
    // Annual billing is offered for 3 years too: it stays as it was, unchanged.
    expect(draft).toMatchObject({ term: 'P3Y', billingFrequency: 'annual', quantity: 120, changed: { term: true, billingFrequency: false, quantity: true } });

    await goTo('4. Save the plan');
    const row = (await screen.findAllByTestId('plan-line')).find((r) => r.textContent!.includes('ENTERPRISEPREMIUM'))!;
    expect(within(row).getByTestId('line-term').textContent).toBe('3-year termBilled annually');
    fireEvent.click(screen.getByRole('button', { name: 'Save as the plan' }));
    await waitFor(async () => expect(await savedLines()).toHaveLength(1));
    const [saved] = await savedLines();
    expect(withDefaults('planLines', saved!)).toMatchObject({ term: 'P3Y', billingFrequency: 'annual', quantity: 120 });
    cleanup();

    // Reopened: the saved term is the starting point; only the billing frequency changes.
    show();
    term = await openE5();
    expect((radio(term, '3-year term') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(radio(term, 'Billed once for 3 years'));
    fireEvent.click(screen.getByRole('button', { name: 'Use these choices for this line' }));
    await waitFor(() => expect(Object.values(useDraftStore.getState().drafts.contoso ?? {})).toHaveLength(1));
    expect(Object.values(useDraftStore.getState().drafts.contoso!)[0]!.changed).toEqual({ targetSkuId: false, quantity: false, orderDate: false, term: false, billingFrequency: true });
    // A teammate changes the quantity meanwhile: the billing-only save leaves it.
    await mutate('plan.save', { customerId: 'contoso', planId: saved!.planId, asOf: (await workspaceDb().plans.get(saved!.planId))!.asOf, change: [{ id: saved!.id, fields: { quantity: 150 } }] });
    await goTo('4. Save the plan');
    fireEvent.click(await screen.findByRole('button', { name: 'Save changes to the plan' }));
    await waitFor(async () => expect((await workspaceDb().planLines.get(saved!.id))?.billingFrequency).toBe('triennial'));
    const after = await workspaceDb().planLines.get(saved!.id);
    expect(after).toMatchObject({ term: 'P3Y', billingFrequency: 'triennial', quantity: 150 });
  });

  it('speaks Japanese', async () => {
    show('ja');
    await goTo('3．確認と選択');
    const row = (await screen.findAllByTestId('plan-line')).find((r) => r.textContent!.includes('ENTERPRISEPREMIUM'))!;
    fireEvent.click(within(row).getAllByRole('button')[0]!);
    const term = await screen.findByTestId('term');
    expect(within(term).getByRole('heading').textContent).toBe('契約期間と請求頻度');
    fireEvent.click(radio(term, '月間契約'));
    expect(notes(term)).toBe('月間契約: 年間契約の価格に対して +20 %。');
  });
});
