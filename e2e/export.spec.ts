import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { seriousViolations } from './support/axe';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { logIn, USERS } from './support/auth';
import { createLead, digits } from './support/leads';

test.describe.configure({ mode: 'serial' });

/** The count the page shows once it has settled. */
async function shownCount(page: Page): Promise<number> {
  const count = page.getByText(/^[\d,]+ matching events$/);
  await expect(count).toBeVisible();
  return Number((await count.textContent())!.replace(/\D/g, ''));
}

async function downloadExport(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  return fs.readFileSync((await download.path())!);
}

test('a BI analyst downloads the audit log as CSV: one row per event counted, in position order', async ({ page }) => {
  await logIn(page, USERS.bi);
  await page.getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export the audit log' })).toBeVisible();
  const count = await shownCount(page);
  expect(count).toBeGreaterThan(60); // 60 seeded leads, each with several events

  const file = await downloadExport(page);
  const rows = parse(file, { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(count);
  expect(new Set(rows.map((row) => row.tenant_id))).toEqual(new Set(['demo']));
  const positions = rows.map((row) => BigInt(row.position!));
  positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]!));
  expect(rows.filter((row) => row.type === 'LeadRegistered').every((row) => JSON.parse(row.data!).name === row['data.name'])).toBe(true);

  const status = page.getByRole('status').filter({ hasText: 'Saved' });
  await expect(status).toContainText(`Saved ${count.toLocaleString('en')} events`);
  // The next increment starts at the horizon: at or past the last event in the file.
  const horizon = BigInt(/after=(\d+)/.exec((await status.textContent())!)![1]!);
  expect(horizon).toBeGreaterThanOrEqual(positions.at(-1)!);
  await page.screenshot({ path: 'e2e/screenshots/export.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});

test('filters narrow the count and the file; NDJSON comes compressed when asked', async ({ page }) => {
  await logIn(page, USERS.manager);
  await page.goto('/export');
  const all = await shownCount(page);
  await page.getByRole('checkbox', { name: 'StatusChanged' }).check();
  await expect.poll(() => shownCount(page)).toBeLessThan(all);
  const statusChanges = await shownCount(page);
  await page.getByRole('radio', { name: 'NDJSON' }).check();
  await page.getByRole('checkbox', { name: 'Compress (gzip)' }).check();

  const lines = gunzipSync(await downloadExport(page)).toString('utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
  expect(lines).toHaveLength(statusChanges);
  expect(new Set(lines.map((event) => event.type))).toEqual(new Set(['StatusChanged']));

  // A lead id that is not one is named next to its field.
  await page.getByLabel('Lead id').fill('not-a-lead');
  await expect(page.getByLabel('Lead id')).toHaveAccessibleDescription(/lead must be a lead id/);
});

test('an agent gets the 403 page on /export, and the API refuses them', async ({ page }) => {
  await logIn(page, USERS.agent);
  await expect(page.getByRole('link', { name: 'Export' })).toHaveCount(0);
  const response = await page.goto('/export');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not for your role' })).toBeVisible();
  expect((await page.request.get('/api/export')).status()).toBe(403);
});

test('an admin creates an API token, a BI tool exports with it, and once revoked it is refused', async ({ page, playwright }) => {
  const name = `Warehouse ${Date.now().toString(36)}`;
  await logIn(page, USERS.admin);
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Create a token' });
  await form.getByRole('button', { name: 'Create token' }).click();
  await expect(form.getByLabel('Name')).toHaveAccessibleDescription(/Name is required/);
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByLabel('New token').inputValue();
  expect(token).toMatch(/^lsk_[0-9a-f]{12}_/);
  const row = page.getByRole('region', { name: /Tokens of your organisation/ }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(`${token.slice(0, 16)}_…`);
  expect(await seriousViolations(page)).toEqual([]);

  // The BI tool: no session cookie, only the token.
  const api = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const exported = await api.get('/api/export?format=csv', { headers: { Authorization: `Bearer ${token}` } });
  expect(exported.status()).toBe(200);
  const rows = parse(await exported.body(), { columns: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set(['demo']));
  const horizon = exported.headers()['x-export-horizon'];
  const increment = await api.get(`/api/export?format=ndjson&after=${horizon}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(increment.status()).toBe(200);
  expect((await api.get('/api/export?format=xlsx', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(400);
  expect((await api.get('/api/export')).status()).toBe(401);

  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(row).toContainText('Revoked');
  const refused = await api.get('/api/export?format=csv', { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/revoked/);
  await api.dispose();
});

test('the page\u2019s CSV is safe to open in a spreadsheet: a lead named like a formula is text, and the API gives it as stored', async ({ page }) => {
  const name = `=HYPERLINK("http://evil.example","x${digits(4)}")`;
  await logIn(page, USERS.manager);
  await createLead(page, { name, phone: `07400 ${digits(6)}`, email: `formula.${digits(6)}@example.com` });
  const leadId = /\/leads\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  await page.goto('/export');
  await page.getByLabel('Lead id').fill(leadId);
  await expect.poll(() => shownCount(page)).toBe(1);
  await expect(page.getByRole('group', { name: 'File' })).toContainText('starts with a single quote');
  const [row] = parse(await downloadExport(page), { columns: true }) as Record<string, string>[];
  expect(row!['data.name']).toBe(`'${name}`);
  expect(JSON.parse(row!.data!).name).toBe(name);

  const raw = parse(await (await page.request.get(`/api/export?lead=${leadId}`)).body(), { columns: true }) as Record<string, string>[];
  expect(raw[0]!['data.name']).toBe(name);
});
