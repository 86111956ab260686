import { expect, test, type Browser, type Page } from '@playwright/test';
import { logIn, USERS } from './support/auth';
import { seriousViolations } from './support/axe';
import { digits } from './support/leads';

// Live updates: what one agent changes shows on the other agents' screens as it happens, a
// connection that drops picks up what it missed, and another organisation hears nothing of it.

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

/** Opens `url` and waits until its live connection is up. */
async function openLive(page: Page, url: string) {
  const connected = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/live');
  await page.goto(url);
  expect((await connected).status()).toBe(200);
}

async function createLead(page: Page, name: string): Promise<string> {
  await page.goto('/leads/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Phone 1', { exact: true }).fill(`07400 ${digits(6)}`);
  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  return page.url();
}

/** Ana creates a lead and stays on its page; Ben, of the same organisation, opens it too. */
async function bothOnNewLead(browser: Browser, prefix: string) {
  const ana = await signedIn(browser, USERS.agent);
  const ben = await signedIn(browser, USERS.otherAgent);
  const name = `${prefix} ${digits(6)}`;
  const url = await createLead(ana, name);
  await openLive(ben, url);
  return { ana, ben, name };
}

const summary = (page: Page) => page.getByRole('region', { name: 'Lead summary' });
const liveNotice = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test('another agent\u2019s status change shows on the lead page and the list within a second, without a reload', async ({ browser }) => {
  const { ana, ben, name } = await bothOnNewLead(browser, 'Live Lead');
  const benList = await ben.context().newPage();
  await openLive(benList, '/leads');
  const row = benList.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('changed');
  await ben.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true)); // gone if the page reloads

  await ana.getByLabel('Status', { exact: true }).selectOption('FollowUp');
  await ana.getByLabel('Follow-up date (UTC)').fill('2031-03-14T10:00');
  await ana.getByRole('button', { name: 'Change status' }).click();
  await expect(summary(ana)).toContainText('Status: Follow-up');

  await expect(liveNotice(ben, 'Ana Lima set the status to Follow-up (callback 14 Mar 2031, 10:00) from Available')).toContainText(', just now', { timeout: 1000 });
  await expect(summary(ben)).toContainText('Status: Follow-up', { timeout: 1000 });
  await expect(row.getByText('changed')).toBeVisible({ timeout: 1000 });
  await expect(row).toContainText('changed by Ana Lima since this list was shown');
  expect(await ben.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'the page was not reloaded').toBe(true);
  await ben.screenshot({ path: 'e2e/screenshots/live-notice.png' });
  expect(await seriousViolations(ben)).toEqual([]);
  expect(await seriousViolations(benList)).toEqual([]);
});

test('the lead page shows who else has the lead open, as they come and go', async ({ browser }) => {
  const { ana, ben } = await bothOnNewLead(browser, 'Live Presence');
  await expect(ben.getByText('Ana Lima is also viewing')).toBeVisible();
  await expect(ana.getByText('Ben Okafor is also viewing')).toBeVisible(); // told as Ben arrived, not at the next heartbeat
  await expect(ana.getByText('Ana Lima is also viewing')).toHaveCount(0);

  await ana.goto('/leads');
  await expect(ben.getByText('Ana Lima is also viewing')).toHaveCount(0);
});

test('an edit left open keeps its typing; on save the change made meanwhile goes through the conflict check', async ({ browser }) => {
  const { ana, ben, name } = await bothOnNewLead(browser, 'Live Edit');

  await ben.getByRole('button', { name: 'Edit name' }).click();
  await ben.getByRole('textbox', { name: 'Name', exact: true }).fill(`${name} by Ben`);
  await ana.getByRole('button', { name: 'Edit name' }).click();
  await ana.getByRole('textbox', { name: 'Name', exact: true }).fill(`${name} by Ana`);
  await ana.getByRole('button', { name: 'Save name' }).click();

  await expect(ben.getByRole('heading', { level: 1 })).toContainText(`${name} by Ana`);
  await expect(liveNotice(ben, `Ana Lima changed the name from \u201c${name}\u201d to \u201c${name} by Ana\u201d`)).toBeVisible();
  await expect(ben.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(`${name} by Ben`);
  await ben.getByRole('button', { name: 'Save name' }).click();
  const dialog = ben.getByRole('dialog', { name: 'This lead changed while you were editing' });
  await expect(dialog).toContainText(`Ana Lima changed the name from \u201c${name}\u201d to \u201c${name} by Ana\u201d`);
});

test('a dropped connection picks up the change it missed, and another organisation hears nothing', async ({ browser }) => {
  const { ana, ben, name } = await bothOnNewLead(browser, 'Live Resume');
  const sam = await signedIn(browser, USERS.otherTenantAgent);
  // Sam, of another organisation, listens on the same endpoint for every change it sends him.
  await sam.evaluate(() => new Promise<void>((resolve) => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    const source = new EventSource('/api/live');
    source.addEventListener('ready', () => resolve());
    source.addEventListener('change', (event) => heard.push(event.data));
  }));

  await ben.context().setOffline(true);
  await ana.getByRole('button', { name: 'Edit name' }).click();
  await ana.getByRole('textbox', { name: 'Name', exact: true }).fill(`${name} renamed`);
  await ana.getByRole('button', { name: 'Save name' }).click();
  await expect(ana.getByRole('heading', { level: 1 })).toContainText(`${name} renamed`);
  await ben.waitForTimeout(1500); // what Ben would have heard by now, had he been online
  await expect(ben.getByRole('heading', { level: 1 })).not.toContainText('renamed');

  await ben.context().setOffline(false);
  await expect(liveNotice(ben, `Ana Lima changed the name from \u201c${name}\u201d to \u201c${name} renamed\u201d`)).toBeVisible();
  await expect(ben.getByRole('heading', { level: 1 })).toContainText(`${name} renamed`);

  const heard = await sam.evaluate(() => (window as unknown as { heard: string[] }).heard);
  expect(heard.filter((data) => data.includes(name))).toEqual([]);
  expect(heard).toEqual([]);
});
