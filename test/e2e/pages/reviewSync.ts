// Review & sync: signing in to the team's server, the sync phase, the changes waiting in the outbox
// (and those waiting for a role), and conflicts in words.
import { expect, type Locator, type Page } from '@playwright/test';
import { Shell } from './shell';

export class ReviewSyncPage {
  readonly shell: Shell;
  readonly email: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly signedInAs: Locator;
  readonly phase: Locator;
  readonly syncNow: Locator;
  readonly outbox: Locator;
  /** The changes waiting in the outbox, one item each. */
  readonly pending: Locator;
  readonly nothingWaiting: Locator;
  readonly conflict: Locator;
  readonly waitingForSignIn: Locator;
  readonly heldChange: Locator;
  /** Discards a change held for a role (and what builds on it). */
  readonly discard: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.signedInAs = page.getByTestId('signed-in-as');
    this.phase = page.getByTestId('sync-phase');
    this.syncNow = page.getByRole('button', { name: 'Sync now' });
    this.outbox = page.getByTestId('outbox');
    this.pending = this.outbox.locator('li');
    this.nothingWaiting = page.getByText('Nothing waiting', { exact: false });
    this.conflict = page.getByTestId('conflict');
    this.waitingForSignIn = page.getByTestId('waiting-for-sign-in');
    this.heldChange = page.getByTestId('held-change');
    this.discard = page.getByRole('button', { name: 'Discard it' });
  }

  async open(): Promise<void> {
    await this.page.goto('./#/review-sync');
  }

  /** Through the navigation, as a person does. */
  async openFromNav(): Promise<void> {
    await this.shell.navigate('Review & sync');
  }

  /** Signs in (from wherever the page is) and waits until the first sync is done. */
  async signIn(email: string, password: string): Promise<void> {
    await this.openFromNav();
    await this.email.fill(email);
    await this.password.fill(password);
    await this.signInButton.click();
    await expect(this.signedInAs).toBeVisible();
    await expect(this.phase).toHaveText('Up to date', { timeout: 15_000 });
  }

  /** A conflict's way out, e.g. 'Take "Accepted"'. */
  take(value: string): Locator {
    return this.conflict.getByRole('button', { name: `Take "${value}"` });
  }
}
