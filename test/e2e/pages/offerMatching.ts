// The offer-matching wizard (#/offer-matching/<customerId>): 1 customer, 2 tenant exports,
// 3 review and choose (every line, one line open), 4 save the plan.
import { type Locator, type Page } from '@playwright/test';
import { chooseCustomer } from './customerPicker';
import { Shell, type Language } from './shell';

const WORDS = {
  en: {
    step: /^Step \d:/,
    steps: ['Customer', 'Tenant exports', 'Review and choose', 'Save the plan'],
    item: (n: number, label: string) => `${n}. ${label}`,
    review: (sku: string, channel: string) => `Review ${sku} (${channel})`,
  },
  ja: {
    step: /^手順 \d:/,
    steps: ['顧客', 'テナントのエクスポート', '確認と選択', '計画の保存'],
    item: (n: number, label: string) => `${n}．${label}`,
    review: (sku: string, channel: string) => `${sku} を確認 (${channel})`,
  },
} as const;

export class OfferMatchingWizard {
  readonly shell: Shell;
  /** The step on screen: a region named "Step n: ...". */
  readonly step: Locator;
  readonly customer: Locator;
  readonly openCustomer: Locator;
  // Step 2
  readonly currentImport: Locator;
  readonly importAndReplace: Locator;
  readonly importOutcome: Locator;
  readonly importErrorDetails: Locator;
  readonly nextReview: Locator;
  // Step 3
  readonly lines: Locator;
  readonly tenantFindings: Locator;
  readonly lineTitle: Locator;
  readonly lineFindings: Locator;
  readonly lineApplied: Locator;
  readonly matchKind: Locator;
  readonly otherProduct: Locator;
  readonly catalogSearch: Locator;
  readonly services: Locator;
  readonly servicesSummary: Locator;
  readonly licensesToBuy: Locator;
  readonly seatMath: Locator;
  readonly dates: Locator;
  readonly orderDate: Locator;
  readonly useChoices: Locator;
  readonly allLines: Locator;
  readonly nextSave: Locator;
  // Step 4
  readonly planSummary: Locator;
  readonly saveAsPlan: Locator;
  readonly saveChanges: Locator;
  readonly saveOutcome: Locator;

  constructor(readonly page: Page, readonly lang: Language = 'en') {
    this.shell = new Shell(page, lang);
    this.step = page.getByRole('region', { name: WORDS[lang].step });
    this.customer = page.getByTestId('wizard-customer');
    this.openCustomer = page.getByRole('button', { name: 'Open this customer' });
    this.currentImport = this.step.getByTestId('current-import');
    this.importAndReplace = this.step.getByRole('button', { name: 'Import and replace' });
    this.importOutcome = this.step.getByTestId('offer-import-outcome');
    this.importErrorDetails = this.step.getByTestId('import-error-details');
    this.nextReview = page.getByRole('button', { name: 'Next: Review and choose' });
    this.lines = page.getByTestId('plan-line');
    this.tenantFindings = this.step.getByTestId('tenant-findings');
    this.lineTitle = page.getByTestId('line-title');
    this.lineFindings = page.getByTestId('line-findings');
    this.lineApplied = page.getByTestId('line-applied');
    this.matchKind = this.step.getByTestId('match-kind');
    this.otherProduct = page.getByRole('radio', { name: 'Another product from the catalog' });
    this.catalogSearch = page.getByRole('combobox', { name: 'Search the catalog' });
    this.services = page.getByTestId('services');
    this.servicesSummary = page.getByTestId('services-summary');
    this.licensesToBuy = page.getByLabel('Licenses to buy');
    this.seatMath = page.getByTestId('seat-math');
    this.dates = page.getByTestId('dates');
    this.orderDate = page.getByLabel('Order the CSP subscription on');
    this.useChoices = page.getByRole('button', { name: 'Use these choices for this line' });
    this.allLines = page.getByRole('button', { name: 'All lines' });
    this.nextSave = page.getByRole('button', { name: 'Next: Save the plan' });
    this.planSummary = page.getByTestId('plan-summary');
    this.saveAsPlan = page.getByRole('button', { name: 'Save as the plan' });
    this.saveChanges = page.getByRole('button', { name: 'Save changes to the plan' });
    this.saveOutcome = page.getByTestId('save-outcome');
  }

  async open(customerId?: string): Promise<void> {
    await this.page.goto(customerId ? `./#/offer-matching/${encodeURIComponent(customerId)}` : './#/offer-matching');
  }

  /** Step 1: picks the customer (its option reads "name (stage)") and opens it. */
  async chooseCustomer(name: string, option: string | RegExp = name): Promise<void> {
    await chooseCustomer(this.page, 'Customer to plan', name, option);
    await this.openCustomer.click();
  }

  /** A line of the plan in step 3 or 4, by its SKU part number. */
  line(sku: string): Locator {
    return this.lines.filter({ has: this.page.getByText(sku, { exact: true }) });
  }

  /** The button that opens one line, by its product name: "Review Office 365 E5 (Unknown)", "Office 365 E5 を確認 (不明)". */
  reviewButton(sku: string, channel: string): Locator {
    return this.page.getByRole('button', { name: WORDS[this.lang].review(sku, channel) });
  }

  /** Step 3: opens a line for review. */
  async reviewLine(sku: string, channel: string): Promise<void> {
    await this.reviewButton(sku, channel).click();
  }

  /** Step n (1-4) in the wizard's list of steps: "4. Save the plan", "4．計画の保存". */
  stepButton(n: 1 | 2 | 3 | 4): Locator {
    const words = WORDS[this.lang];
    return this.page.getByRole('button', { name: words.item(n, words.steps[n - 1]!) });
  }

  /** A target choice of the open line, by its words. */
  target(name: string | RegExp): Locator {
    return this.page.getByRole('radio', { name });
  }

  /** The banner over the steps: "Lines with choices not saved yet: n." */
  unsaved(lines: number): Locator {
    return this.page.getByText(`Lines with choices not saved yet: ${lines}.`);
  }

  /** Chooses another product from the catalog for the open line, by search. */
  async chooseFromCatalog(search: string, option: string): Promise<void> {
    await this.otherProduct.check();
    await this.catalogSearch.fill(search);
    await this.page.getByRole('option', { name: option }).click();
  }
}
