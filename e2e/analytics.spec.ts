import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { seriousViolations } from './support/axe';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { executeLeadCommand } from '../lib/commands/lead-commands';
import { createSystem } from '../lib/system';
import { createDb } from '../lib/db/client';
import { logIn, USERS } from './support/auth';

// Two leads of a source of their own, so the figures filtered to it are known exactly whatever
// other specs add. Ten days ago: Ana puts both on Follow-up; Ben calls the first two hours after
// its callback was due and converts it; nobody calls the second, whose callback is missed.
const run = Date.now().toString(36);
const SOURCE = `e2e-analytics-${run}`;
const CONVERTED = `Analytics Alpha ${run}`;
const WAITING = `Analytics Beta ${run}`;
const HOUR = 3_600_000;

test.describe.configure({ mode: 'serial' });
let page: Page;
let convertedId: string;

async function writeLeads() {
  const db = createDb(process.env.DATABASE_URL!, { poolSize: 2 });
  const { store, dialing } = createSystem(db);
  const t0 = Math.floor((Date.now() - 10 * 24 * HOUR) / HOUR) * HOUR;
  const as = (actorId: string, at: number, input: Record<string, unknown>) =>
    executeLeadCommand(store, { tenantId: 'demo', actorId, region: 'GB', now: new Date(at), dialing }, input);
  const register = async (name: string, at: number) => {
    const leadId = randomUUID();
    await as('ana', at, { type: 'RegisterLead', data: { leadId, name, emails: [`${leadId}@example.com`], source: SOURCE, ownerId: 'ana' } });
    return leadId;
  };
  try {
    const alpha = await register(CONVERTED, t0);
    await as('ana', t0 + HOUR, { type: 'ChangeStatus', leadId: alpha, data: { status: 'FollowUp', followUpAt: new Date(t0 + 25 * HOUR).toISOString() } });
    await as('ben', t0 + 27 * HOUR, { type: 'RecordCallOutcome', leadId: alpha, data: { outcome: 'voicemail' } });
    await as('ben', t0 + 48 * HOUR, { type: 'ChangeStatus', leadId: alpha, data: { status: 'Converted' } });
    const beta = await register(WAITING, t0 + 2 * HOUR);
    await as('ana', t0 + 3 * HOUR, { type: 'ChangeStatus', leadId: beta, data: { status: 'FollowUp', followUpAt: new Date(t0 + 50 * HOUR).toISOString() } });
    return alpha;
  } finally {
    await db.$disconnect();
  }
}

test.beforeAll(async ({ browser }) => {
  convertedId = await writeLeads();
  page = await (await browser.newContext()).newPage();
  await logIn(page, USERS.manager);
});
test.afterAll(() => page.context().close());

const filter = (label: string) => page.getByRole('form', { name: 'Filter the figures' }).getByLabel(label, { exact: true });
const section = (title: string) => page.getByRole('region', { name: title, exact: true });

/** A section's table as text, header row first. */
const tableOf = (title: string) =>
  section(title).getByRole('region', { name: `${title}: table` }).getByRole('row')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim())));

test('a manager opens a lead\'s status timeline: periods to scale, who moved it, callbacks met or late', async () => {
  // The status history read model is fed asynchronously: reload until it has the lead.
  await expect(async () => {
    await page.goto(`/leads/${convertedId}?tab=history`);
    await expect(page.getByRole('rowheader', { name: 'Converted' })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  const chart = page.getByRole('img', { name: /^Status timeline chart/ });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText('Available');
  await expect(chart).toContainText('Follow-up');
  await expect(chart).toContainText('by Ana Lima');
  await expect(chart).toContainText('by Ben Okafor');

  const periods = page.getByRole('region', { name: 'Status periods' }).getByRole('row');
  await expect(periods).toHaveCount(4);
  await expect(periods.nth(1)).toContainText(/Available.*1 h 0 min.*Ana Lima/);
  await expect(periods.nth(2)).toContainText(/Follow-up.*1 d 23 h.*Ana Lima/);
  await expect(periods.nth(2)).toContainText(/set by Ana Lima: handled late, handled .* by Ben Okafor/);
  await expect(periods.nth(3)).toContainText(/Converted.*so far.*Ben Okafor/);
  // The history tab's change list is still there.
  await expect(page.getByRole('list', { name: 'Changes' }).getByRole('listitem').first()).toBeVisible();

  await page.screenshot({ path: 'e2e/screenshots/timeline.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});

const SECTIONS = ['Time in each status', 'Follow-up funnel', 'Conversions over time', 'Callbacks handled late or missed', 'Status changes', 'Leads waiting longest'];

test('the analytics page shows every section, a chart beside each table, and passes axe', async () => {
  await page.goto('/analytics');
  await expect(page.getByRole('heading', { level: 1, name: 'Team analytics' })).toBeVisible();
  for (const title of SECTIONS) await expect(section(title).getByRole('heading', { level: 2, name: title })).toBeVisible();
  for (const title of SECTIONS.slice(0, 4)) await expect(section(title).getByRole('img', { name: /as in the table below$/ })).toBeVisible();
  await expect(filter('From')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  expect((await tableOf('Time in each status')).length).toBeGreaterThan(1);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: 'e2e/screenshots/analytics.png', fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 768, height: 900 });
  // The charts take their new width a frame or two after the window changes.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: 'no sideways scrolling at 768 px' })
    .toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('analytics-768.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
});

test('filters land in the URL and change the figures', async () => {
  await page.goto('/analytics');
  const before = await tableOf('Follow-up funnel');

  await filter('Source').selectOption(SOURCE);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]source=${SOURCE}(&|$)`));
  const funnel = await tableOf('Follow-up funnel');
  expect(funnel).not.toEqual(before);
  expect(funnel).toEqual([
    ['Step', 'Count', 'Rate (%)'],
    ['Moved on from Available', '2', ''],
    ['Available to Follow-up', '2', '100.0'],
    ['Put on Follow-up (leads)', '2', ''],
    ['of those, Converted now', '1', '50.0'],
    ['of those, Closed now', '0', '0.0'],
  ]);
  expect(await tableOf('Callbacks handled late or missed')).toEqual([
    ['Scheduled by', 'Due', 'On time', 'Late', 'Missed', 'Late or missed (%)', 'Average lateness (hours)'],
    ['Ana Lima', '2', '0', '1', '1', '100.0', '2.0'],
  ]);
  const conversions = (await tableOf('Conversions over time')).slice(1).reduce((sum, row) => sum + Number(row[1]), 0);
  expect(conversions).toBe(1);
  await expect(section('Leads waiting longest').getByRole('link', { name: WAITING })).toBeVisible();

  // Narrowed to Ben: he set no callbacks and made one change, the conversion.
  await filter('Agent').selectOption({ label: 'Ben Okafor' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/[?&]agent=ben(&|$)/);
  await expect(page).toHaveURL(new RegExp(`[?&]source=${SOURCE}(&|$)`));
  await expect(section('Callbacks handled late or missed')).toContainText('Nothing to show for these filters.');
  expect(await tableOf('Status changes')).toEqual([
    ['From', 'To', 'Changes', 'Share of changes from this status (%)'],
    ['Follow-up', 'Converted', '1', '100.0'],
  ]);
});

test('each section\'s CSV download holds the table shown', async () => {
  await page.goto(`/analytics?source=${SOURCE}`);
  for (const title of SECTIONS) {
    const shown = await tableOf(title);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section(title).getByRole('link', { name: /^Download CSV/ }).click(),
    ]);
    const csv = parse(await fs.readFile((await download.path())!, 'utf8'), { relaxColumnCount: false }) as string[][];
    expect(csv, title).toEqual(shown);
    expect(download.suggestedFilename()).toMatch(/^leadstream-[a-z-]+-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  }
});

test('a bad filter value names the filter and the page still answers', async () => {
  const response = await page.goto('/analytics?from=2026-13-45&agent=nobody&source=web');
  expect(response?.status()).toBe(200);
  const alert = page.getByRole('alert').filter({ hasText: 'Some filters were not applied' });
  await expect(alert).toContainText('From: "2026-13-45" is not a date: use YYYY-MM-DD.');
  await expect(alert).toContainText('Agent: "nobody" is not a user of your organisation.');
  await expect(section('Time in each status')).toBeVisible();

  const reversed = await page.goto('/analytics?from=2026-05-01&to=2026-04-01');
  expect(reversed?.status()).toBe(200);
  await expect(page.getByRole('alert').filter({ hasText: 'Some filters were not applied' })).toContainText('Date range: "From" (2026-05-01) is after "To" (2026-04-01).');

  const csv = await page.request.get('/api/analytics/funnel?to=tomorrow');
  expect(csv.status()).toBe(400);
  expect((await csv.json()).error.message).toContain('To: "tomorrow" is not a date');
  expect((await page.request.get('/api/analytics/nothing')).status()).toBe(404);
});

test('an agent gets the 403 page on /analytics and no CSV', async ({ browser }) => {
  const agent = await (await browser.newContext()).newPage();
  try {
    await logIn(agent, USERS.agent);
    await expect(agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' })).toHaveCount(0);
    const response = await agent.goto('/analytics');
    expect(response?.status()).toBe(403);
    await expect(agent.getByRole('heading', { name: 'Not for your role' })).toBeVisible();
    expect((await agent.request.get('/api/analytics/funnel')).status()).toBe(403);
  } finally {
    await agent.context().close();
  }
});
