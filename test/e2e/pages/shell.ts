// The app shell: the banner, the main navigation, the page's heading and main area, the connection
// status. Every screen's page object reaches the navigation through this one.
import { type Locator, type Page } from '@playwright/test';

export type Language = 'en' | 'ja';

/** The navigation's items, in the order the shell shows them. */
export const NAV_ITEMS: Record<Language, readonly string[]> = {
  en: ['Dashboard', 'Customers', 'Invite', 'Offer matching', 'License check', 'Review & sync', 'Settings'],
  ja: ['ダッシュボード', '顧客', '招待', 'オファーの対応付け', 'ライセンスの確認', '確認と同期', '設定'],
};

const NAV_LABEL: Record<Language, string> = { en: 'Main navigation', ja: 'メイン ナビゲーション' };

export type NavItem = 'Dashboard' | 'Customers' | 'Invite' | 'Offer matching' | 'License check' | 'Review & sync' | 'Settings';

export class Shell {
  readonly banner: Locator;
  readonly nav: Locator;
  /** The page's h1: the name of the screen. */
  readonly heading: Locator;
  readonly main: Locator;
  readonly connectionStatus: Locator;
  readonly html: Locator;
  /** Said on every page when the workspace cannot be used as it is (e.g. a newer copy upgraded it). */
  readonly storageAlert: Locator;

  constructor(readonly page: Page, readonly language: Language = 'en') {
    this.banner = page.getByRole('banner');
    this.nav = page.getByRole('navigation', { name: NAV_LABEL[language] });
    this.heading = page.getByRole('heading', { level: 1 });
    this.main = page.getByRole('main');
    this.connectionStatus = page.getByTestId('connection-status');
    this.html = page.locator('html');
    this.storageAlert = page.getByTestId('storage-alert');
  }

  /** The shell in the other language: its navigation is named in that language. */
  in(language: Language): Shell {
    return new Shell(this.page, language);
  }

  navLink(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  /** Opens a screen through the navigation, as a person does. */
  async navigate(label: NavItem | string): Promise<void> {
    await this.navLink(label).click();
  }

  /** The element that carries the theme (data-theme="light" | "dark"). */
  themed(): Locator {
    return this.page.locator('[data-theme]').first();
  }
}
