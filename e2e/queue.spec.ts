import { randomUUID } from 'node:crypto';
import { seriousViolations } from './support/axe';
import { expect, test, type Page } from '@playwright/test';
import { executeLeadCommand } from '../lib/commands/lead-commands';
import { createSystem } from '../lib/system';
import { createDb } from '../lib/db/client';
import { logIn, USERS } from './support/auth';

// Demo follow-ups are dated from when the database was seeded, so this file makes its own: one of
// Ana's callbacks overdue by an hour and one due later today (UTC, as the queue and badge count it).
const run = Date.now().toString(36);
const OVERDUE = `Queue Overdue ${run}`;
const TODAY = `Queue Today ${run}`;

test.describe.configure({ mode: 'serial' });
let page: Page;

async function leadWithCallback(name: string, dueAt: Date) {
  const db = createDb(process.env.DATABASE_URL!, { poolSize: 2 });
  try {
    const leadId = randomUUID();
    // Set when the callback was still ahead: a follow-up can only be scheduled for the future.
    const context = { tenantId: 'demo', actorId: 'ana', region: 'GB' as const, now: new Date(dueAt.getTime() - 3_600_000) };
    const store = createSystem(db).store;
    await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name, emails: [`${leadId}@example.com`], ownerId: 'ana' } });
    await executeLeadCommand(store, context, { type: 'ChangeStatus', leadId, data: { status: 'FollowUp', followUpAt: dueAt.toISOString() } });
    return leadId;
  } finally {
    await db.$disconnect();
  }
}

/** Days end at midnight UTC: run in a new day rather than let "due today" turn overdue mid-test. */
const SAFE_BEFORE_MIDNIGHT = 10 * 60_000;

test.beforeAll(async ({ browser }, info) => {
  const untilMidnight = new Date(Date.now()).setUTCHours(23, 59, 59, 999) - Date.now();
  if (untilMidnight < SAFE_BEFORE_MIDNIGHT) {
    info.setTimeout(info.timeout + untilMidnight + 1000);
    await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1000));
  }
  const now = Date.now();
  const endOfToday = new Date(now).setUTCHours(23, 59, 59, 999);
  await leadWithCallback(OVERDUE, new Date(now - 3_600_000));
  await leadWithCallback(TODAY, new Date(now + Math.min(3_600_000, (endOfToday - now) / 2)));
  // A page of its own context: axe needs one, and the login is made once for the whole file.
  page = await (await browser.newContext()).newPage();
  await logIn(page, USERS.agent);
});
test.afterAll(() => page.context().close());

const section = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });

test('my callbacks are sorted into overdue and due today, and the badge counts them', async () => {
  await page.goto('/queue');
  await expect(page.getByRole('heading', { level: 1, name: 'Callbacks' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mine' })).toHaveAttribute('aria-current', 'page');

  await expect(section('Overdue').getByRole('link', { name: OVERDUE })).toBeVisible();
  await expect(section('Overdue').getByRole('row', { name: new RegExp(OVERDUE) })).toContainText('1 hour ago');
  await expect(section('Due today').getByRole('link', { name: TODAY })).toBeVisible();
  await expect(section('Due today').getByRole('link', { name: OVERDUE })).toHaveCount(0);
  await expect(section('Upcoming').getByRole('link', { name: TODAY })).toHaveCount(0);

  // The badge in the header counts what is overdue or due today, as these two sections do.
  const counted = async (name: string) => Number(await section(name).getByRole('heading').locator('span').textContent());
  const due = (await counted('Overdue')) + (await counted('Due today'));
  expect(due).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText(String(due), { exact: true })).toBeVisible();
  await expect(page.getByLabel(`${due} due`)).toBeVisible();

  await page.screenshot({ path: 'e2e/screenshots/queue.png', fullPage: true });
});

test('"My team" shows every agent\'s callbacks and is kept in the URL', async () => {
  await page.goto('/queue');
  await page.getByRole('link', { name: 'My team' }).click();
  await expect(page).toHaveURL(/\/queue\?scope=team$/);
  await expect(page.getByRole('link', { name: 'My team' })).toHaveAttribute('aria-current', 'page');
  await expect(section('Overdue').getByRole('link', { name: OVERDUE })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Ben Okafor' }).first()).toBeVisible();
});

test('clicking a callback opens its lead, which knows the queue it was opened from', async () => {
  await page.goto('/queue');
  const link = section('Due today').getByRole('link', { name: TODAY });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/leads\/[0-9a-f-]{36}\?from=queue%3Amine$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace('?', '\\?')}$`));
  await expect(page.getByRole('navigation', { name: 'Leads of the callbacks' })).toContainText(/\d+ of \d+/);
});

test('the queue and the import pages have no serious or critical accessibility problems', async () => {
  for (const url of ['/queue', '/queue?scope=team', '/import']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (url === '/import') {
      await page.getByLabel('CSV file', { exact: true }).setInputFiles('e2e/fixtures/leads-mixed.csv');
      await expect(page.getByRole('button', { name: /^Import \d+ valid rows?$/ })).toBeVisible();
    }
    expect(await seriousViolations(page), url).toEqual([]);
  }
});
