import { expect, test, type Page } from '@playwright/test';
import { logIn, USERS } from './support/auth';
import { seriousViolations } from './support/axe';
import { createLead, digits } from './support/leads';
import { projectionsCaughtUp } from './support/projections';

// A manager finds two leads that are the same person among the lead's possible duplicates, merges
// them, finds the survivor by the merged lead's old phone, and undoes the merge; a merge decided on
// a lead that changed meanwhile is refused.

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const leadIdOf = (page: Page) => new URL(page.url()).pathname.split('/').at(-1)!;

/** Two leads of one person: a very similar name, and the same mailbox name at another address. */
async function twoLeads(page: Page) {
  const tag = digits(6);
  const first = { name: `Jane Doe ${tag}`, phone: `07400 ${digits(6)}`, email: `jane.${tag}@example.com` };
  const second = { name: `Jane Doe ${tag} Smith`, phone: `07401 ${digits(6)}`, email: `jane.${tag}@work.example` };
  await createLead(page, first);
  const survivorId = leadIdOf(page);
  await createLead(page, second);
  return { first, second, survivorId, otherId: leadIdOf(page) };
}

test('a manager merges two leads, finds the survivor by the merged lead’s old phone, and undoes the merge', async ({ page }) => {
  await logIn(page, USERS.manager);
  const { first, second, survivorId, otherId } = await twoLeads(page);

  // The survivor's page names the other lead among its possible duplicates, a step from merging.
  await projectionsCaughtUp(['duplicate-keys']);
  await page.goto(`/leads/${survivorId}`);
  await page.getByText('Possible duplicates: 1').click();
  await expect(page.getByRole('list', { name: 'Possible duplicates' })).toContainText(`${second.name}: Same mailbox name jane.`);
  await page.getByRole('link', { name: `Merge ${second.name} with this lead` }).click();
  await expect(page).toHaveURL(new RegExp(`/leads/${survivorId}/merge\\?with=${otherId}$`));
  await expect(heading(page)).toHaveText(`Merge “${second.name}” into “${first.name}”`);
  expect(await seriousViolations(page)).toEqual([]);
  // The survivor keeps its own name, takes the other's email, and drops the other's phone.
  await page.getByRole('group', { name: 'Name' }).getByRole('radio', { name: first.name, exact: true }).check();
  await page.getByRole('group', { name: 'Phones to keep' }).getByRole('checkbox', { name: second.phone }).uncheck();
  await page.getByRole('button', { name: 'Merge leads' }).click();

  await expect(page).toHaveURL(new RegExp(`/leads/${survivorId}$`));
  await expect(heading(page)).toHaveText(first.name);
  await expect(page.getByText(second.email, { exact: true })).toBeVisible();

  // The merged lead's page leads to the survivor, saying so.
  await page.goto(`/leads/${otherId}`);
  await expect(page).toHaveURL(new RegExp(`/leads/${survivorId}\\?merged=`));
  await expect(page.getByRole('note')).toHaveText(`“${second.name}”, the lead you opened, was merged into this lead.`);
  expect(await seriousViolations(page)).toEqual([]);

  // Search by the phone only the merged lead ever held finds the survivor.
  await projectionsCaughtUp(['search-terms']);
  await page.getByRole('combobox', { name: 'Search leads' }).fill(second.phone.replace(/\D/g, '').slice(-6));
  const matches = page.getByRole('listbox', { name: 'Matching leads' }).getByRole('option');
  await expect(matches).toHaveCount(1);
  await expect(matches.first()).toContainText(first.name);

  // The History tab names the merge; the button undoes it.
  await page.goto(`/leads/${survivorId}?tab=history`);
  await expect(page.getByText(`absorbed “${second.name}”`)).toBeVisible();
  const absorbedHistory = page.getByRole('region', { name: `History of “${second.name}”, merged into this lead` });
  await expect(absorbedHistory).toContainText(`registered the lead “${second.name}”`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: `Undo merge with “${second.name}”` }).click();
  await expect(page.getByRole('button', { name: `Undo merge with “${second.name}”` })).toHaveCount(0);
  await expect(page.getByText(`undid the merge that absorbed “${second.name}”`)).toBeVisible();
  await expect(absorbedHistory).toHaveCount(0);
  await expect(page.getByText(second.email, { exact: true })).toHaveCount(0);
  await page.goto(`/leads/${otherId}`);
  await expect(page).toHaveURL(new RegExp(`/leads/${otherId}$`));
  await expect(heading(page)).toHaveText(second.name);
});

test('a merge decided on a lead that changed meanwhile is refused, naming the change', async ({ page, browser }) => {
  await logIn(page, USERS.manager);
  const { second, survivorId, otherId } = await twoLeads(page);
  await page.goto(`/leads/${survivorId}/merge?with=${otherId}`);
  await page.waitForLoadState('networkidle');

  // Meanwhile an agent (who may not merge leads) renames the other lead.
  const agent = await (await browser.newContext()).newPage();
  await logIn(agent, USERS.agent);
  await agent.goto(`/leads/${survivorId}/merge?with=${otherId}`);
  await expect(agent.getByRole('heading', { name: 'Not for your role' })).toBeVisible();
  await agent.goto(`/leads/${otherId}`);
  await agent.getByRole('button', { name: 'Edit name' }).click();
  await agent.getByRole('textbox', { name: 'Name', exact: true }).fill(`${second.name} Jr`);
  await agent.getByRole('button', { name: 'Save name' }).click();
  await expect(heading(agent)).toHaveText(`${second.name} Jr`);

  await page.getByRole('button', { name: 'Merge leads' }).click();
  const dialog = page.getByRole('dialog', { name: 'A lead changed while you were merging' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Ana Lima changed the name from “${second.name}” to “${second.name} Jr”`);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'See the leads as they are now' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Name' }).getByRole('radio', { name: `${second.name} Jr` })).toBeVisible();

  // Nothing was merged: the other lead still has a page of its own.
  await page.goto(`/leads/${otherId}`);
  await expect(page).toHaveURL(new RegExp(`/leads/${otherId}$`));
});
