// The dashboard on real data entered through the UI: the partner profile, Microsoft's licensing
// catalog, a customer with the Graph documentation exports as its tenant, another customer moved
// to "Invited". The clock is set to 2023-02-20: the sample subscription expired on 2023-02-01, so
// its 30-day window ends on 2023-03-03, 11 days later (a deadline within 14 days).
import { expect, test, type Page } from '@playwright/test';
import { CustomersPage, DashboardPage, SettingsPage } from './pages';
import { docScreenshot, expectNoSeriousAxeViolations, watchForErrors } from './support';

const TODAY = new Date('2023-02-20T09:00:00');

/** Tabs from the page heading until `target` has the focus: proves it is reachable by keyboard alone. */
/** The page scrolls inside its main area: a tall window shows every section in the screenshot. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 1400 });
  await docScreenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 60): Promise<number> {
  await new DashboardPage(page).shell.heading.focus();
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`not reached with ${max} presses of Tab`);
}

test('the dashboard counts stages, lists what needs attention and the dates, in English and Japanese', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchForErrors(page);
  await page.clock.setFixedTime(TODAY);

  const dashboard = new DashboardPage(page);
  const settings = new SettingsPage(page);
  const customers = new CustomersPage(page);
  await dashboard.open();
  const stages = dashboard.stages;
  await expect(stages).toContainText('No customers yet.');
  await expectNoSeriousAxeViolations(page, 'empty dashboard');

  await settings.savePartnerProfile({ country: 'JP' });
  await settings.importCatalog();
  await customers.openAndAdd('Contoso Japan');
  await customers.importTenant('Contoso Japan');
  await customers.openAndAdd('Northwind Traders');

  await dashboard.open();
  await expect(dashboard.total).toHaveText('Customers in the workspace: 2');
  await expect(dashboard.stageCount('not-started')).toHaveText('Not started2');
  await expect(dashboard.stageCount('invited')).toHaveText('Invited0');
  await expect(dashboard.stageListHeading('Customers at the stage Not started: 2')).toBeVisible();
  await expect(stages.locator('svg').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'dashboard with data');

  // Needs attention: the imported tenant has no country (the samples carry no organization export)
  // and its 30-day window ends in 11 days.
  const attention = dashboard.attention;
  await expect(dashboard.attentionCount).toHaveText('Items: 2');
  const deadline = dashboard.attentionItem('EXPIRY_DEADLINE');
  await expect(deadline).toContainText('Contoso Japan');
  await expect(deadline).toContainText('EXPIRY_DEADLINE');
  await expect(deadline).toContainText('MyPartNumber expired on Feb 1, 2023: provision the CSP subscription before Mar 3, 2023 (11 days left) or data is lost.');
  const region = dashboard.attentionItem('REGION_MISMATCH');
  await expect(region).toContainText("Region not checked: the customer's country is unknown");
  await expect(attention.getByRole('link', { name: 'Contoso Japan' }).first()).toHaveAttribute('href', /^#\/customers\/.+/);

  // The timeline: the one subscription, its window ending on 3 March.
  const timeline = dashboard.timeline;
  await expect(dashboard.timelineCount).toHaveText('Showing 1 of 1');
  const entry = timeline.getByRole('listitem');
  await expect(entry).toContainText('Mar 3, 2023');
  await expect(entry).toContainText('Window ends · days left: 11');
  await expect(entry).toContainText('MyPartNumber');
  await expect(entry).toContainText('In the 30-day window');
  await timeline.getByLabel('Period').selectOption({ label: 'Next 30 days' });
  await expect(dashboard.timelineCount).toHaveText('Showing 1 of 1');

  // Sync: nothing configured, the changes wait on this computer.
  await expect(dashboard.sync.getByRole('link', { name: 'Open Review & sync' })).toHaveAttribute('href', '#/review-sync');
  await expect(dashboard.syncPhase).toHaveText('Signed out: sign in to sync');
  // Every change so far (profile, catalog, customers, import) waits in the outbox.
  await expect(dashboard.syncPending).toHaveText(/^Changes waiting to be sent: [1-9]\d*$/);
  const pendingBefore = Number(/\d+$/.exec((await dashboard.syncPending.textContent()) ?? '')?.[0]);

  // Up and Down arrows move between the rows of a list.
  await stages.getByRole('link', { name: 'Contoso Japan' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(stages.getByRole('link', { name: 'Northwind Traders' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(stages.getByRole('link', { name: 'Contoso Japan' })).toBeFocused();
  // One row of a list is in the Tab order: Tab leaves the list after the row's own controls.
  await page.keyboard.press('Tab');
  await expect(dashboard.newStageFor('Contoso Japan')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dashboard.moveButton('Contoso Japan')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(attention.getByLabel('Show')).toBeFocused();

  // A stage change from the dashboard, through the real mutator.
  // Keyboard only: the next stage is proposed, Move moves; the keyboard lands on the list's heading.
  await expect(dashboard.newStageFor('Northwind Traders')).toHaveValue('invited');
  await dashboard.moveButton('Northwind Traders').focus();
  await page.keyboard.press('Enter');
  await expect(dashboard.stageMoved).toHaveText('Northwind Traders moved to the stage Invited.');
  await expect(dashboard.stageListHeading('Customers at the stage Not started: 1')).toBeFocused();
  await expect(dashboard.stageCount('invited')).toHaveText('Invited1');
  await expect(dashboard.stageCount('not-started')).toHaveText('Not started1');
  await expect(dashboard.syncPending).toHaveText(`Changes waiting to be sent: ${pendingBefore + 1}`);
  await dashboard.stageCount('invited').click();
  await expect(dashboard.stageListHeading('Customers at the stage Invited: 1')).toBeVisible();
  await expect(stages.getByRole('link', { name: 'Northwind Traders' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'dashboard after a stage change');
  await screenshot(page, 'dashboard-en-light');

  // Keyboard only: Tab from the heading to the customer in the attention list, Enter opens its case file.
  const contoso = attention.getByRole('link', { name: 'Contoso Japan' }).first();
  await tabTo(page, contoso);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/customers\/.+/);

  // Japanese, dark.
  await settings.open();
  const settingsJa = await settings.chooseLanguage('ja');
  await settingsJa.themeRadio('dark').check();
  const dashboardJa = new DashboardPage(page, 'ja');
  await dashboardJa.open();
  await expect(dashboardJa.total).toHaveText('ワークスペースの顧客数: 2');
  await expect(dashboardJa.attentionCount).toHaveText('件数: 2');
  await expect(dashboardJa.attentionItem('EXPIRY_DEADLINE')).toContainText('2023年3月3日 までに (残り 11 日) CSP サブスクリプションをプロビジョニングしないとデータが失われます。');
  await expect(dashboardJa.timeline.getByRole('listitem')).toContainText('2023年3月3日猶予期間の終了・残り 11 日');
  await expect(page.locator('[data-theme="dark"]')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'dashboard in Japanese, dark');
  await screenshot(page, 'dashboard-ja-dark');

  expect(problems).toEqual([]);
});
