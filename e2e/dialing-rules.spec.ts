// The Dialing settings page: a manager changes the calling hours and a disposition and sees them
// saved and in each section's history; a bad value is named next to its field and nothing is
// stored; a stale edit of the same section shows who changed it, one of another section merges;
// an agent gets the 403 page. In a call center of its own: the rules it changes are nobody else's.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { logIn } from './support/auth';
import { openCallCenter } from './support/call-center';
import { seriousViolations } from './support/axe';

test.describe.configure({ mode: 'serial' });

// Mutable so that the hook below fills it; read-only to the tests.
let USERS = { manager: '', admin: '', agent: '' };

test.beforeAll(async () => {
  ({ emails: USERS } = await openCallCenter('Rules', {
    manager: { name: 'Maria Rossi', role: 'manager' }, admin: { name: 'Adam Walker', role: 'admin' }, agent: { name: 'Ana Lima', role: 'agent' },
  }));
});

const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low + 1));

async function openDialing(page: Page, email: string) {
  await logIn(page, email);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dialing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dialing rules' })).toBeVisible();
}

test('a manager changes the calling hours and a disposition, and sees them saved and in the history', async ({ page }) => {
  await openDialing(page, USERS.manager);
  expect(await seriousViolations(page)).toEqual([]);

  const hours = page.getByRole('region', { name: 'Calling hours' });
  const to = `20:${between(10, 59)}`;
  await hours.getByRole('checkbox', { name: 'Sat' }).uncheck();
  await hours.getByLabel('From', { exact: true }).fill('09:00');
  await hours.getByLabel('To', { exact: true }).fill(to);
  await hours.getByRole('button', { name: 'Save calling hours' }).click();
  await expect(hours.getByRole('status')).toHaveText('Calling hours saved.');
  const hoursHistory = hours.getByRole('list', { name: 'History of the calling hours' });
  await expect(hoursHistory.getByRole('listitem').first()).toContainText(new RegExp(`Maria Rossi: .+ → Mon–Fri 09:00–${to}$`));

  const dispositions = page.getByRole('region', { name: 'Dispositions' });
  const voicemail = dispositions.getByRole('group', { name: 'Voicemail' });
  const label = `Left a voicemail ${randomUUID().slice(0, 6)}`;
  const retry = String(between(100, 200));
  await voicemail.getByLabel('Retry after (minutes)').fill(retry);
  await voicemail.getByLabel('Label').fill(label);
  await dispositions.getByRole('button', { name: 'Save dispositions' }).click();
  await expect(dispositions.getByRole('status')).toHaveText('Dispositions saved.');
  await expect(dispositions.getByRole('list', { name: 'History of the dispositions' }).getByRole('listitem').first())
    .toContainText(`renamed ${label}; ${label} now retries after ${retry} min, at most 4 times`);

  // Stored: a fresh page shows them.
  await page.reload();
  await expect(hours.getByLabel('To', { exact: true })).toHaveValue(to);
  await expect(hours.getByRole('checkbox', { name: 'Sat' })).not.toBeChecked();
  await expect(dispositions.getByRole('group', { name: label }).getByLabel('Retry after (minutes)')).toHaveValue(retry);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a bad value is named next to its field, and nothing is stored', async ({ page }) => {
  await openDialing(page, USERS.manager);
  const hours = page.getByRole('region', { name: 'Calling hours' });
  const changes = await hours.getByRole('listitem').count();
  const savedFrom = await hours.getByLabel('From', { exact: true }).inputValue();
  await hours.getByLabel('From', { exact: true }).fill('21:00');
  await hours.getByLabel('To', { exact: true }).fill('08:00');
  await hours.getByRole('button', { name: 'Save calling hours' }).click();
  await expect(hours.getByLabel('To', { exact: true })).toHaveAccessibleDescription(/Calls must start before they end/);
  await expect(hours.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'e2e/screenshots/dialing.png', fullPage: true });

  const attempts = page.getByRole('region', { name: 'Attempt limits' });
  const attemptChanges = await attempts.getByRole('listitem').count();
  await attempts.getByLabel('Calls a day').fill('0');
  await attempts.getByRole('button', { name: 'Save attempt limits' }).click();
  await expect(attempts.getByLabel('Calls a day')).toHaveAccessibleDescription(/Must be 1 or more/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(hours.getByLabel('From', { exact: true })).toHaveValue(savedFrom);
  await expect(hours.getByRole('listitem')).toHaveCount(changes);
  await expect(attempts.getByRole('listitem')).toHaveCount(attemptChanges);
});

test('a stale edit of another section merges; of the same section, it shows who changed it first', async ({ browser }) => {
  const [maria, adam] = [await (await browser.newContext()).newPage(), await (await browser.newContext()).newPage()];
  await openDialing(maria, USERS.manager);
  await openDialing(adam, USERS.admin);
  const [adamMinutes, mariaMinutes] = [String(between(10, 30)), String(between(31, 60))];
  // Maria starts changing the claim time; Adam saves a claim time meanwhile.
  const claim = maria.getByRole('region', { name: 'Claim time' });
  await claim.getByLabel('Minutes').fill(mariaMinutes);
  const adamClaim = adam.getByRole('region', { name: 'Claim time' });
  await adamClaim.getByLabel('Minutes').fill(adamMinutes);
  await adamClaim.getByRole('button', { name: 'Save claim time' }).click();
  await expect(adamClaim.getByRole('status')).toHaveText('Claim time saved.');

  // Maria's page is older than Adam's change: another section saves on top of it, and her draft stays.
  const attempts = maria.getByRole('region', { name: 'Attempt limits' });
  await attempts.getByLabel('Calls in all').fill(String(between(21, 400)));
  await attempts.getByRole('button', { name: 'Save attempt limits' }).click();
  await expect(attempts.getByRole('status')).toHaveText('Attempt limits saved.');
  await expect(claim.getByLabel('Minutes')).toHaveValue(mariaMinutes);

  // Saving her claim time collides with Adam's.
  await claim.getByRole('button', { name: 'Save claim time' }).click();
  const dialog = maria.getByRole('dialog', { name: 'The claim time changed while you were editing' });
  await expect(dialog).toContainText(new RegExp(`Adam Walker: \\d+ minutes → ${adamMinutes} minutes`));
  expect(await seriousViolations(maria)).toEqual([]);
  await dialog.getByRole('button', { name: 'Apply my change anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(claim.getByRole('status')).toHaveText('Claim time saved.');
  await expect(claim.getByRole('listitem').first()).toContainText(`Maria Rossi: ${adamMinutes} minutes → ${mariaMinutes} minutes`);
});

test('an agent has no link to the page, and gets the 403 page', async ({ page }) => {
  await logIn(page, USERS.agent);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dialing' })).toHaveCount(0);
  const response = await page.goto('/dialing');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not for your role' })).toBeVisible();
});
