// Customers: the list (search, stage filter, sort), adding a customer, and the import of a
// customer's tenant exports.
import { expect, type Locator, type Page } from '@playwright/test';
import { graphTenant, type FileToPick } from '../files';
import { chooseCustomer } from './customerPicker';
import { Shell, type Language } from './shell';

/** The import's section and button in each language (the rest of the screen is driven in English). */
const IMPORT_WORDS = {
  en: { section: 'Import tenant exports', button: 'Import', customer: 'Customer', readFromMicrosoft: 'Read from Microsoft' },
  ja: { section: 'テナントのエクスポートをインポート', button: 'インポート', customer: '顧客', readFromMicrosoft: 'Microsoft から読み込む' },
} as const;

/** The file inputs of "Import tenant exports", by the kind of export each takes. */
export const EXPORT_INPUTS = {
  subscribedSkus: 'subscribedSkus (licenses bought)',
  subscriptions: 'directory/subscriptions (owners and dates)',
  users: 'users with licenses',
  adminCenterUsers: 'Microsoft 365 admin center users export (CSV)',
  collectionZip: "The collection script's zip (tenant-data-….zip)",
} as const;

export type TenantFiles = Partial<Record<keyof typeof EXPORT_INPUTS, FileToPick>>;

/** The Graph documentation exports: the tenant of most specs. */
export const sampleTenant = (): TenantFiles => ({ subscribedSkus: graphTenant.subscribedSkus(), subscriptions: graphTenant.subscriptions(), users: graphTenant.users() });

/** Puts each file into its input of an import section (the customers screen's or the wizard's). */
export async function pickExports(section: Locator, files: TenantFiles): Promise<void> {
  for (const [kind, file] of Object.entries(files) as [keyof typeof EXPORT_INPUTS, FileToPick][]) {
    await section.getByLabel(EXPORT_INPUTS[kind]).setInputFiles(file);
  }
}

export class CustomersPage {
  readonly shell: Shell;
  readonly newName: Locator;
  readonly add: Locator;
  readonly list: Locator;
  readonly listRows: Locator;
  readonly search: Locator;
  readonly stageFilter: Locator;
  readonly importSection: Locator;
  readonly importOutcome: Locator;
  readonly importButton: Locator;
  /** While a large import is stored: "Storing: n of m parts", as text and as a progress bar. */
  readonly storing: Locator;
  readonly storingBar: Locator;
  readonly cancelImport: Locator;
  /** The folded guide: how to get each export. */
  readonly guide: Locator;
  readonly collectionScriptStatus: Locator;
  /** Said when a file was read in another encoding than UTF-8. */
  readonly importDecoded: Locator;
  /** Partner Center's customer list (Customers.csv): preview, counts, refusals, create. */
  readonly pcList: Locator;
  readonly pcListInput: Locator;
  readonly pcCounts: Locator;
  readonly pcRefused: Locator;
  readonly pcOutcome: Locator;
  /** Reading the list from Partner Center's API (desktop app only), and the reason when it cannot. */
  readonly readFromPartnerCenter: Locator;
  readonly pcNeedsDesktop: Locator;
  readonly empty: Locator;
  readonly noMatch: Locator;

  constructor(readonly page: Page, readonly lang: Language = 'en') {
    this.shell = new Shell(page, lang);
    this.newName = page.getByLabel("New customer's name");
    this.add = page.getByRole('button', { name: 'Add customer' });
    this.list = page.getByTestId('customer-list');
    this.listRows = this.list.getByRole('row');
    this.search = page.getByRole('searchbox', { name: 'Search' });
    this.stageFilter = page.getByLabel('Stage', { exact: true });
    this.importSection = page.getByRole('region', { name: IMPORT_WORDS[lang].section });
    this.importOutcome = page.getByTestId('import-outcome');
    this.importButton = this.importSection.getByRole('button', { name: IMPORT_WORDS[lang].button, exact: true });
    this.storing = this.importSection.getByText(/Storing: \d+ of \d+ parts/);
    this.storingBar = this.importSection.getByRole('progressbar', { name: /Storing: \d+ of \d+ parts/ });
    this.guide = this.importSection.getByRole('button', { name: "How to get the customer's data" });
    this.collectionScriptStatus = this.importSection.getByTestId('collection-script-status');
    this.importDecoded = page.getByTestId('import-decoded');
    this.pcList = page.getByRole('region', { name: 'Import Partner Center customer list' });
    this.pcListInput = this.pcList.getByTestId('pc-customer-list-input');
    this.pcCounts = this.pcList.getByTestId('pc-customer-counts');
    this.pcRefused = this.pcList.getByTestId('pc-refused');
    this.pcOutcome = this.pcList.getByTestId('pc-customer-outcome');
    this.readFromPartnerCenter = this.pcList.getByRole('button', { name: 'Read the customer list from Partner Center' });
    this.pcNeedsDesktop = this.pcList.getByText('Reading from Partner Center needs the desktop app.');
    this.cancelImport = this.importSection.getByRole('button', { name: 'Cancel import' });
    this.empty = page.getByText('No customers yet.', { exact: false });
    this.noMatch = page.getByText('No customer matches this search.');
  }

  async open(): Promise<void> {
    await this.page.goto('./#/customers');
  }

  /** A customer's row in the list, by (part of) its name. */
  row(name: string | RegExp): Locator {
    return this.page.getByRole('row', { name: typeof name === 'string' ? new RegExp(name) : name });
  }

  /** A customer's licensed-user count in the list (the 4th cell): a number, or "Not imported". */
  licensedUsers(name: string | RegExp): Locator {
    return this.row(name).getByRole('cell').nth(3);
  }

  /** "Showing n of total" under the list. */
  showing(n: number, total: number): Locator {
    return this.page.getByText(`Showing ${n} of ${total}`);
  }

  /** The link to a customer's case file. */
  link(name: string): Locator {
    return this.page.getByRole('link', { name });
  }

  sortBy(column: string): Locator {
    return this.page.getByRole('button', { name: column });
  }

  columnHeader(column: string): Locator {
    return this.page.getByRole('columnheader', { name: column });
  }

  /** The admin center export's file input, found by the files it accepts (the same in every language). */
  get csvInput(): Locator {
    return this.importSection.locator('input[type="file"][accept=".csv,text/csv"]');
  }

  /** The guide's button that saves a customer's collection script. */
  saveCollectionScript(customer: string): Locator {
    return this.importSection.getByRole('button', { name: `Save the collection script for ${customer}` });
  }

  /** The question asked when a license name stands for several products, e.g. "Microsoft 365 Business Basic". */
  ambiguous(name: string | RegExp): Locator {
    return this.importSection.getByLabel(typeof name === 'string' ? new RegExp(`"${name}"`) : name);
  }

  /** "Read from Microsoft": the chosen customer's tenant read live from Graph (the desktop app). */
  get readFromMicrosoft(): Locator {
    return this.importSection.getByRole('button', { name: IMPORT_WORDS[this.lang].readFromMicrosoft });
  }

  /** Chooses the customer whose tenant is imported, in the screen's language. */
  async chooseImportCustomer(name: string): Promise<void> {
    await chooseCustomer(this.importSection, IMPORT_WORDS[this.lang].customer, name);
  }

  /** Partner Center list: the preview of the customers it would create. */
  get pcNew(): Locator {
    return this.pcList.getByTestId('pc-new');
  }

  /** Partner Center list: the reading progress, shown while pages come. */
  get pcReading(): Locator {
    return this.pcList.getByTestId('pc-customer-reading');
  }

  /** Partner Center list: "Create the new customers (n)". */
  createFromList(n: number): Locator {
    return this.pcList.getByRole('button', { name: `Create the new customers (${n})` });
  }

  /** Adds a customer on the screen as it is; waits for its row. */
  async addCustomer(name: string): Promise<void> {
    await this.newName.fill(name);
    await this.add.click();
    await expect(this.row(name)).toBeVisible();
  }

  /** Opens the screen, then adds a customer. */
  async openAndAdd(name: string): Promise<void> {
    await this.open();
    await this.addCustomer(name);
  }

  /** Imports a customer's tenant exports (the Graph documentation samples unless told) and waits until they are in. */
  async importTenant(name: string, files: TenantFiles = sampleTenant(), options: { timeout?: number } = {}): Promise<void> {
    await chooseCustomer(this.importSection, 'Customer', name);
    await pickExports(this.importSection, files);
    await this.importButton.click();
    await expect(this.importOutcome).toContainText('Imported.', options);
  }
}
