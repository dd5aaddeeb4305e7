// Settings: language, theme, the partner profile, the Microsoft catalog, the sync server's address,
// updates and the workspace backup.
import { expect, type Locator, type Page } from '@playwright/test';
import { fixture, json, type FileToPick } from '../files';
import { Shell, type Language } from './shell';

export const PARTNER_TENANT_ID = '3b33e682-00c3-41ee-9dd2-a548adf56438';
export const PARTNER_LINK = `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${PARTNER_TENANT_ID}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;

const WORDS = {
  en: { language: 'Language', theme: 'Theme', dark: 'Dark', light: 'Light', system: "Use the computer's setting" },
  ja: { language: '言語', theme: 'テーマ', dark: 'ダーク', light: 'ライト', system: 'コンピューターの設定を使用' },
} as const;

export class SettingsPage {
  readonly shell: Shell;
  readonly language: Locator;
  readonly theme: Locator;
  readonly partnerProfile: Locator;
  readonly partnerName: Locator;
  readonly catalog: Locator;
  readonly catalogOutcome: Locator;
  readonly catalogSummary: Locator;
  readonly licensingCsv: Locator;
  readonly importCatalogButton: Locator;
  readonly partnerTenantId: Locator;
  readonly partnerCountry: Locator;
  readonly resellerLink: Locator;
  readonly saveProfile: Locator;
  readonly serverAddress: Locator;
  readonly saveAddress: Locator;
  readonly backup: Locator;
  readonly checkOnStart: Locator;
  readonly checkForUpdates: Locator;
  readonly secretStorage: Locator;
  readonly appVersion: Locator;
  readonly backupOutcome: Locator;
  readonly storageUsage: Locator;
  readonly backUp: Locator;
  readonly restore: Locator;

  constructor(readonly page: Page, readonly lang: Language = 'en') {
    this.shell = new Shell(page, lang);
    this.language = page.getByLabel(WORDS[lang].language, { exact: true });
    this.theme = page.getByRole('radiogroup', { name: WORDS[lang].theme });
    this.partnerProfile = page.getByRole('region', { name: 'Partner profile' });
    this.partnerName = this.partnerProfile.getByLabel('Partner name');
    this.catalog = page.getByRole('region', { name: 'Microsoft catalog' });
    this.catalogOutcome = this.catalog.getByTestId('catalog-import-outcome');
    this.catalogSummary = this.catalog.getByTestId('catalog-summary');
    this.licensingCsv = this.catalog.getByLabel('Licensing CSV (product names and service plans)');
    this.importCatalogButton = this.catalog.getByRole('button', { name: 'Import catalog' });
    this.partnerTenantId = this.partnerProfile.getByLabel('Partner tenant id');
    this.partnerCountry = this.partnerProfile.getByLabel('Country');
    this.resellerLink = this.partnerProfile.getByLabel('Reseller relationship link');
    this.saveProfile = this.partnerProfile.getByRole('button', { name: 'Save profile' });
    this.serverAddress = page.getByLabel('Server address');
    this.saveAddress = page.getByRole('button', { name: 'Save address' });
    this.checkOnStart = page.getByRole('switch', { name: 'Check for updates when the app starts' });
    this.checkForUpdates = page.getByRole('button', { name: 'Check for updates' });
    this.secretStorage = page.getByTestId('secret-storage-status');
    this.appVersion = page.getByTestId('app-version');
    this.backup = page.getByRole('region', { name: 'Workspace data: back up and restore' });
    this.backupOutcome = page.getByTestId('backup-outcome');
    this.storageUsage = this.backup.getByTestId('storage-usage');
    this.backUp = this.backup.getByRole('button', { name: 'Back up the workspace' });
    this.restore = this.backup.getByLabel('Restore a workspace backup');
  }

  async open(): Promise<void> {
    await this.page.goto('./#/settings');
  }

  /** "Signed in with Microsoft as ..." or "Not signed in with Microsoft ...". */
  get microsoftAccount(): Locator {
    return this.page.getByTestId('microsoft-account');
  }

  get signOutOfMicrosoft(): Locator {
    return this.page.getByRole('button', { name: 'Sign out of Microsoft' });
  }

  /** Partner profile: "Read the link from Partner Center" (the desktop app, signed in). */
  get readLinkFromPartnerCenter(): Locator {
    return this.partnerProfile.getByRole('button', { name: 'Read the link from Partner Center' });
  }

  /** Sign in with Microsoft: the customer tenants (GDAP relationships) read from Graph. */
  get microsoft(): Locator {
    return this.page.getByRole('region', { name: 'Sign in with Microsoft' });
  }

  get readRelationships(): Locator {
    return this.microsoft.getByRole('button', { name: 'Read from Microsoft' });
  }

  get relationships(): Locator {
    return this.microsoft.getByTestId('gdap-relationships');
  }

  /** One GDAP relationship's row, by (part of) its name. */
  relationship(name: string | RegExp): Locator {
    return this.relationships.getByRole('row', { name: typeof name === 'string' ? new RegExp(name) : name });
  }

  /** A theme choice by its words in the current language ('Dark', 'Light' or the computer's). */
  themeRadio(name: 'dark' | 'light' | 'system'): Locator {
    return this.theme.getByRole('radio', { name: WORDS[this.lang][name] });
  }

  /** Chooses the interface language; the page is then in that language. */
  async chooseLanguage(value: Language | 'system'): Promise<SettingsPage> {
    await this.language.selectOption(value);
    const now: Language = value === 'system' ? this.lang : value;
    return now === this.lang ? this : new SettingsPage(this.page, now);
  }

  /** Settings > Partner profile, saved through the real mutator. */
  async savePartnerProfile(profile: { name?: string; country?: string } = {}): Promise<void> {
    await this.open();
    await this.partnerName.fill(profile.name ?? 'Fabrikam CSP');
    await this.partnerCountry.fill(profile.country ?? 'JP');
    await this.resellerLink.fill(PARTNER_LINK);
    await this.saveProfile.click();
    await expect(this.partnerProfile).toContainText('Saved for your whole team.');
  }

  /**
   * Settings > Microsoft catalog: the real licensing CSV through the import worker, with Partner
   * Center's offer list if asked (`offers: true` the real sample, or a file of the spec's own).
   */
  async importCatalog(options: { offers?: boolean | FileToPick } = {}): Promise<void> {
    await this.open();
    const section = this.catalog;
    await this.licensingCsv.setInputFiles({
      name: 'Product names and service plan identifiers for licensing.csv',
      mimeType: 'text/csv',
      buffer: fixture('microsoft/Product names and service plan identifiers for licensing.csv'),
    });
    if (options.offers) {
      const offers = options.offers === true ? json('offers.json', fixture('partner-center/offers.list.response.json')) : options.offers;
      await section.getByLabel('Partner Center offer list (optional)').setInputFiles(offers);
    }
    await this.importCatalogButton.click();
    await expect(this.catalogOutcome).toContainText('Imported.', { timeout: 20_000 });
  }

  /** Points the app at a sync server, as a person does once. */
  async useServer(url: string): Promise<void> {
    await this.open();
    await this.serverAddress.fill(url);
    await this.saveAddress.click();
  }
}
