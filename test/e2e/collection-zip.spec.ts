// The collection script's way, in real Chromium through the import worker: the guide saves the
// customer's script (a download with the web host), the zip the script writes (built here from the
// real Graph fixtures in its layout, under the name a person gave it) is imported as it is, and a
// zip of another tenant than the customer's is refused in words, with nothing stored.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { CaseFilePage, CustomersPage, pickExports } from './pages';
import { expectNoSeriousAxeViolations, graph, watchForErrors } from './support';

const TENANT = '2f0c3a1e-6b7d-4c8e-9f10-1a2b3c4d5e6f';
const OTHER = 'a1b2c3d4-0000-4000-8000-000000000001';
const zipName = 'tenant-data-Contoso-Japan (1).zip';

function collectionZip(): Buffer {
  const files = {
    'subscribedSkus.json': graph('subscribedSkus.list.response.json'),
    'subscriptions.json': graph('directory.subscriptions.list.response.json'),
    'users.json': graph('user.licenseAssignmentStates.example.json'),
  };
  const manifest = { format: 'csp-migration-workspace/tenant-collection', scriptVersion: 1, tenantId: TENANT, collectedAt: '2026-12-06T05:00:00Z', files: Object.keys(files) };
  return Buffer.from(zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) }));
}

test("saves a customer's collection script, imports its zip as it is, and refuses another tenant's", async ({ page }) => {
  // Two imports through the worker and a case file: slower than one screen's default on a busy machine.
  test.setTimeout(90_000);
  const problems = watchForErrors(page);
  const customers = new CustomersPage(page);
  const caseFile = new CaseFilePage(page);
  await customers.openAndAdd('Contoso Japan');
  const row = customers.row('Contoso Japan');
  await expect(row).toContainText('Not imported');

  const section = customers.importSection;
  await customers.guide.click();
  await expect(section.getByText("The customer's tenant id is not known yet")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), customers.saveCollectionScript('Contoso Japan').click()]);
  expect(download.suggestedFilename()).toMatch(/^collect-tenant-Contoso-Japan-\d{4}-\d{2}-\d{2}\.ps1$/);
  const script = readFileSync(await download.path(), 'utf8');
  expect(script).toContain("$scopes = @('LicenseAssignment.Read.All', 'Organization.Read.All', 'User.Read.All')");
  expect(script).toContain(`#   .\\${download.suggestedFilename()} -DryRun`);
  expect(script).toContain("$expectedTenantId = ''");
  await expect(customers.collectionScriptStatus).toHaveText(`Saved ${download.suggestedFilename()}. Run it with -DryRun first.`);
  await expectNoSeriousAxeViolations(page, 'data guide with the collection script');

  // The zip, as the script wrote it, under the name a person's download gave it.
  await pickExports(section, { collectionZip: { name: zipName, mimeType: 'application/zip', buffer: collectionZip() } });
  await customers.importButton.click();
  const outcome = customers.importOutcome;
  await expect(outcome).toContainText('Imported.', { timeout: 20_000 });
  await expect(outcome).toContainText(zipName);
  await expect(customers.licensedUsers('Contoso Japan')).toHaveText('1');

  // The customer's tenant is another one: the same zip is refused, naming the file and the field.
  await customers.link('Contoso Japan').click();
  await caseFile.detail('Tenant ID').fill(OTHER);
  await caseFile.saveDetails.click();
  await expect(caseFile.detailsStatus).toHaveText('Details saved for your whole team.');
  await customers.open();
  await customers.guide.click();
  await expect(section.getByText(`It signs in to tenant ${OTHER} only.`)).toBeVisible();
  await pickExports(section, { collectionZip: { name: zipName, mimeType: 'application/zip', buffer: collectionZip() } });
  await customers.importButton.click();
  await expect(outcome).toContainText(
    `A file could not be read, so nothing was stored: manifest.json (in ${zipName}): field tenantId: is ${TENANT}, but this customer's tenant is ${OTHER}: the zip holds another tenant's data`,
    { timeout: 20_000 },
  );
  await expect(customers.licensedUsers('Contoso Japan')).toHaveText('1');
  expect(problems).toEqual([]);
});
