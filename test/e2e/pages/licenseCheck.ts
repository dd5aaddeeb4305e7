// License check (#/license-check/<customerId>): 1 seat totals (and another target), 2 users to
// reassign (filters, a virtualised table), 3 group-based licenses, 4 export (CSV, PowerShell).
import { type Locator, type Page } from '@playwright/test';
import { chooseCustomer } from './customerPicker';
import { Shell, type Language } from './shell';

const WORDS = {
  en: { step: /^Step \d/, prefix: 'Step', titles: ['Seat totals', 'Users to reassign', 'Group-based licenses', 'Export'] },
  ja: { step: /^ステップ \d/, prefix: 'ステップ', titles: ['シート数の合計', '再割り当てが必要なユーザー', 'グループ ベースのライセンス', 'エクスポート'] },
} as const;

export class LicenseCheckPage {
  readonly shell: Shell;
  readonly customer: Locator;
  readonly step: Locator;
  readonly summary: Locator;
  // Step 1
  readonly subscription: Locator;
  readonly newTarget: Locator;
  readonly applyTarget: Locator;
  readonly seatFindings: Locator;
  // Step 2
  readonly usersCount: Locator;
  readonly usersTable: Locator;
  /** The scrolling region around the users table. */
  readonly usersScroller: Locator;
  readonly onlyGroup: Locator;
  readonly onlyLosing: Locator;
  readonly search: Locator;
  readonly currentLicense: Locator;
  // Step 4
  readonly exportStatus: Locator;

  constructor(readonly page: Page, readonly lang: Language = 'en') {
    this.shell = new Shell(page, lang);
    this.customer = page.getByLabel('Customer to check');
    this.step = page.getByRole('region', { name: WORDS[lang].step });
    this.summary = page.getByTestId('license-summary');
    this.subscription = this.step.getByLabel('Subscription');
    this.newTarget = this.step.getByLabel('New target offer');
    this.applyTarget = this.step.getByRole('button', { name: 'Apply target' });
    this.seatFindings = this.step.getByRole('list', { name: 'Findings about seats and licenses' });
    this.usersCount = page.getByTestId('users-count');
    // The users table and its scroller are named like step 2.
    this.usersTable = this.step.getByRole('table', { name: WORDS[lang].titles[1] });
    this.usersScroller = this.step.getByRole('region', { name: WORDS[lang].titles[1] });
    this.onlyGroup = this.step.getByLabel('Only users licensed through a group');
    this.onlyLosing = this.step.getByLabel('Only users who lose a service');
    this.search = this.step.getByLabel('Search');
    this.currentLicense = this.step.getByLabel('Current license');
    this.exportStatus = page.getByTestId('export-status');
  }

  async open(): Promise<void> {
    await this.page.goto('./#/license-check');
  }

  async chooseCustomer(name: string): Promise<void> {
    await chooseCustomer(this.page, 'Customer to check', name);
  }

  /** Step n's title: "Step 1: Seat totals", "ステップ 1: シート数の合計". */
  stepTitle(n: 1 | 2 | 3 | 4): string {
    const words = WORDS[this.lang];
    return `${words.prefix} ${n}: ${words.titles[n - 1]!}`;
  }

  /** Step n's heading, an h2 (it takes the focus when the step opens by keyboard). */
  stepHeading(n: 1 | 2 | 3 | 4): Locator {
    return this.step.getByRole('heading', { level: 2, name: this.stepTitle(n) });
  }

  /** Step n in the list of steps. */
  stepButton(n: 1 | 2 | 3 | 4): Locator {
    return this.page.getByRole('button', { name: this.stepTitle(n) });
  }

  /** A step in the list of steps, or a Next button: a button by its words. */
  button(name: string): Locator {
    return this.page.getByRole('button', { name });
  }

  /** A row of the seat table (step 1) or the groups table (step 3), by what it contains. */
  row(text: string | RegExp): Locator {
    return this.step.getByRole('row', { name: typeof text === 'string' ? new RegExp(text) : text });
  }

  user(upn: string): Locator {
    return this.usersTable.getByRole('row', { name: new RegExp(upn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  }

  /** Step 1: moves a subscription to another target through the plan mutators. */
  async applyTargetFor(subscription: string, target: string): Promise<void> {
    await this.subscription.selectOption({ label: subscription });
    await this.newTarget.selectOption({ label: target });
    await this.applyTarget.click();
  }
}
