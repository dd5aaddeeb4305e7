// The case file under the rules in force now (DOMAIN.md, December 2026), end to end in Chromium with
// the real Microsoft catalog: a customer whose Office 365 E3 and Business Premium come from another
// CSP partner and end in 2027. Graph's exports are built on the documentation's records with the
// owners and dates changed, and Partner Center's offer list says Office 365 E3 (with Teams) cannot
// be bought. The case file gives the Extended Service Term advice and the email to the current
// partner, proposes the Teams pair, tracks a partner-to-partner transfer from request to approval,
// and shows the 7-day window of a saved order date. English, then Japanese; axe at every step.
import { expect, test, type Page } from '@playwright/test';
import { skuOf } from '../support/licensing';
import { CaseFilePage, CustomersPage, OfferMatchingWizard, SettingsPage } from './pages';
import { docScreenshot, expectNoSeriousAxeViolations, fixture, graph, watchForErrors } from './support';

const NAME = 'Contoso Pharma GmbH';
const OTHER_PARTNER = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';
const E3_ID = 'c0000000-0000-4000-8000-000000000001';
const BP_ID = 'c0000000-0000-4000-8000-000000000002';

type Json = Record<string, unknown>;
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

function localDate(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Graph's directory/subscriptions, the documentation's record with another partner's subscriptions ending in 2027. */
function subscriptionsExport(): Buffer {
  const docs = JSON.parse(graph('directory.subscriptions.list.response.json').toString('utf8')) as { value: Json[] };
  const base = docs.value[0]!;
  const sub = (id: string, partNumber: string, licenses: number, ends: string): Json => ({
    ...base,
    id,
    skuId: skuOf(partNumber).id,
    skuPartNumber: partNumber,
    totalLicenses: licenses,
    nextLifecycleDateTime: `${ends}T00:00:00Z`,
    ownerTenantId: OTHER_PARTNER,
    ownerType: 'Company',
  });
  return json({ value: [sub(E3_ID, 'ENTERPRISEPACK', 10, '2027-03-31'), sub(BP_ID, 'O365_BUSINESS_PREMIUM', 5, '2027-04-30')] });
}

/** Graph's subscribedSkus, the documentation's first record for each product. */
function subscribedSkusExport(): Buffer {
  const docs = JSON.parse(graph('subscribedSkus.list.response.json').toString('utf8')) as Json & { value: Json[] };
  const base = docs.value[0]!;
  const sku = (partNumber: string, subscriptionId: string, enabled: number, consumed: number): Json => {
    const skuId = skuOf(partNumber).id;
    return {
      ...base,
      id: `48a80680-7326-48cd-9935-b556b81d3a4e_${skuId}`,
      skuId,
      skuPartNumber: partNumber,
      consumedUnits: consumed,
      prepaidUnits: { enabled, lockedOut: 0, suspended: 0, warning: 0 },
      subscriptionIds: [subscriptionId],
    };
  };
  return json({ ...docs, value: [sku('ENTERPRISEPACK', E3_ID, 10, 2), sku('O365_BUSINESS_PREMIUM', BP_ID, 5, 1)] });
}

/** Graph's users with their license assignment states, the documentation's record per user. */
function usersExport(): Buffer {
  const docs = JSON.parse(graph('user.licenseAssignmentStates.example.json').toString('utf8')) as { value: (Json & { licenseAssignmentState: Json[] })[] };
  const base = docs.value[0]!;
  const state = base.licenseAssignmentState[0]!;
  const user = (id: string, ...partNumbers: string[]): Json => ({
    ...base,
    id,
    licenseAssignmentState: partNumbers.map((pn) => ({ ...state, skuId: skuOf(pn).id })),
  });
  return json({
    value: [
      user('e61ff361-5baf-41f0-b2fd-380a6a5e4001', 'ENTERPRISEPACK'),
      user('e61ff361-5baf-41f0-b2fd-380a6a5e4002', 'ENTERPRISEPACK'),
      user('e61ff361-5baf-41f0-b2fd-380a6a5e4003', 'O365_BUSINESS_PREMIUM'),
    ],
  });
}

/** Partner Center's offer list, its first record per product: Office 365 E3 with Teams cannot be bought. */
function offersExport(): Buffer {
  const docs = JSON.parse(fixture('partner-center/offers.list.response.json').toString('utf8')) as Json & { items: Json[] };
  const base = docs.items[0]!;
  const offer = (partNumber: string, available: boolean, i: number): Json => ({
    ...base,
    id: `E60E0348-1710-484B-992A-32B294D4C${String(i).padStart(3, '0')}`,
    name: skuOf(partNumber).name ?? partNumber,
    isAvailableForPurchase: available,
    product: { ...(base.product as Json), id: skuOf(partNumber).id },
  });
  const items = [
    offer('ENTERPRISEPACK', false, 0),
    offer('Office_365_E3_(no_Teams)', true, 1),
    offer('Microsoft_Teams_EEA_New', true, 2),
    offer('O365_BUSINESS_PREMIUM', true, 3),
  ];
  return json({ ...docs, totalCount: items.length, items });
}

async function addCustomer(page: Page): Promise<void> {
  const customers = new CustomersPage(page);
  await customers.openAndAdd(NAME);
  await customers.importTenant(
    NAME,
    {
      subscribedSkus: { name: 'subscribedSkus.json', mimeType: 'application/json', buffer: subscribedSkusExport() },
      subscriptions: { name: 'subscriptions.json', mimeType: 'application/json', buffer: subscriptionsExport() },
      users: { name: 'users.json', mimeType: 'application/json', buffer: usersExport() },
    },
    { timeout: 20_000 },
  );
}


/** A calendar day as the English screens write it (shared/domain/format.ts formatDay). */
const jaDay = (day: string) => new Intl.DateTimeFormat('ja', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));
const enDay = (day: string) => new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`));

test('case file 2026: EST advice and email, a transfer approved, a Teams pair, the 7-day window; English and Japanese', async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = watchForErrors(page);
  const settings = new SettingsPage(page);
  const wizard = new OfferMatchingWizard(page);
  const customers = new CustomersPage(page);
  const caseFile = new CaseFilePage(page);
  await settings.importCatalog({ offers: { name: 'offers.json', mimeType: 'application/json', buffer: offersExport() } });
  await settings.savePartnerProfile({ country: 'DE' });
  await addCustomer(page);

  // An order date saved for the Office 365 E3 line through the offer-matching wizard: today.
  const ordered = localDate(0);
  await wizard.open();
  await wizard.chooseCustomer(NAME, `${NAME} (Not started)`);
  await wizard.nextReview.click();
  await wizard.reviewLine('Office 365 E3', 'Another partner');
  await wizard.orderDate.fill(ordered);
  await wizard.useChoices.click();
  await expect(wizard.lineApplied).toContainText('Kept for this line.');
  await wizard.nextSave.click();
  await wizard.saveAsPlan.click();
  await expect(wizard.saveOutcome).toContainText('Plan saved');

  await customers.open();
  await customers.link(NAME).click();
  await expect(caseFile.title(NAME)).toBeVisible();
  const url = page.url();

  // The plan: Office 365 E3 becomes the no-Teams suite plus Teams, with EST advice, not "let it expire".
  const plan = caseFile.plan;
  const e3 = caseFile.planLine('Office 365 E3');
  await expect(e3.getByRole('heading')).toContainText('Office 365 E3 (no Teams) + Microsoft Teams EEA');
  await expect(caseFile.finding('TEAMS_PAIR', e3)).toContainText('Office 365 E3 cannot be bought');
  await expect(caseFile.finding('TEAMS_PAIR', e3)).toContainText('every user gets both licenses');
  await expect(caseFile.finding('DATA_LOSS_RISK', e3)).toHaveCount(0);
  const est = caseFile.finding('END_OF_TERM_EST', e3);
  await expect(est).toContainText('Office 365 E3 ends on Mar 31, 2027: ask the current partner to schedule "cancel at end of term"');
  await expect(est).toContainText('Extended Service Term at the monthly price +3 % (+23 % where the offer has no monthly plan)');
  await expect(plan).not.toContainText('let it expire');
  await expect(plan).not.toContainText('Turn auto-renew off');
  // The 7-day window of the saved order.
  await expect(e3).toContainText(enDay(ordered));
  await expect(e3).toContainText(`Check the order by${enDay(localDate(7))} (7 days after the order`);

  // Business Premium: a transfer requested, then approved by the current partner.
  const transfers = caseFile.transfers;
  await caseFile.transferCheckbox('Microsoft 365 Business Standard (5 licenses, ends Apr 30, 2027)').check();
  await caseFile.requestTransfer(1).click();
  await expect(transfers).toContainText('Transfer requested for 1 subscription.');
  await caseFile.markApproved.click();
  await expect(transfers).toContainText('Transfer marked Approved by the current partner.');
  await expect(caseFile.transferCheckbox(/^Microsoft 365 Business Standard \(5 licenses\): already in a transfer, Approved by the current partner/)).toBeDisabled();

  // The email to the current partner: only the line still to be cancelled at term end.
  const email = caseFile.estEmailIn('en');
  await expect(email.heading).toBeVisible();
  await email.partnerName.fill('Northwind Partners');
  await expect(email.language).toHaveValue('en');
  await expect(email.subject).toHaveValue(`Fabrikam CSP: please schedule "cancel at end of term" for ${NAME}'s subscriptions`);
  const body = email.body;
  await expect(body).toHaveValue(/Dear Northwind Partners team,/);
  // The product by its catalog name with the part number beside, counted and dated as English writes them.
  await expect(body).toHaveValue(new RegExp(`- Office 365 E3 \\(ENTERPRISEPACK\\) \\(subscription ${E3_ID}\\): 10 licenses, term ends on ${enDay('2027-03-31')}`));
  await expect(body).not.toHaveValue(/O365_BUSINESS_PREMIUM|Microsoft 365 Business Standard/);
  await email.copy.click();
  await expect(email.status).toHaveText('The email is on the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith(`Subject: Fabrikam CSP: please schedule "cancel at end of term" for ${NAME}'s subscriptions\n\nDear Northwind Partners team,`)).toBe(true);
  await expectNoSeriousAxeViolations(page, 'case file 2026');
  await docScreenshot(page, 'case-file-est-en');

  // Japanese: the same case file, the rules' words in Japanese, the email in Japanese by default.
  await settings.open();
  const settingsJa = await settings.chooseLanguage('ja');
  await expect(settingsJa.shell.html).toHaveAttribute('lang', 'ja');
  await page.goto(url);
  await expect(caseFile.title(NAME)).toBeVisible();
  const e3Ja = caseFile.planLine('Office 365 E3', caseFile.ja.plan);
  await expect(caseFile.finding('TEAMS_PAIR', e3Ja)).toContainText('Office 365 E3 は購入できません');
  await expect(caseFile.finding('END_OF_TERM_EST', e3Ja)).toContainText('Office 365 E3 は 2027年3月31日 に期間が終了します。現在のパートナーに「期間終了時に取り消し」の設定を依頼し');
  await expect(e3Ja).toContainText(`注文の確認期限${jaDay(localDate(7))} (注文から 7 日間`);
  await expect(caseFile.transfers).toContainText('現在のパートナーが承認済み');
  const emailJa = caseFile.estEmailIn('ja');
  await expect(emailJa.heading).toBeVisible();
  await expect(emailJa.language).toHaveValue('ja');
  await emailJa.partnerName.fill('Northwind Partners');
  const bodyJa = emailJa.body;
  await expect(bodyJa).toHaveValue(/Northwind Partners ご担当者様/);
  await expect(bodyJa).toHaveValue(new RegExp(`${jaDay('2027-03-31')} までに`));
  await expect(bodyJa).toHaveValue(/Office 365 E3 \(ENTERPRISEPACK\) \(サブスクリプション [0-9a-f-]+\): 10 ライセンス、/);
  await expect(bodyJa).not.toHaveValue(/Dear|license\(s\)/);
  await expectNoSeriousAxeViolations(page, 'case file 2026 (ja)');
  await docScreenshot(page, 'case-file-est-ja');

  expect(problems).toEqual([]);
});
