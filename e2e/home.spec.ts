import { expect, test } from '@playwright/test';

test('the home page shows the demo call center, its leads and the latest changes', async ({ page }) => {
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Call Center' })).toBeVisible();
  const totals = page.getByRole('region', { name: 'Totals' });
  await expect(totals.getByText('Leads', { exact: true })).toBeVisible();
  await expect(totals).toContainText('60');
  const latest = page.getByRole('table');
  await expect(latest.getByRole('columnheader', { name: 'Change' })).toBeVisible();
  await expect(latest.getByRole('row')).toHaveCount(16); // header + the 15 latest changes

  await page.screenshot({ path: 'e2e/screenshots/home.png', fullPage: true });
});
