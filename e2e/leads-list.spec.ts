import { seriousViolations } from './support/axe';
import { expect, test, type Page } from '@playwright/test';
import { logIn, USERS } from './support/auth';

const leadsTable = (page: Page) => page.getByRole('table', { name: /^Leads, sorted by/ });
const summary = (page: Page) => page.getByRole('status').filter({ hasText: /leads?;|No leads/ });

/** The texts of one column, top to bottom. */
async function column(page: Page, header: string): Promise<string[]> {
  const headers = await leadsTable(page).getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((text) => text.startsWith(header));
  const rows = await leadsTable(page).getByRole('row').filter({ has: page.getByRole('cell') }).all();
  return Promise.all(rows.map((row) => row.getByRole('cell').nth(index).innerText()));
}
const shownNames = (page: Page) => column(page, 'Name');

/** Waits for the URL, then for the list it names (the table is busy until the new page arrives). */
async function expectList(page: Page, url: RegExp) {
  await expect(page).toHaveURL(url);
  await expect(leadsTable(page)).toHaveAttribute('aria-busy', 'false');
}

test.beforeEach(async ({ page }) => {
  await logIn(page, USERS.agent);
});

test('an agent sorts, filters and pages the lead list, and the URL keeps it all across a reload', async ({ page }) => {
  await page.goto('/leads');
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
  await expect(summary(page)).toHaveText('60 leads; showing 1–25.');
  await expect(leadsTable(page).getByRole('columnheader', { name: 'Updated' })).toHaveAttribute('aria-sort', 'descending');
  await page.screenshot({ path: 'e2e/screenshots/list.png', fullPage: true });

  await leadsTable(page).getByRole('button', { name: 'Name' }).click();
  await expectList(page, /\/leads\?sort=name$/);
  await expect(leadsTable(page).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  const names = await shownNames(page);
  // The database sorts by code point (C collation), as JavaScript compares strings.
  expect(names).toEqual([...names].sort());

  const filters = page.getByRole('form', { name: 'Filter leads' });
  await filters.getByRole('checkbox', { name: 'Closed' }).check();
  await expectList(page, /\/leads\?sort=name&status=Closed$/);
  await expect(filters.getByRole('checkbox', { name: 'Closed' })).toBeFocused();
  await filters.getByRole('checkbox', { name: 'Converted' }).check();
  await expectList(page, /\/leads\?sort=name&status=Closed,Converted$/);
  expect(new Set(await column(page, 'Status'))).toEqual(new Set(['Closed', 'Converted']));
  const filteredTotal = Number((await summary(page).innerText()).match(/^(\d+) leads/)![1]);
  expect(filteredTotal).toBeGreaterThan(25); // the demo has 43 closed or converted leads
  const firstPage = await shownNames(page);

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Next page' }).click();
  await expectList(page, /\/leads\?sort=name&status=Closed,Converted&page=2$/);
  await expect(summary(page)).toHaveText(`${filteredTotal} leads; showing 26–${Math.min(filteredTotal, 50)}.`);
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  const secondPage = await shownNames(page);
  expect([...firstPage, ...secondPage]).toEqual([...firstPage, ...secondPage].sort());

  await page.reload();
  await expectList(page, /\/leads\?sort=name&status=Closed,Converted&page=2$/);
  await expect(leadsTable(page).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(filters.getByRole('checkbox', { name: 'Converted' })).toBeChecked();
  await expect(filters.getByRole('checkbox', { name: 'Available' })).not.toBeChecked();
  expect(await shownNames(page)).toEqual(secondPage);

  await leadsTable(page).getByRole('link', { name: secondPage[0]! }).first().click();
  // The lead carries the list it was opened from (its first page: the order runs across pages).
  await expect(page).toHaveURL(/\/leads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\?from=list%3Asort%3Dname%26status%3DClosed%2CConverted$/);
  await expect(page.getByRole('navigation', { name: 'Leads of the list' })).toContainText(/26 of \d+/);
});

test('filters by owner and follow-up due, and a bad URL falls back to the defaults', async ({ page }) => {
  await page.goto('/leads?sort=nonsense&page=-4&size=7&status=Bogus&due=someday');
  await expect(summary(page)).toHaveText('60 leads; showing 1–25.');

  const filters = page.getByRole('form', { name: 'Filter leads' });
  await filters.getByLabel('Owner').selectOption({ label: 'Me' });
  await expectList(page, /\/leads\?owner=me$/);
  const owners = await column(page, 'Owner');
  expect(new Set(owners)).toEqual(new Set(['Ana Lima']));

  await filters.getByLabel('Follow-up due').selectOption({ label: 'No follow-up' });
  await expectList(page, /\/leads\?owner=me&due=none$/);
  await expect(leadsTable(page).getByText('Overdue')).toHaveCount(0);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expectList(page, /\/leads$/);
});

test('the lead list has no serious accessibility problems', async ({ page }) => {
  await page.goto('/leads');
  await expect(leadsTable(page)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the table fits a 1280 px window; on a tablet it scrolls inside its frame and the page does not', async ({ page }) => {
  const overflow = (element: HTMLElement | SVGElement) => element.scrollWidth - element.clientWidth;
  const frame = page.getByRole('region', { name: /^Leads, sorted by/ });
  await page.goto('/leads');
  await expect(leadsTable(page)).toBeVisible();
  expect(await frame.evaluate(overflow)).toBe(0);

  await page.setViewportSize({ width: 768, height: 1024 });
  await expect.poll(() => frame.evaluate(overflow)).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/screenshots/list-tablet.png', fullPage: true });
});

test('a phone seen in the list is found by the global search', async ({ page }) => {
  await page.goto('/leads');
  const phone = (await column(page, 'Phones'))[0]!.split('\n')[0]!;
  const fragment = phone.replace(/\D/g, '').slice(-6);
  await page.getByRole('combobox', { name: 'Search leads' }).fill(fragment);
  await expect(page.getByRole('listbox', { name: 'Matching leads' }).getByRole('option').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/search.png', fullPage: true });
});
