// Accessibility: axe-core on every screen, in English and Japanese, light and dark. No serious or
// critical violation may ship.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const views = ['dashboard', 'customers', 'invite', 'offer-matching', 'license-check', 'review-sync', 'settings'];

for (const language of ['en', 'ja'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no serious or critical axe violations (${language}, ${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ locale: language === 'ja' ? 'ja-JP' : 'en-US', colorScheme });
      const page = await context.newPage();
      for (const view of views) {
        await page.goto(`./#/${view}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        const results = await new AxeBuilder({ page }).analyze();
        const bad = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(bad, bad.join('\n')).toEqual([]);
      }
      await context.close();
    });
  }
}
