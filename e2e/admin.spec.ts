import { expect, test } from '@playwright/test';
import { logIn, logInThroughPage, USERS } from './support/auth';

test('an admin adds a user, with errors next to the fields, and the new user can log in', async ({ page }) => {
  const run = Date.now().toString(36);
  const name = `Nadia Test ${run}`;
  const email = `nadia.${run}@northwind.example`;
  const password = 'a-good-long-password';

  await logIn(page, USERS.admin);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  const users = page.getByRole('region', { name: /Users of your organisation/ });
  await expect(users.getByRole('row', { name: /Ana Lima/ })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByLabel('Password').fill('short');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(form.getByLabel('Email')).toHaveAccessibleDescription('Enter a valid email address');
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Password')).toHaveAccessibleDescription(/Password must be at least 10 characters/);
  await page.screenshot({ path: 'e2e/screenshots/admin.png', fullPage: true });
  await page.reload();
  await expect(users.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByLabel('Role').selectOption('agent');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} can now log in as ${email}.` })).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveValue('');
  const row = users.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(email);

  // Made a manager, and it sticks.
  await row.getByLabel(`Role of ${name}`).selectOption('manager');
  await expect(row.getByRole('status')).toHaveText(`${name} is now manager.`);
  await page.reload();
  await expect(users.getByRole('row', { name: new RegExp(name) }).getByLabel(`Role of ${name}`)).toHaveValue('manager');

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logInThroughPage(page, email, password);
  await expect(page.getByRole('banner')).toContainText(`${name} (manager)`);
  await expect(page.getByRole('link', { name: 'Analytics' })).toBeVisible();
});
