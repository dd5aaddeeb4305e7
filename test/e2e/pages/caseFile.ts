// The customer case file (#/customers/<id>): details, stage and notes, subscriptions, the plan
// line by line with its findings, invitations, users to reassign, activity, the exports and the
// printed summary.
import { type Locator, type Page } from '@playwright/test';
import { Shell, type Language } from './shell';

/** The email asking the current partner to schedule "cancel at end of term", by its words in each language. */
const EST_EMAIL = {
  en: { heading: 'Email to the current partner', partner: "Current partner's name", language: 'Language of the email', subject: 'Subject', body: 'Email', copy: 'Copy the email' },
  ja: { heading: '現在のパートナーへのメール', partner: '現在のパートナー名', language: 'メールの言語', subject: '件名', body: 'メール', copy: 'メールをコピー' },
} as const;

/** The case file's email to the current partner (Extended Service Term advice). */
export class EstEmail {
  readonly heading: Locator;
  readonly partnerName: Locator;
  readonly language: Locator;
  readonly subject: Locator;
  readonly body: Locator;
  readonly copy: Locator;
  readonly status: Locator;

  constructor(readonly root: Locator, lang: Language = 'en') {
    const words = EST_EMAIL[lang];
    this.heading = root.getByRole('heading', { name: words.heading });
    this.partnerName = root.getByLabel(words.partner);
    this.language = root.getByLabel(words.language);
    this.subject = root.getByLabel(words.subject);
    this.body = root.getByRole('textbox', { name: words.body, exact: true });
    this.copy = root.getByRole('button', { name: words.copy });
    this.status = root.getByRole('status');
  }
}

/** The case file's sections, by their names in each language. */
const SECTIONS = {
  en: { details: 'Details', stage: 'Stage and notes', subscriptions: 'Current subscriptions', plan: 'Migration plan', invitations: 'Invitations', users: 'Users to reassign', activity: 'Activity' },
  ja: { subscriptions: '現在のサブスクリプション', plan: '移行計画', activity: 'アクティビティ' },
} as const;

export class CaseFilePage {
  readonly shell: Shell;
  /** The case file itself (hidden when printing: only the summary prints). */
  readonly root: Locator;
  readonly details: Locator;
  readonly stage: Locator;
  readonly subscriptions: Locator;
  readonly plan: Locator;
  readonly invitations: Locator;
  readonly users: Locator;
  readonly activity: Locator;
  /** Partner Center's subscriptions export: the lines the partner already sells this customer. */
  readonly ownSubscriptions: Locator;
  /** Partner-to-partner transfers, and the email asking the current partner to cancel at term end. */
  readonly transfers: Locator;
  readonly estEmail: Locator;
  readonly exportOutcome: Locator;
  readonly printSummary: Locator;
  readonly allCustomers: Locator;
  readonly prepareInvitation: Locator;
  /** The customer's stage (a combobox in "Stage and notes"), and its confirmation. */
  readonly stageSelect: Locator;
  readonly stageSaved: Locator;
  readonly seeUsersInLicenseCheck: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.root = page.locator('.case-file-screen');
    const section = (name: string) => page.getByRole('region', { name, exact: true });
    this.details = section(SECTIONS.en.details);
    this.stage = section(SECTIONS.en.stage);
    this.subscriptions = section(SECTIONS.en.subscriptions);
    this.plan = section(SECTIONS.en.plan);
    this.invitations = section(SECTIONS.en.invitations);
    this.users = section(SECTIONS.en.users);
    this.activity = section(SECTIONS.en.activity);
    this.transfers = page.getByTestId('transfers');
    this.estEmail = page.getByTestId('est-email');
    this.ownSubscriptions = page.getByRole('region', { name: 'Subscriptions you sell this customer (Partner Center)' });
    this.exportOutcome = page.getByTestId('export-outcome');
    this.printSummary = page.getByTestId('print-summary');
    this.allCustomers = page.getByRole('link', { name: 'All customers' });
    this.stageSelect = page.getByRole('combobox', { name: 'Stage' });
    this.stageSaved = page.getByText('Stage saved.');
    this.prepareInvitation = page.getByRole('link', { name: 'Prepare an invitation' });
    this.seeUsersInLicenseCheck = page.getByRole('link', { name: 'See every user in License check' });
  }

  /** The sections named in Japanese, for the same case file with the interface in Japanese. */
  get ja(): { subscriptions: Locator; plan: Locator; activity: Locator } {
    const section = (name: string) => this.page.getByRole('region', { name, exact: true });
    return { subscriptions: section(SECTIONS.ja.subscriptions), plan: section(SECTIONS.ja.plan), activity: section(SECTIONS.ja.activity) };
  }

  /** The customer's name, the case file's own heading (it takes the focus when the case file opens). */
  title(name: string): Locator {
    return this.root.getByRole('heading', { level: 2, name });
  }

  /** One line of the plan, by the start of its heading (the current product). */
  planLine(product: string | RegExp, plan: Locator = this.plan): Locator {
    const name = typeof product === 'string' ? new RegExp(`^${product}`) : product;
    return plan.locator('[data-line]').filter({ has: this.page.getByRole('heading', { name }) });
  }

  /** A finding by its rule code, inside a line or the whole plan. */
  finding(code: string, scope: Locator = this.plan): Locator {
    return scope.locator(`[data-finding="${code}"]`);
  }

  /** The email to the current partner, with its fields named in the interface's language. */
  estEmailIn(lang: Language = 'en'): EstEmail {
    return new EstEmail(this.estEmail, lang);
  }

  /** A subscription to pick for a partner-to-partner transfer, by its words (product, licenses, end). */
  transferCheckbox(name: string | RegExp): Locator {
    return this.transfers.getByRole('checkbox', { name });
  }

  /** "Request a transfer (n selected)". */
  requestTransfer(selected: number): Locator {
    return this.transfers.getByRole('button', { name: `Request a transfer (${selected} selected)` });
  }

  get markApproved(): Locator {
    return this.transfers.getByRole('button', { name: 'Mark approved by the current partner' });
  }

  /** "Data read from Microsoft on <day>", when the tenant was read live from Graph. */
  get graphReadDate(): Locator {
    return this.page.getByTestId('graph-read-date');
  }

  /** A field of Details, by its label ('Tenant ID', 'Domain', 'Country', ...). */
  detail(label: string | RegExp): Locator {
    return this.details.getByLabel(label);
  }

  get saveDetails(): Locator {
    return this.details.getByRole('button', { name: 'Save details' });
  }

  /** Details' confirmation ("Details saved for your whole team."). */
  get detailsStatus(): Locator {
    return this.details.getByRole('status');
  }

  /** A subscription's row, by (part of) its product. */
  subscription(product: string | RegExp): Locator {
    return this.subscriptions.getByRole('row', { name: typeof product === 'string' ? new RegExp(product) : product });
  }

  exportButton(name: 'Export plan (CSV)' | 'Export plan (Excel)'): Locator {
    return this.page.getByRole('button', { name });
  }
}
