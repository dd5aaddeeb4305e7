// Customers: the list (search, stage filter, sort), adding a customer, and the import of a
// customer's tenant exports.
import { expect, type Locator, type Page } from '@playwright/test';
import { graphTenant, type FileToPick } from '../files';
import { chooseCustomer } from './customerPicker';
import { Shell } from './shell';

/** The file inputs of "Import tenant exports", by the kind of export each takes. */
export const EXPORT_INPUTS = {
  subscribedSkus: 'subscribedSkus (licenses bought)',
  subscriptions: 'directory/subscriptions (owners and dates)',
  users: 'users with licenses',
  adminCenterUsers: 'Microsoft 365 admin center users export (CSV)',
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
  readonly empty: Locator;
  readonly noMatch: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.newName = page.getByLabel("New customer's name");
    this.add = page.getByRole('button', { name: 'Add customer' });
    this.list = page.getByTestId('customer-list');
    this.listRows = this.list.getByRole('row');
    this.search = page.getByRole('searchbox', { name: 'Search' });
    this.stageFilter = page.getByLabel('Stage', { exact: true });
    this.importSection = page.getByRole('region', { name: 'Import tenant exports' });
    this.importOutcome = page.getByTestId('import-outcome');
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
    await this.importSection.getByRole('button', { name: 'Import' }).click();
    await expect(this.importOutcome).toContainText('Imported.', options);
  }
}
