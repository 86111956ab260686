import { expect, test, type Browser, type Page } from '@playwright/test';
import { logIn, USERS } from './support/auth';
import { digits } from './support/leads';

// Two agents with the same lead open. Changes to different fields merge without a word; changes
// to the same field ask the later agent what to do, naming what the other one changed. Their pages
// get no live updates here (as behind a proxy that drops them): each works on the version it
// opened. e2e/live.spec.ts covers the same check with live updates on.

async function agentPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  await context.route('**/api/live**', (route) => route.abort());
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

async function rename(page: Page, name: string) {
  await page.getByRole('button', { name: 'Edit name' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const conflictDialog = (page: Page) => page.getByRole('dialog', { name: 'This lead changed while you were editing' });

test('two agents on one lead: other fields merge, the same field asks the later agent', async ({ browser }) => {
  const ana = await agentPage(browser, USERS.agent);
  const ben = await agentPage(browser, USERS.otherAgent);
  const name = `Shared Lead ${digits(5)}`;

  await open(ana, '/leads/new');
  await ana.getByLabel('Name', { exact: true }).fill(name);
  await ana.getByLabel('Phone 1', { exact: true }).fill(`07400 ${digits(6)}`);
  await ana.getByRole('button', { name: 'Create lead' }).click();
  await expect(heading(ana)).toContainText(name);
  const url = ana.url();
  await open(ben, url);

  // Different fields: Ana renames, then Ben (still on the old version) closes the lead. Both saved.
  await rename(ana, `${name} A`);
  await expect(heading(ana)).toContainText(`${name} A`);
  await ben.getByLabel('Status', { exact: true }).selectOption('Closed');
  await ben.getByRole('button', { name: 'Change status' }).click();
  await expect(heading(ben)).toContainText(`${name} A`);
  await expect(ben.getByRole('region', { name: 'Lead summary' })).toContainText('Status: Closed');
  await expect(conflictDialog(ben)).toHaveCount(0);

  // The same field: Ana renames (merged over Ben's status change), then Ben renames from his page.
  await rename(ana, `${name} by Ana`);
  await expect(heading(ana)).toContainText(`${name} by Ana`);
  await expect(ana.getByRole('region', { name: 'Lead summary' })).toContainText('Status: Closed');
  await rename(ben, `${name} by Ben`);
  const dialog = conflictDialog(ben);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toBeFocused();
  await expect(dialog).toContainText(`Ana Lima changed the name from “${name} A” to “${name} by Ana”`);
  await expect(dialog).toContainText(`Your change: Change the name to “${name} by Ben”`);
  await expect(heading(ben)).not.toContainText('by Ana'); // nothing refreshed behind the dialog yet
  await ben.screenshot({ path: 'e2e/screenshots/conflict.png' });

  // "Apply my change anyway": Ben's name wins, for Ana too.
  await dialog.getByRole('button', { name: 'Apply my change anyway' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(heading(ben)).toContainText(`${name} by Ben`);
  await ana.reload();
  await expect(heading(ana)).toContainText(`${name} by Ben`);
  await ana.waitForLoadState('networkidle');

  // "Discard my change": Ana renames, Ben's rename on top is dropped and his page shows Ana's.
  await rename(ana, `${name} final`);
  await expect(heading(ana)).toContainText(`${name} final`);
  await rename(ben, `${name} discarded`);
  await expect(dialog).toContainText(`Ana Lima changed the name from “${name} by Ben” to “${name} final”`);
  await dialog.getByRole('button', { name: 'Discard my change' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(heading(ben)).toContainText(`${name} final`);
  await expect(heading(ben)).toBeFocused();

  // Escape is "discard" too.
  await rename(ana, `${name} last`);
  await expect(heading(ana)).toContainText(`${name} last`);
  await rename(ben, `${name} escaped`);
  await expect(dialog).toBeVisible();
  await ben.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(heading(ben)).toContainText(`${name} last`);

  await ben.getByRole('tab', { name: 'History' }).click();
  const changes = ben.getByRole('list', { name: 'Changes' });
  await expect(changes).toContainText(`Ben Okafor changed the name from “${name} by Ana” to “${name} by Ben”`);
  await expect(changes).not.toContainText('discarded');
  await expect(changes).not.toContainText('escaped');
});
