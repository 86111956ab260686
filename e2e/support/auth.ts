import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'leadstream-demo';
export const USERS = {
  agent: 'ana@northwind.example',
  otherAgent: 'ben@northwind.example',
  manager: 'maria@northwind.example',
  bi: 'bianca@northwind.example',
  admin: 'adam@northwind.example',
  otherTenantAgent: 'sam@southside.example',
  otherTenantAdmin: 'sofia@southside.example',
} as const;

/** Logs in through the login page, as a person would. */
export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}
