// The customer picker (renderer/ui/CustomerPicker), used wherever one customer is chosen: the
// import, offer matching, license check.
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Chooses a customer in a customer picker: types the name, then picks the option, whose text is the
 * name, or the name and a detail (`option`).
 */
export async function chooseCustomer(scope: Page | Locator, label: string, name: string, option: string | RegExp = name): Promise<void> {
  const box = scope.getByRole('combobox', { name: label });
  // Emptied first: typing the name the box already shows would change nothing, and open no list.
  await box.fill('');
  await box.fill(name);
  const page = 'goto' in scope ? scope : scope.page();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(box).toHaveValue(option);
}
