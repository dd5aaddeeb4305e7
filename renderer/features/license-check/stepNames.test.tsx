// @vitest-environment jsdom
// The license check's users and groups steps name products as people know them ("Office 365 E5 →
// Office 365 E3"), never by part number alone, and count in words, in English and Japanese: Office
// 365 E5 users moving to Office 365 E3, planned by the engine on Microsoft's real licensing CSV.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { licensingData, OTHER_PARTNER, PARTNER, skuOf, subscription, tenantOf } from '../../../test/support/licensing';
import { prepareCatalog } from '../../../shared/domain/catalog';
import { planTenant } from '../../../shared/domain/engine';
import { catalogProductNames } from '../../../shared/domain/format';
import { groupAssignments, userLicenseChanges } from '../../../shared/domain/licenseChanges';
import type { TenantUser } from '../../../shared/domain/tenant';
import { createI18n, type UiLanguage } from '../../app/i18n';
import { GroupsStep } from './GroupsStep';
import { UsersStep } from './UsersStep';
import { observeFixedLayout } from '../../../test/support/components';

beforeAll(() => observeFixedLayout(64));

afterEach(cleanup);

const E5 = skuOf('ENTERPRISEPREMIUM');
const E3 = skuOf('ENTERPRISEPACK');
const catalog = prepareCatalog(licensingData());
const names = catalogProductNames(catalog);
const switchedOff = E5.plans.filter((p) => ['EXCHANGE_S_ENTERPRISE', 'FORMS_PLAN_E5'].includes(p.name)).map((p) => p.id);
const users: TenantUser[] = [
  { id: 'ann', userPrincipalName: 'ann@contoso.com', licenses: [{ skuId: E5.id, disabledPlans: switchedOff, assignedByGroups: [], direct: true }] },
  { id: 'gil', userPrincipalName: 'gil@contoso.com', licenses: [{ skuId: E5.id, disabledPlans: [], assignedByGroups: ['g-e5'], direct: false }] },
];
const inventory = tenantOf([subscription('e5', 'ENTERPRISEPREMIUM', { ownerTenantId: OTHER_PARTNER, totalLicenses: 2, nextLifecycleDateTime: '2027-03-31T00:00:00Z' })], users);
const plan = planTenant(inventory, catalog, { partnerTenantId: PARTNER, partnerCountry: 'DE', asOf: '2026-12-01', agreementAcceptedOn: '2024-01-01', targetOverrides: { e5: { targetSkuId: E3.id } } });
const changes = userLicenseChanges(plan, users, catalog);

function show(language: UiLanguage, step: 'users' | 'groups') {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <FluentProvider theme={webLightTheme}>{step === 'users' ? <UsersStep users={changes} names={names} /> : <GroupsStep groups={groupAssignments(changes)} names={names} />}</FluentProvider>
    </I18nextProvider>,
  );
}

describe('products by name in the license check', () => {
  it('the users step: each change and the license filter by name, counts in words (English)', async () => {
    show('en', 'users');
    const ann = await screen.findByRole('row', { name: /ann@contoso\.com/ });
    expect(ann.textContent).toContain('Office 365 E5 → Office 365 E3');
    expect(ann.textContent).toContain('Switched off and staying off: 2 services');
    expect(ann.textContent).not.toContain('ENTERPRISEPREMIUM');
    expect(ann.textContent).toMatch(/\d+ services lost/);
    expect(within(screen.getByLabelText('Current license')).getByRole('option', { name: 'Office 365 E5 (2 users)' })).toBeTruthy();
  });

  it('the users step in Japanese', async () => {
    show('ja', 'users');
    const ann = await screen.findByRole('row', { name: /ann@contoso\.com/ });
    expect(ann.textContent).toContain('Office 365 E5 から Office 365 E3 へ');
    expect(ann.textContent).toContain('無効にしていたサービス (2 サービス) は引き続き無効');
    expect(screen.getByRole('option', { name: 'Office 365 E5（2 ユーザー）' })).toBeTruthy();
  });

  it('the groups step names the license the group must change', () => {
    show('en', 'groups');
    const row = screen.getByRole('row', { name: /g-e5/ });
    expect(row.textContent).toContain('Office 365 E5 → Office 365 E3');
    expect(row.textContent).not.toContain('ENTERPRISEPACK');
  });
});
