import { expect, type Page } from '@playwright/test';
import { test } from './support/agent-test';
import { digits } from './support/leads';
import { projectionsCaughtUp } from './support/projections';

// Bad input on the lead forms: each message next to its field, no server error, nothing stored.

/** Fails the test on any 5xx answer. */
function noServerErrors(page: Page) {
  const failures: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) failures.push(`${response.status()} ${response.url()}`);
  });
  return () => expect(failures).toEqual([]);
}

async function searchFinds(page: Page, text: string): Promise<string[]> {
  await projectionsCaughtUp(['search-terms']);
  const found = (await (await page.request.get(`/api/search?q=${encodeURIComponent(text)}`)).json()) as { results: { name: string }[] };
  return found.results.map((result) => result.name);
}

test('the new lead form says what is wrong next to each field and stores nothing until all is right', async ({ page }) => {
  const checkServer = noServerErrors(page);
  await page.goto('/leads/new');
  await page.waitForLoadState('networkidle');
  const name = page.getByLabel('Name', { exact: true });
  const create = page.getByRole('button', { name: 'Create lead' });

  await page.getByLabel('Phone 1', { exact: true }).fill('12ab');
  await page.getByLabel('Email 1', { exact: true }).fill('not-an-email');
  await create.click();
  await expect(page.getByRole('form', { name: 'New lead' }).getByRole('alert')).toContainText('The lead was not saved');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Name is required');
  await expect(name).toBeFocused();
  await expect(page.getByLabel('Phone 1', { exact: true })).toHaveAccessibleDescription('"12ab" is not a valid phone number');
  await expect(page.getByLabel('Email 1', { exact: true })).toHaveAccessibleDescription('"not-an-email" is not a valid email address');

  // A blank row is skipped: the bad number in row 3 is the second phone sent, and is marked in row 3.
  const leadName = `Careful Typist ${digits(5)}`;
  const phone = `07400 ${digits(6)}`;
  await name.fill(leadName);
  await page.getByLabel('Phone 1', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Add another phone' }).click();
  await expect(page.getByLabel('Phone 2', { exact: true })).toBeFocused();
  await page.getByLabel('Phone 2', { exact: true }).fill(phone);
  await page.getByRole('button', { name: 'Add another phone' }).click();
  await page.getByLabel('Phone 3', { exact: true }).fill('0740');
  await create.click();
  await expect(page.getByLabel('Phone 3', { exact: true })).toHaveAccessibleDescription('"0740" is not a valid phone number');
  await expect(page.getByLabel('Phone 2', { exact: true })).not.toHaveAttribute('aria-invalid');
  await expect(name).not.toHaveAttribute('aria-invalid');
  await expect(page.getByLabel('Email 1', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/leads\/new$/);

  // No phone and no email at all.
  await page.getByRole('button', { name: 'Remove phone 3' }).click();
  await page.getByLabel('Phone 2', { exact: true }).fill('');
  await page.getByLabel('Email 1', { exact: true }).fill('');
  await create.click();
  await expect(page.getByRole('group', { name: 'Phones' })).toContainText('Give at least one phone or email');

  // All right at last: one lead, registered once, with what was finally typed.
  await page.getByLabel('Phone 2', { exact: true }).fill(phone);
  await page.getByLabel('Email 1', { exact: true }).fill(`careful.${digits(6)}@example.com`);
  await create.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(leadName);
  await expect(page.getByRole('button', { name: `Replace phone ${phone}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lead summary' })).toContainText('Version 1,');
  expect(await searchFinds(page, leadName)).toEqual([leadName]);
  checkServer();
});

test('a lead form given up on with errors leaves nothing behind', async ({ page }) => {
  const checkServer = noServerErrors(page);
  const leadName = `Never Saved ${digits(5)}`;
  await page.goto('/leads/new');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Name', { exact: true }).fill(leadName);
  await page.getByLabel('Email 1', { exact: true }).fill('never@saved');
  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByLabel('Email 1', { exact: true })).toHaveAccessibleDescription('"never@saved" is not a valid email address');
  expect(await searchFinds(page, leadName)).toEqual([]);
  checkServer();
});

test('on the lead page, Follow-up without a date, a past date, a blank name or a bad phone are refused in place', async ({ page }) => {
  const checkServer = noServerErrors(page);
  const leadName = `Picky Lead ${digits(5)}`;
  await page.goto('/leads/new');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Name', { exact: true }).fill(leadName);
  await page.getByLabel('Email 1', { exact: true }).fill(`picky.${digits(6)}@example.com`);
  await page.getByRole('button', { name: 'Create lead' }).click();
  const header = page.getByRole('region', { name: 'Lead summary' });
  await expect(header).toContainText('Version 1,');
  await page.waitForLoadState('networkidle');

  await page.getByLabel('Status', { exact: true }).selectOption('FollowUp');
  const date = page.getByLabel('Follow-up date (UTC)');
  await expect(date).toBeVisible();
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(date).toHaveAccessibleDescription('Follow-up needs a follow-up date');
  await expect(date).toHaveAttribute('aria-invalid', 'true');

  await date.fill('2020-01-01T10:00');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(date).toHaveAccessibleDescription('The follow-up date must be in the future');

  await page.getByRole('button', { name: 'Edit name' }).click();
  const nameInput = page.getByRole('textbox', { name: 'Name', exact: true });
  await nameInput.fill('   ');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(nameInput).toHaveAccessibleDescription('Name is required');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByLabel('Add phone').fill('555');
  await page.getByRole('button', { name: 'Add phone' }).click();
  await expect(page.getByLabel('Add phone')).toHaveAccessibleDescription('"555" is not a valid phone number');

  // Nothing was stored: still Available at version 1, with only its registration in the history.
  await page.reload();
  await expect(header).toContainText('Available');
  await expect(header).toContainText('Version 1,');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('list', { name: 'Changes' }).getByRole('listitem')).toHaveCount(1);
  checkServer();
});

test('a phone or email another lead already holds is flagged with a link to that lead, but not refused', async ({ page }) => {
  const holder = `First Holder ${digits(5)}`;
  const number = digits(6);
  const email = `holder.${digits(6)}@example.com`;
  await page.goto('/leads/new');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Name', { exact: true }).fill(holder);
  await page.getByLabel('Phone 1', { exact: true }).fill(`07400 ${number}`);
  await page.getByLabel('Email 1', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(holder);
  const holderUrl = page.url();
  await searchFinds(page, holder); // the warning reads the search index: let it catch up

  const second = `Second Holder ${digits(5)}`;
  await page.goto('/leads/new');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Name', { exact: true }).fill(second);
  await page.getByLabel('Phone 1', { exact: true }).fill(`+44 7400 ${number.slice(0, 3)} ${number.slice(3)}`);
  await page.getByLabel('Email 1', { exact: true }).fill(email.toUpperCase());
  const phoneWarning = page.getByRole('group', { name: 'Phones' }).getByRole('status');
  await expect(phoneWarning).toHaveText(`Already on ${holder} (opens in a new tab)`);
  await expect(phoneWarning.getByRole('link')).toHaveAttribute('href', new URL(holderUrl).pathname);
  await expect(page.getByLabel('Email 1', { exact: true })).toHaveAccessibleDescription(`Already on ${holder} (opens in a new tab)`);

  await page.getByRole('button', { name: 'Create lead' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(second);
});
