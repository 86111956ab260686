import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { logIn, logInThroughPage, PASSWORD, USERS } from './support/auth';
import { seriousViolations } from './support/axe';
import { actionData, callAction, httpClient } from './support/http';
import { clearOfMinuteEnd } from '../lib/testing/limits';

// Staff turnover and the doors around logging in: an admin off-boards a user (and takes them
// back), API tokens expire, and logins are limited per account and read the client's address only
// from the connection.

test('an admin deactivates a user, whose open session ends at once and whose login is refused; their history stays, and reactivated they log in again', async ({ browser, playwright, baseURL }) => {
  const run = randomUUID().slice(0, 8);
  const name = `Olga Leaving ${run}`;
  const email = `olga.${run}@northwind.example`;
  const admin = await httpClient(playwright, baseURL!, USERS.admin);
  actionData(await callAction(admin, 'app/(app)/admin/users/actions.ts', 'addUser', { name, email, password: PASSWORD, role: 'agent' }));

  // Olga works a lead in her own browser.
  const olga = await (await browser.newContext()).newPage();
  await logIn(olga, email);
  const leadId = randomUUID();
  const leadName = `Kept Lead ${run}`;
  const olgaClient = await httpClient(playwright, baseURL!, email);
  actionData(await callAction(olgaClient, 'app/(app)/leads/actions.ts', 'registerLead', { type: 'RegisterLead', commandId: randomUUID(), data: { leadId, name: leadName, emails: [`kept.${run}@example.com`] } }));

  const page = await (await browser.newContext()).newPage();
  await logIn(page, USERS.admin);
  await page.goto('/admin/users');
  const row = page.getByRole('region', { name: /Users of your organisation/ }).getByRole('row', { name: new RegExp(name) });
  await row.getByRole('button', { name: `Deactivate ${name}` }).click();
  const form = row.getByRole('form', { name: `Deactivate ${name}` });
  await form.getByRole('button', { name: `Deactivate ${name}` }).click();
  await expect(form.getByLabel('Reason')).toHaveAccessibleDescription('Say why, for the audit log');
  await form.getByLabel('Reason').fill('Left the company');
  await form.getByRole('button', { name: `Deactivate ${name}` }).click();
  await expect(row).toContainText('Deactivated');
  await expect(row.getByRole('button', { name: `Reactivate ${name}` })).toBeVisible();
  const history = page.getByRole('region', { name: 'Access history' });
  await expect(history.getByRole('row', { name: new RegExp(name) }).first()).toContainText(/Deactivated\s*Adam Walker\s*Left the company/);
  // Nobody can lock themself out.
  await expect(page.getByRole('region', { name: /Users of your organisation/ }).getByRole('row', { name: /Adam Walker/ })).toContainText('Active (you)');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/admin-access.png', fullPage: true });

  // Her next request is refused: the page sends her to log in, the API answers 401.
  await olga.goto('/leads');
  await expect(olga).toHaveURL(/\/login$/);
  expect((await olgaClient.get('/api/queue/count')).status()).toBe(401);
  await olga.getByLabel('Email').fill(email);
  await olga.getByLabel('Password').fill(PASSWORD);
  await olga.getByRole('button', { name: 'Log in' }).click();
  // (Next's route announcer is an alert too, an empty one.)
  await expect(olga.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('This account has been deactivated: ask an administrator.');

  // Her lead and its history stay, under her name; she is no longer offered as an owner.
  await page.goto(`/leads/${leadId}?tab=history`);
  await expect(page.getByRole('list', { name: 'Changes' })).toContainText(`${name} registered the lead “${leadName}”`);
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(page.getByLabel('Owner').getByRole('option', { name, exact: true })).toHaveCount(0);

  // Reactivated, with a reason: she logs in again.
  await page.goto('/admin/users');
  await row.getByRole('button', { name: `Reactivate ${name}` }).click();
  await row.getByLabel('Reason').fill('Came back');
  await row.getByRole('button', { name: `Reactivate ${name}` }).click();
  await expect(row.getByRole('button', { name: `Deactivate ${name}` })).toBeVisible();
  await expect(history.getByRole('row', { name: new RegExp(name) }).first()).toContainText(/Reactivated\s*Adam Walker\s*Came back/);
  await logInThroughPage(olga, email);

  await Promise.all([admin.dispose(), olgaClient.dispose(), olga.context().close(), page.context().close()]);
});

test('an admin chooses when a token expires; a date in the past is refused next to the field', async ({ page }) => {
  await logIn(page, USERS.admin);
  await page.goto('/admin/tokens');
  const form = page.getByRole('form', { name: 'Create a token' });
  const name = `Expiring ${randomUUID().slice(0, 8)}`;
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Expires after').selectOption({ label: 'Until a date…' });
  await form.getByLabel('Expiry date').fill('2020-01-01');
  await form.getByRole('button', { name: 'Create token' }).click();
  await expect(form.getByLabel('Expiry date')).toHaveAccessibleDescription(/The expiry date must be after today/);

  await form.getByLabel('Expires after').selectOption({ label: '30 days' });
  await form.getByRole('button', { name: 'Create token' }).click();
  const in30 = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
  await expect(page.getByRole('status').filter({ hasText: 'created' })).toContainText(`valid until ${in30}`);
  const row = page.getByRole('region', { name: /Tokens of your organisation/ }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(in30);
  await expect(row).toContainText('Active');
  expect(await seriousViolations(page)).toEqual([]);
});

test('logins are limited per account, and the address a session records is the connection\'s, never a forwarded one the client made up', async ({ page, playwright, baseURL }) => {
  // The address: sent with made-up forwarding headers, recorded as the connection's own.
  const client = await playwright.request.newContext({
    baseURL, extraHTTPHeaders: { Origin: baseURL!, 'X-Forwarded-For': '203.0.113.77', 'X-Leadstream-Peer-Address': '203.0.113.78', 'X-Leadstream-Client-Address': '203.0.113.79' },
  });
  expect((await client.post('/api/auth/sign-in/email', { data: { email: USERS.bi, password: PASSWORD } })).status()).toBe(200);
  const session = (await (await client.get('/api/auth/get-session')).json()) as { session: { ipAddress: string } };
  expect(session.session.ipAddress).toBe('127.0.0.1');
  await client.dispose();

  // An account nobody has: ten failed attempts a minute (the default), whatever address each claims.
  await clearOfMinuteEnd(15_000);
  const email = `guess.${randomUUID().slice(0, 8)}@northwind.example`;
  const guesser = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
  for (let i = 0; i < 10; i++) {
    const attempt = await guesser.post('/api/auth/sign-in/email', { data: { email, password: `guess-${i}` }, headers: { 'X-Forwarded-For': `198.51.100.${i}` } });
    expect(attempt.status()).toBe(401);
  }
  const refused = await guesser.post('/api/auth/sign-in/email', { data: { email, password: 'guess-10' } });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await refused.json()).error).toMatchObject({ kind: 'rate-limited', message: expect.stringMatching(/^Too many login attempts for this account/) });
  await guesser.dispose();

  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('one-more-guess');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Too many attempts: wait a minute and try again.');
});
