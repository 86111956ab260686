import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { logIn, USERS } from './support/auth';

// Tenant A is Northwind (USERS.agent and friends), tenant B Southside (USERS.otherTenantAgent).
test.describe.configure({ mode: 'serial' });

const tenantALeads = new Map<string, string>(); // lead id -> name
let agentPage: Page;
let otherTenantPage: Page;

async function loggedIn(browser: Browser, email: string): Promise<Page> {
  const page = await browser.newPage();
  await logIn(page, email);
  return page;
}

test.beforeAll(async ({ browser }) => {
  agentPage = await loggedIn(browser, USERS.agent);
  await agentPage.goto('/queue?scope=team');
  for (const link of await agentPage.getByRole('main').getByRole('link', { name: /.+/ }).all()) {
    const href = await link.getAttribute('href');
    const id = href?.match(/^\/leads\/([0-9a-f-]{36})(?:\?|$)/)?.[1]; // a queue's links carry the queue
    if (id) tenantALeads.set(id, (await link.textContent())!.trim());
  }
  expect(tenantALeads.size, 'tenant A has callbacks to read lead ids from').toBeGreaterThan(0);
  otherTenantPage = await loggedIn(browser, USERS.otherTenantAgent);
});
test.afterAll(async () => {
  await agentPage.close();
  await otherTenantPage.close();
});

test('an agent of another tenant cannot open, find or count tenant A\'s leads', async () => {
  const [leadId, leadName] = [...tenantALeads][0]!;
  const page = otherTenantPage;

  const response = await page.goto(`/leads/${leadId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('main')).not.toContainText(leadName);

  // Search by tenant A's lead names: whatever matches, none of it is tenant A's.
  for (const name of new Set([...tenantALeads.values()].slice(0, 5))) {
    const search = await page.request.get(`/api/search?q=${encodeURIComponent(name)}`);
    expect(search.ok()).toBe(true);
    const { results } = (await search.json()) as { results: { leadId: string }[] };
    expect(results.filter((result) => tenantALeads.has(result.leadId))).toEqual([]);
  }

  // The queue, whole team included, holds only tenant B's leads; the badge counts only them.
  await page.goto('/queue?scope=team');
  const hrefs = await page.getByRole('main').getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(hrefs.filter((href) => tenantALeads.has(href?.split('/').pop() ?? ''))).toEqual([]);
  await page.goto('/queue');
  const counted = async (name: string) => Number(await page.getByRole('region', { name: new RegExp(`^${name}`) }).getByRole('heading').locator('span').textContent());
  const mine = (await counted('Overdue')) + (await counted('Due today'));
  const { due } = (await (await page.request.get('/api/queue/count')).json()) as { due: number };
  expect(due).toBe(mine);

  // Nor can it read tenant A's import progress or any stream by id.
  expect((await page.request.get(`/api/imports/${leadId}`)).status()).toBe(404);
});

/** The id Next gave a server action, read from the build's manifest (NEXT_DIST_DIR, as the web server was built). */
function serverActionId(file: string, exportedName: string): string {
  const manifest = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server', 'server-reference-manifest.json');
  const actions = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { node: Record<string, { filename: string; exportedName: string }> }).node;
  const id = Object.entries(actions).find(([, action]) => action.filename === file && action.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`No server action ${exportedName} in ${file}`);
  return id;
}

test('an agent of another tenant cannot change tenant A\'s lead by calling the server action directly', async () => {
  const [leadId, leadName] = [...tenantALeads][0]!;
  const page = otherTenantPage;
  // What the browser sends for sendLeadCommand(input): the arguments as JSON, the action's id in a header.
  const response = await page.request.post(`/leads/${leadId}`, {
    headers: { 'Next-Action': serverActionId('app/(app)/leads/actions.ts', 'sendLeadCommand'), Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify([{ type: 'ChangeName', leadId, data: { name: 'Taken over by Southside' } }]),
  });
  const body = await response.text();
  expect(body).toContain('"ok":false');
  expect(body).not.toContain(leadName);

  await agentPage.goto(`/leads/${leadId}`);
  await expect(agentPage.getByRole('heading', { level: 1 })).toContainText(leadName);
  await expect(agentPage.getByRole('main')).not.toContainText('Taken over by Southside');
});

test('an agent gets the 403 page on the user admin', async () => {
  const response = await agentPage.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(agentPage.getByRole('heading', { name: 'Not for your role' })).toBeVisible();
  await expect(agentPage.getByRole('button', { name: 'Add user' })).toHaveCount(0);
});

test('a BI analyst gets the 403 page on the import, and the lead routes refuse them', async ({ browser }) => {
  const page = await loggedIn(browser, USERS.bi);
  const response = await page.goto('/import');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not for your role' })).toBeVisible();
  await expect(page.getByLabel('CSV file', { exact: true })).toHaveCount(0);
  expect((await page.request.get('/api/queue/count')).status()).toBe(403);
  await page.close();
});
