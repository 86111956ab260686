// The admin's System page: each read model's lag, and when one falls behind (here: past the 2 s
// alert threshold the test server runs with), the alert names the transaction that holds it back.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { logIn, USERS } from './support/auth';
import { seriousViolations } from './support/axe';
import { callAction, httpClient } from './support/http';

test('an open transaction holding the read models back shows as an alert naming it, and clears when it ends', async ({ page, playwright, baseURL }) => {
  await logIn(page, USERS.admin);
  await page.goto('/admin/system');
  await expect(page.getByRole('heading', { name: 'System' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Read models' });
  await expect(table.getByRole('rowheader', { name: 'Search' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Status history and analytics' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A session that wrote and then went quiet, as a stuck job would.
  const stuck = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: 'stuck-report-job' });
  await stuck.connect();
  try {
    await stuck.query('BEGIN');
    await stuck.query('SELECT pg_current_xact_id()');
    const agent = await httpClient(playwright, baseURL!, USERS.agent);
    const added = await callAction(agent, 'app/(app)/leads/actions.ts', 'registerLead', { type: 'RegisterLead', commandId: randomUUID(), data: { leadId: randomUUID(), name: 'Held Back Lead', emails: [`held-${randomUUID()}@example.com`] } });
    expect(added.ok, added.text).toBe(true);
    await agent.dispose();

    const alert = page.getByRole('alert').filter({ hasText: 'behind' });
    await expect(alert).toContainText(/Search, Status history and analytics, Today’s figures, Analytics figures, and Possible duplicates are \d+ s behind: a transaction open for \d+ s \(stuck-report-job, idle in transaction\) holds back every read model/, { timeout: 20_000 });
    await expect(page.getByText('stuck-report-job')).toHaveCount(2); // in the alert and in the transaction's details
    await page.screenshot({ path: 'e2e/screenshots/system-alert.png', fullPage: true });
  } finally {
    await stuck.query('ROLLBACK');
    await stuck.end();
  }
  await expect(page.getByRole('status').filter({ hasText: 'Every read model is up to date' })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'e2e/screenshots/system.png', fullPage: true });
});
