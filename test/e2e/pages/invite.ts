// The invite wizard (#/invite, #/invite/<customerId>): 1 customers, 2 region check, 3 delegated
// admin (GDAP or none), 4 email, 5 send; and the tracking of invitations below it.
import { type Locator, type Page } from '@playwright/test';
import { Shell } from './shell';

export class InviteWizard {
  readonly shell: Shell;
  readonly wizard: Locator;
  readonly next: Locator;
  readonly alert: Locator;
  // 1. Customers
  readonly searchCustomers: Locator;
  /** Step 1's customers, one checkbox each. */
  readonly customerCheckboxes: Locator;
  readonly selectedCount: Locator;
  // 2. Region
  readonly regionOutcomes: Locator;
  // 3. Delegated admin
  readonly gdap: Locator;
  /** Legacy DAP: no longer offered (any radio that names it). */
  readonly legacyDap: Locator;
  readonly resellerOnly: Locator;
  readonly duration: Locator;
  // 4. Email
  readonly recipients: Locator;
  readonly createInvitations: Locator;
  // Tracking
  readonly tracking: Locator;
  readonly trackingNote: Locator;
  readonly trackingShow: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.wizard = page.getByRole('region', { name: 'New invitation' });
    this.next = this.wizard.getByRole('button', { name: 'Next' });
    this.alert = this.wizard.getByRole('alert');
    this.searchCustomers = this.wizard.getByLabel('Search customers by name or domain');
    this.customerCheckboxes = this.wizard.getByRole('checkbox');
    this.selectedCount = this.wizard.getByTestId('invite-selected-count');
    this.regionOutcomes = this.wizard.getByTestId('region-outcome');
    this.gdap = this.wizard.getByRole('radio', { name: /GDAP admin relationship/ });
    this.legacyDap = this.wizard.getByRole('radio', { name: /\bDAP\b/ });
    this.resellerOnly = this.wizard.getByRole('radio', { name: /^Reseller relationship only/ });
    this.duration = this.wizard.getByLabel('Duration in days');
    this.recipients = this.wizard.getByLabel(/^To \(the customer's Global Administrator/);
    this.createInvitations = this.wizard.getByRole('button', { name: 'Create invitations' });
    this.tracking = page.getByRole('region', { name: 'Invitations' });
    this.trackingNote = this.tracking.getByTestId('tracking-note');
    this.trackingShow = this.tracking.getByLabel('Show');
  }

  async open(customerId?: string): Promise<void> {
    await this.page.goto(customerId ? `./#/invite/${encodeURIComponent(customerId)}` : './#/invite');
  }

  /** The heading of a step, e.g. "Step 2 of 5: Region check" (it takes the focus when the step opens). */
  stepHeading(name: string): Locator {
    return this.wizard.getByRole('heading', { name });
  }

  customerCheckbox(name: string): Locator {
    return this.wizard.getByRole('checkbox', { name });
  }

  /** Step 2: one customer's outcome, with its country field. */
  region(customer: string): Locator {
    return this.regionOutcomes.filter({ hasText: customer });
  }

  async saveCountry(customer: string, country: string): Promise<void> {
    const outcome = this.region(customer);
    await outcome.getByLabel(`Country of ${customer} (two-letter code, for example JP)`).fill(country);
    await outcome.getByRole('button', { name: 'Save country' }).click();
  }

  /** Step 3: a GDAP role, by the start of its name. */
  role(name: string): Locator {
    return this.wizard.getByRole('checkbox', { name: new RegExp(`^${name}`) });
  }

  approvalLink(customer: string): Locator {
    return this.wizard.getByLabel(`GDAP approval link for ${customer}`);
  }

  /** Step 4: the email's language, by its name ("English", "日本語"). */
  emailLanguage(name: string): Locator {
    return this.wizard.getByRole('radio', { name });
  }

  /** Step 5: one customer's email card. */
  card(customer: string): Locator {
    return this.wizard.getByRole('article', { name: customer });
  }

  /** Tracking: one invitation, by its customer. */
  tracked(customer: string): Locator {
    return this.tracking.getByRole('listitem', { name: customer });
  }
}
