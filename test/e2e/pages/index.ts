// One page object per screen (as Joplin's integration tests do): the specs read as a person's steps,
// and a change of wording touches the screen's page object only.
import { type Page } from '@playwright/test';
import { CaseFilePage } from './caseFile';
import { CustomersPage } from './customers';
import { DashboardPage } from './dashboard';
import { InviteWizard } from './invite';
import { LicenseCheckPage } from './licenseCheck';
import { OfferMatchingWizard } from './offerMatching';
import { ReviewSyncPage } from './reviewSync';
import { SettingsPage } from './settings';
import { Shell } from './shell';

export { CaseFilePage, CustomersPage, DashboardPage, InviteWizard, LicenseCheckPage, OfferMatchingWizard, ReviewSyncPage, SettingsPage, Shell };
export { NAV_ITEMS, type Language } from './shell';
export { EXPORT_INPUTS, pickExports, sampleTenant, type TenantFiles } from './customers';
export { chooseCustomer } from './customerPicker';
export { PARTNER_LINK, PARTNER_TENANT_ID } from './settings';

/** Every screen of one page, in English. */
export function screens(page: Page) {
  return {
    shell: new Shell(page),
    dashboard: new DashboardPage(page),
    customers: new CustomersPage(page),
    caseFile: new CaseFilePage(page),
    invite: new InviteWizard(page),
    offerMatching: new OfferMatchingWizard(page),
    licenseCheck: new LicenseCheckPage(page),
    reviewSync: new ReviewSyncPage(page),
    settings: new SettingsPage(page),
  };
}
