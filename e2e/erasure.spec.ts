import { expect, test, type Page } from '@playwright/test';
import { logIn, USERS } from './support/auth';
import { seriousViolations } from './support/axe';
import { createLead, digits } from './support/leads';
import { projectionsCaughtUp } from './support/projections';

// A manager erases a person's data from a lead (confirmed twice): the page shows [erased], search by
// the old phone finds nothing, and the lead keeps its status. An agent is not offered the erasure.

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('a manager erases a lead\u2019s personal data; the page shows [erased], the old phone finds nothing, the status stays', async ({ page }) => {
  await logIn(page, USERS.manager);
  const person = { name: `Erika Vance ${digits(6)}`, phone: `07402 ${digits(6)}`, email: `erika.${digits(6)}@example.com` };
  await createLead(page, person);
  const leadUrl = page.url();
  await page.getByLabel('Status', { exact: true }).selectOption('Closed');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('region', { name: 'Lead summary' })).toContainText('Closed');

  await page.getByRole('button', { name: 'Erase personal data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase this person’s data' });
  expect(await seriousViolations(page)).toEqual([]);
  // First confirmation: a reason is required.
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByLabel(/Reason/)).toBeFocused();
  await dialog.getByLabel(/Reason/).fill('Asked to be forgotten, ticket 4411');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  // Second confirmation: nothing is erased until ERASE is typed.
  const erase = dialog.getByRole('button', { name: 'Erase for good' });
  await expect(erase).toBeDisabled();
  await dialog.getByLabel('Type ERASE to erase the data for good').fill('erase');
  await expect(erase).toBeDisabled();
  await dialog.getByLabel('Type ERASE to erase the data for good').fill('ERASE');
  expect(await seriousViolations(page)).toEqual([]);
  await erase.click();
  await expect(dialog).toHaveCount(0);

  await expect(heading(page)).toHaveText('[erased]');
  await expect(page.getByRole('note')).toHaveText('This person’s data was erased: the lead keeps its status and dates only.');
  await expect(page.getByRole('region', { name: 'Lead summary' })).toContainText('Closed');
  await expect(page.getByText(person.email)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Erase personal data…' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`${leadUrl}?tab=history`);
  await expect(page.getByText('erased the person’s data (“Asked to be forgotten, ticket 4411”)')).toBeVisible();
  await expect(page.getByText(person.name)).toHaveCount(0);

  await projectionsCaughtUp(['search-terms']);
  const fragment = person.phone.replace(/\D/g, '').slice(-6);
  await page.getByRole('combobox', { name: 'Search leads' }).fill(fragment);
  await expect(page.getByText(`No lead matches “${fragment}”.`)).toBeVisible();
});

test('an agent is not offered the erasure', async ({ page }) => {
  await logIn(page, USERS.agent);
  await createLead(page, { name: `Not Erased ${digits(6)}`, phone: `07403 ${digits(6)}`, email: `kept.${digits(6)}@example.com` });
  await expect(heading(page)).toContainText('Not Erased');
  await expect(page.getByRole('button', { name: 'Erase personal data…' })).toHaveCount(0);
});
