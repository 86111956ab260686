import { expect, test, type Browser, type Page } from '@playwright/test';
import { logIn, USERS } from './support/auth';
import { seriousViolations } from './support/axe';
import { digits } from './support/leads';

// Putting a value back from the lead's history: an edit like any other, so a change someone made
// meanwhile is a conflict to resolve and a refusal is the rule's own. The pages get no live
// updates here (as behind a proxy that drops them), so a change made meanwhile stays unseen.

async function agentPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  await context.route('**/api/live**', (route) => route.abort());
  const page = await context.newPage();
  await logIn(page, email);
  return page;
}

async function newLead(page: Page, name: string, phone: string) {
  await page.goto('/leads/new');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Phone 1', { exact: true }).fill(phone);
  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(heading(page)).toContainText(name);
  await page.waitForLoadState('networkidle');
}

async function rename(page: Page, name: string) {
  await page.getByRole('button', { name: 'Edit name' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(heading(page)).toContainText(name);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const changes = (page: Page) => page.getByRole('list', { name: 'Changes' });

test('an agent puts a previous name back from the history; phones read one way, as typed only in the history', async ({ browser }) => {
  const ana = await agentPage(browser, USERS.agent);
  const name = `Ana Lopez ${digits(5)}`;
  const number = digits(6);
  await newLead(ana, name, `+44 7400 ${number}`);
  await expect(ana.getByRole('button', { name: `Replace phone 07400 ${number}` })).toBeVisible();
  await rename(ana, `${name}-Diaz`);

  await ana.getByRole('tab', { name: 'History' }).click();
  await expect(changes(ana)).toContainText(`with phone 07400 ${number} (typed as +44 7400 ${number})`);
  await ana.setViewportSize({ width: 768, height: 900 });
  expect(await seriousViolations(ana)).toEqual([]);
  await ana.setViewportSize({ width: 1280, height: 900 });
  await ana.getByRole('button', { name: `Restore name “${name}”` }).click();

  await expect(heading(ana)).toHaveText(name);
  await expect(changes(ana)).toContainText(`Ana Lima changed the name from “${name}-Diaz” to “${name}”`);
  // The name it holds now is not offered; the one it just left is.
  await expect(ana.getByRole('button', { name: `Restore name “${name}”` })).toHaveCount(0);
  await expect(ana.getByRole('button', { name: `Restore name “${name}-Diaz”` })).toBeVisible();
  expect(await seriousViolations(ana)).toEqual([]);
});

test('a restore over a change someone made meanwhile opens the conflict dialog instead of overwriting it', async ({ browser }) => {
  const ana = await agentPage(browser, USERS.agent);
  const ben = await agentPage(browser, USERS.otherAgent);
  const name = `Shared Restore ${digits(5)}`;
  await newLead(ana, name, `07400 ${digits(6)}`);
  await rename(ana, `${name} B`);
  const url = ana.url();
  await ana.getByRole('tab', { name: 'History' }).click();

  await ben.goto(url);
  await ben.waitForLoadState('networkidle');
  await rename(ben, `${name} by Ben`);

  await ana.getByRole('button', { name: `Restore name “${name}”` }).click();
  const dialog = ana.getByRole('dialog', { name: 'This lead changed while you were editing' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Ben Okafor changed the name from “${name} B” to “${name} by Ben”`);
  await expect(dialog).toContainText(`Your change: Change the name to “${name}”`);
  expect(await seriousViolations(ana)).toEqual([]);
  await dialog.getByRole('button', { name: 'Discard my change' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(heading(ana)).toHaveText(`${name} by Ben`);
});

test('a restore the rules refuse shows the rule\u2019s words and saves nothing', async ({ browser }) => {
  const ana = await agentPage(browser, USERS.agent);
  const name = `Email Only ${digits(5)}`;
  const number = digits(6);
  const email = `restore.${digits(6)}@example.com`;
  await newLead(ana, name, `07400 ${number}`);
  await ana.getByLabel('Add email').fill(email);
  await ana.getByRole('button', { name: 'Add email', exact: true }).click();
  await expect(ana.getByRole('button', { name: `Remove email ${email}` })).toBeVisible();
  await ana.getByRole('button', { name: `Remove phone 07400 ${number}` }).click();
  await expect(ana.getByRole('region', { name: 'Lead summary' })).toContainText('Version 3,');

  // Taking the email out again would leave the lead with no phone and no email.
  await ana.getByRole('tab', { name: 'History' }).click();
  const restore = ana.getByRole('button', { name: `Remove added email ${email}` });
  await restore.click();
  await expect(restore).toHaveAccessibleDescription('A lead needs at least one phone or email');
  await expect(ana.getByRole('region', { name: 'Lead summary' })).toContainText('Version 3,');
  // The phone it no longer holds can be added back.
  await ana.getByRole('button', { name: `Add back phone 07400 ${number}` }).click();
  await expect(ana.getByRole('region', { name: 'Lead summary' })).toContainText('Version 4,');
  await expect(ana.getByRole('button', { name: `Add back phone 07400 ${number}` })).toHaveCount(0);
});
