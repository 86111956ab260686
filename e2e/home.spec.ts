import { expect, test } from '@playwright/test';
import { logInThroughPage, USERS } from './support/auth';

test('a visitor who is not logged in is sent to the login page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(USERS.agent);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wrong email or password.' })).toBeVisible();
});

test('the home page shows the agent\'s call center, its leads and the latest changes', async ({ page }) => {
  await logInThroughPage(page, USERS.agent);

  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Call Center' })).toBeVisible();
  const totals = page.getByRole('region', { name: 'Totals' });
  await expect(totals.getByText('Leads', { exact: true })).toBeVisible();
  await expect(totals).toContainText('60');
  const latest = page.getByRole('table');
  await expect(latest.getByRole('columnheader', { name: 'Change' })).toBeVisible();
  await expect(latest.getByRole('row')).toHaveCount(16); // header + the 15 latest changes

  await page.screenshot({ path: 'e2e/screenshots/home.png', fullPage: true });
});
