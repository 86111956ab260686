import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { importIdFor, rowLeadId } from '../lib/imports/import-ids';
import { guessMapping, toRecords } from '../lib/imports/mapping';
import { leadListChunks } from '../lib/testing/lead-list';
import { logIn, USERS } from './support/auth';
import { projectionsCaughtUp } from './support/projections';

// leads-mixed.csv: three good rows (lines 2-4), then a bad phone, a bad email, a missing name, the
// phone of the first demo lead (registered as Oscar Brown, +44 7400 101126, since renamed) and the
// phone of line 2 again.
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'leads-mixed.csv');
const GOOD = ['Quillon Ashby', 'Quillon Brightwater', 'Quillon Carrow'];

test.describe.configure({ mode: 'serial' });
let page: Page;

test.beforeAll(async ({ browser }) => {
  // A page of its own context: axe needs one, and the login is made once for the whole file.
  page = await (await browser.newContext()).newPage();
  await logIn(page, USERS.agent);
});
test.afterAll(() => page.context().close());

// The search index is a read model that follows the log: searchIndexCaughtUp waits until it has
// caught up. (It reads behind the oldest open transaction of the whole PostgreSQL server, so a
// long one elsewhere slows it.)
const searchIndexCaughtUp = () => projectionsCaughtUp(undefined, { timeout: 60_000 });

function fixtureLeadIds(): string[] {
  const [headers, ...rows] = parse(fs.readFileSync(FIXTURE), { bom: true, relax_column_count: true }) as string[][];
  const records = toRecords(rows, guessMapping(headers!));
  const importId = importIdFor('demo', records);
  return records.map((_, index) => rowLeadId(importId, index));
}

/** The tenant's lead count on the home page: read from the streams, so never behind. */
async function leadCount(): Promise<number> {
  await page.goto('/');
  const totals = await page.getByRole('region', { name: 'Totals' }).textContent();
  return Number(totals!.match(/([\d,]+)\s*Leads/)![1]!.replace(/,/g, ''));
}

async function uploadFixture() {
  await page.goto('/import');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(FIXTURE);
}

async function importAndWait() {
  await page.getByRole('button', { name: 'Import 3 valid rows' }).click();
  await expect(page.getByRole('progressbar', { name: '3 of 3 rows imported' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('3 rows imported, 5 rows skipped');
}

test('the preview maps the columns by their names and lists each problem on its row', async () => {
  await searchIndexCaughtUp();
  await uploadFixture();

  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('0');
  await expect(page.getByLabel('Phone(s)')).toHaveValue('1');
  await expect(page.getByLabel('Email(s)')).toHaveValue('2');
  await expect(page.getByLabel('Source')).toHaveValue('3');
  await expect(page.getByLabel('Owner email')).toHaveValue('4');

  const rows = page.getByRole('region', { name: 'Rows of the file' }).getByRole('row');
  const row = (cell: string) => rows.filter({ has: page.getByRole('cell', { name: cell, exact: true }) });
  await expect(page.getByText('3 rows ready')).toBeVisible();
  await expect(page.getByText('5 rows with problems')).toBeVisible();
  for (const name of GOOD) await expect(row(name)).toContainText('Ready');
  await expect(row('Quillon Badphone')).toContainText('"12345" is not a valid phone number');
  await expect(row('Quillon Bademail')).toContainText('"not-an-email" is not a valid email address');
  await expect(row('nameless.quillon@example.com')).toContainText('Name is required');
  await expect(row('Quillon Oscarcopy')).toContainText(/Duplicate of existing lead Oscar \S+: same phone 07400 101126/);
  await expect(row('Quillon Repeat')).toContainText('Duplicate of line 2: same phone 07444555001');

  await page.screenshot({ path: 'e2e/screenshots/import.png', fullPage: true });
  await page.getByLabel('Show only rows with problems').check();
  await expect(rows).toHaveCount(1 + 5);

  // Every problem of the file, to fix in a spreadsheet: line numbers as the preview shows them.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the rows with problems (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('leads-mixed - problems.csv');
  const problems = parse(fs.readFileSync(await download.path()), { columns: true }) as Record<string, string>[];
  expect(problems.map((problem) => problem.Line)).toEqual(['5', '6', '7', '8', '9']);
  expect(problems.find((problem) => problem.Name === 'Quillon Badphone')?.Problems).toContain('"12345" is not a valid phone number');
  expect(problems.find((problem) => problem.Name === 'Quillon Repeat')?.Problems).toContain('Duplicate of line 2: same phone 07444555001');
});

test('importing stores exactly the good rows, and importing the file again stores nothing twice', async () => {
  // Where each row is stored is known in advance: the ids are derived from the tenant and the rows.
  const leadIds = fixtureLeadIds();
  await uploadFixture();
  await importAndWait();
  for (const [index, leadId] of leadIds.entries()) {
    const response = await page.request.get(`/leads/${leadId}`);
    expect(response.status(), `line ${index + 2}`).toBe(index < GOOD.length ? 200 : 404);
  }
  await page.goto(`/leads/${leadIds[0]}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(GOOD[0]!);

  // The same file again: its rows are found as this import's own leads, not as duplicates.
  const before = await leadCount();
  await uploadFixture();
  await importAndWait();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('rows already stored were not stored again');
  expect(await leadCount()).toBe(before);
});

test('a file without rows, or too large, is refused with a clear error', async () => {
  await page.goto('/import');
  const picker = page.getByLabel('CSV file', { exact: true });
  await picker.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Phone\n') });
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toHaveText('The file has a header row but no rows under it.');
  await expect(picker).toHaveAccessibleDescription(/The file has a header row but no rows under it\.$/);
  // Refused in the browser, before anything is sent (the server refuses it too: 413).
  const huge = test.info().outputPath('huge.csv');
  fs.writeFileSync(huge, 'Name,Phone\n');
  fs.truncateSync(huge, 257 * 1024 * 1024); // its size is all the page looks at
  await picker.setInputFiles(huge);
  await expect(alert).toHaveText(/^The file is 257\.0 MB; import at most 256 MB at a time/);
  await expect(picker).toHaveAccessibleDescription(/up to 256 MB and 1,000,000 rows/);
});

/** A generated list written to a file of the test's own, as a user would pick it. */
function leadList(name: string, rows: number, badRows: number[]): string {
  const file = test.info().outputPath(name);
  const out = fs.openSync(file, 'w');
  for (const chunk of leadListChunks({ rows, badRows, phones: false, tag: `${name}-${Date.now().toString(36)}` })) fs.writeSync(out, chunk);
  fs.closeSync(out);
  return file;
}

test('a list of 100,000 rows and 20 MB is sent as it is read and checked over the whole file', async () => {
  test.setTimeout(120_000);
  const file = leadList('spring-list.csv', 100_000, [17, 50_000, 99_999]);
  expect(fs.statSync(file).size).toBeGreaterThan(20 * 1024 * 1024);
  const started = Date.now();
  await page.goto('/import');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
  await expect(page.getByText('99,997 rows ready')).toBeVisible({ timeout: 90_000 });
  console.log(`100,000 rows (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB) sent and checked in the browser: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await expect(page.getByText('3 rows with problems')).toBeVisible();
  await expect(page.getByText('The first 100 of 100,000 rows')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 99,997 valid rows' })).toBeEnabled();
  await page.getByLabel('Show only rows with problems').check();
  const rows = page.getByRole('region', { name: 'Rows of the file' }).getByRole('row');
  await expect(rows).toHaveCount(1 + 3);
  await expect(rows.filter({ hasText: 'Lead 50000 Example' })).toContainText('"not-an-email" is not a valid email address');
});

test('a generated list of 2,000 rows is imported with the progress bar going to the end', async () => {
  test.setTimeout(120_000);
  const file = leadList('autumn-list.csv', 2_000, [42]);
  await page.goto('/import');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
  const started = Date.now();
  await page.getByRole('button', { name: 'Import 1,999 valid rows' }).click();
  const progress = page.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(page.getByRole('progressbar', { name: '1,999 of 1,999 rows imported' })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('1,999 rows imported, 1 row skipped');
  console.log(`2,000 rows imported from the browser: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
