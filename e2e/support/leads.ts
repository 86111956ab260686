import { expect, type Page } from '@playwright/test';

/** Random digits, so every run's leads have phones and names of their own. */
export const digits = (count: number) => Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');

/** Registers a lead through the new lead form and waits until its page has settled. */
export async function createLead(page: Page, lead: { name: string; phone: string; email: string }): Promise<void> {
  await page.goto('/leads/new');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Name', { exact: true }).fill(lead.name);
  await page.getByLabel('Phone 1', { exact: true }).fill(lead.phone);
  await page.getByLabel('Email 1', { exact: true }).fill(lead.email);
  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(lead.name);
  await page.waitForLoadState('networkidle');
  // The title comes with the page's streamed metadata, which can land after the heading.
  await expect(page).toHaveTitle(`${lead.name} · Leadstream`);
}
