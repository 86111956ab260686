import { expect, test } from '@playwright/test';
import { logIn, USERS } from './support/auth';
import { createLead, digits } from './support/leads';
import { projectionsCaughtUp } from './support/projections';

// One agent's day with a lead: register it, correct its phone, find it again by the OLD number
// typed another way, update it and schedule the callback that then shows in the queue.

test('an agent finds a lead by its previous phone typed another way, updates it and sees the callback in the queue', async ({ page }) => {
  const number = digits(6);
  const oldPhone = `07400 ${number}`;
  const newPhone = `07400 ${digits(6)}`;
  const name = `Flow Tester ${digits(5)}`;
  const oldEmail = `flow.${number}@example.com`;
  const newEmail = `flow.${number}@work.example`;

  await logIn(page, USERS.agent);
  await createLead(page, { name, phone: oldPhone, email: oldEmail });

  // The phone changes: the old number becomes a previous phone of the lead.
  await page.getByRole('button', { name: `Replace phone ${oldPhone}` }).click();
  await page.getByLabel(`New phone instead of ${oldPhone}`).fill(newPhone);
  await page.getByRole('button', { name: 'Save phone' }).click();
  await expect(page.getByRole('button', { name: `Replace phone ${newPhone}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Replace phone ${oldPhone}` })).toHaveCount(0);

  // Found by a fragment of the old number in international format (stored as typed: 07400 …).
  // The search index is updated by the app server's projector, a moment after each change.
  await projectionsCaughtUp(['search-terms']);
  await page.getByLabel('Search leads').fill(`+44 7400 ${number.slice(0, 4)}`);
  const hit = page.getByRole('listbox', { name: 'Matching leads' }).getByRole('option').filter({ hasText: name });
  await expect(hit).toContainText(new RegExp(`previous phone ${oldPhone}, changed .+ by Ana Lima`));
  await hit.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await page.waitForLoadState('networkidle');

  // A new email address replaces the old one.
  await page.getByRole('button', { name: `Replace email ${oldEmail}` }).click();
  await page.getByLabel(`New email instead of ${oldEmail}`).fill(newEmail);
  await page.getByRole('button', { name: 'Save email' }).click();
  await expect(page.getByRole('button', { name: `Replace email ${newEmail}` })).toBeVisible();

  // Follow-up in a few minutes: due today, so it is in the callback queue.
  const callback = new Date(Date.now() + 5 * 60_000).toISOString().slice(0, 16);
  await page.getByLabel('Status', { exact: true }).selectOption('FollowUp');
  await page.getByLabel('Follow-up date (UTC)').fill(callback);
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('region', { name: 'Lead summary' })).toContainText('Status: Follow-up');

  await page.getByRole('tab', { name: 'History' }).click();
  const changes = page.getByRole('list', { name: 'Changes' });
  await expect(changes).toContainText(`Ana Lima changed the phone from ${oldPhone} to ${newPhone}`);
  await expect(changes).toContainText(`Ana Lima changed the email from ${oldEmail} to ${newEmail}`);
  await expect(changes).toContainText('Ana Lima set the status to Follow-up (callback');

  await page.goto('/queue');
  await expect(page.getByRole('heading', { name: 'Callbacks' })).toBeVisible();
  await expect(page.getByRole('link', { name })).toBeVisible();
});
