// @vitest-environment jsdom
// The review step's table of lines shows both products of a Teams pair (DOMAIN.md rule 6), each with
// the quantity to buy, in English and Japanese: a line of Office 365 E3 whose with-Teams suite cannot
// be bought, planned by the engine on Microsoft's real licensing CSV.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { licensingData, OTHER_PARTNER, PARTNER, skuOf, subscription, tenantOf, userWith } from '../../../test/support/licensing';
import { prepareCatalog } from '../../../shared/domain/catalog';
import { planTenant } from '../../../shared/domain/engine';
import { catalogProductNames } from '../../../shared/domain/format';
import { createI18n, type UiLanguage } from '../../app/i18n';
import { LinesTable } from './LinesTable';
import type { WizardLine } from './wizardPlan';
import { observeFixedLayout } from '../../../test/support/components';

beforeAll(() => {
  observeFixedLayout(52);
});

afterEach(cleanup);

const E3 = skuOf('ENTERPRISEPACK');
const offers = [skuOf('Office_365_E3_(no_Teams)'), skuOf('Microsoft_Teams_EEA_New')].map((s) => ({ productId: s.id, isAvailableForPurchase: true }));
const catalog = prepareCatalog(licensingData(), { offers: [...offers, { productId: E3.id, isAvailableForPurchase: false }] });
const inventory = tenantOf(
  [subscription('e3', 'ENTERPRISEPACK', { ownerTenantId: OTHER_PARTNER, totalLicenses: 3, nextLifecycleDateTime: '2027-03-31T00:00:00Z' })],
  [userWith('ann', 'ENTERPRISEPACK'), userWith('bob', 'ENTERPRISEPACK')],
);
const plan = planTenant(inventory, catalog, { partnerTenantId: PARTNER, partnerCountry: 'DE', asOf: '2026-12-01', agreementAcceptedOn: '2024-01-01', targetOverrides: { e3: { commerce: 'legacy' } } });
const lines: WizardLine[] = plan.lines.map((p) => ({
  planned: p,
  findings: plan.findings.filter((f) => f.lineId === p.lineId),
  saved: null,
  savedVersion: 0,
  draft: null,
  orderDate: p.orderDate,
  suggestedOrderDate: p.orderDate,
  term: 'P1Y',
  billingFrequency: 'annual',
}));

function show(language: UiLanguage) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <FluentProvider theme={webLightTheme}>
        <LinesTable lines={lines} onOpen={() => undefined} caption="lines" names={catalogProductNames(catalog)} />
      </FluentProvider>
    </I18nextProvider>,
  );
}

describe('a Teams pair in the table of lines', () => {
  it('shows both products with the quantity to buy (English)', async () => {
    show('en');
    const targets = await screen.findAllByTestId('line-target');
    expect(targets.map((t) => t.textContent)).toEqual(['Office 365 E3 (no Teams) × 3', 'Microsoft Teams EEA × 3']);
  });

  it('names the current product by the catalog, its part number beside, and counts in words', async () => {
    show('en');
    const row = await screen.findByTestId('plan-line');
    expect(row.querySelector('strong')!.textContent).toBe('Office 365 E3');
    expect(row.textContent).toContain('ENTERPRISEPACK');
    expect(screen.getByRole('button', { name: 'Review Office 365 E3 (Another partner)' })).toBeTruthy();
    expect(row.textContent).toMatch(/\d+ errors?, \d+ warnings?/);
    expect(row.textContent).not.toMatch(/\(s\)/);
    // The order day as English writes it.
    expect(row.textContent).toContain('Mar 31, 2027');
  });

  it('shows both products with the quantity to buy (Japanese)', async () => {
    show('ja');
    const targets = await screen.findAllByTestId('line-target');
    expect(targets.map((t) => t.textContent)).toEqual(['Office 365 E3 (no Teams) を 3 ライセンス', 'Microsoft Teams EEA を 3 ライセンス']);
    expect((await screen.findByTestId('plan-line')).textContent).toMatch(/\d+ 件のエラー、\d+ 件の警告/);
  });
});
