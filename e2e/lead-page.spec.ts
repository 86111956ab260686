import { expect, type Page } from '@playwright/test';
import { test } from './support/agent-test';
import { logIn, USERS } from './support/auth';
import { seriousViolations } from './support/axe';
import { createLead, digits } from './support/leads';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const header = (page: Page) => page.getByRole('region', { name: 'Lead summary' });

test('the history tells who changed what, and time travel shows the lead as it was', async ({ page }) => {
  const first = `Time Traveller ${digits(5)}`;
  const renamed = `${first} Jr`;
  const phone = `07400 ${digits(6)}`;
  const [oldEmail, newEmail] = [`tt.${digits(6)}@example.com`, `tt.${digits(6)}@work.example`];
  await createLead(page, { name: first, phone, email: oldEmail });

  // A moment after the registration and before any change, to the second.
  const moment = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000);
  await page.waitForTimeout(moment.getTime() - Date.now() + 300);

  await page.getByRole('button', { name: 'Edit name' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(renamed);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(renamed);
  await page.getByRole('button', { name: `Replace email ${oldEmail}` }).click();
  await page.getByLabel(`New email instead of ${oldEmail}`).fill(newEmail);
  await page.getByRole('button', { name: 'Save email' }).click();
  await expect(page.getByRole('button', { name: `Remove email ${newEmail}` })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('FollowUp');
  await page.getByLabel('Follow-up date (UTC)').fill('2030-11-24T10:00');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(header(page)).toContainText('Callback: 24 Nov 2030, 10:00 UTC');
  await page.getByLabel('Owner').selectOption({ label: 'Ben Okafor' });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(header(page)).toContainText('Owner: Ben Okafor');
  await page.getByLabel('Call outcome').selectOption({ label: 'Voicemail' });
  await page.getByLabel('Call notes').fill('Wants a quote');
  await page.getByRole('button', { name: 'Record call' }).click();
  await page.getByLabel('Note', { exact: true }).fill('Prefers mornings');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(header(page)).toContainText('Version 10,'); // the voicemail's retry is an event of its own
  await page.screenshot({ path: 'e2e/screenshots/lead.png', fullPage: true });

  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page).toHaveURL(/tab=history/);
  const lines = page.getByRole('list', { name: 'Changes' }).getByRole('listitem');
  await expect(lines).toHaveText([
    /Ana Lima added a note: “Prefers mornings”$/,
    /Ana Lima recorded a call to .+: Voicemail \(“Wants a quote”\) and scheduled another try from .+ UTC \(voicemail, 1 of 4\)$/,
    /Ana Lima reassigned the lead from Ana Lima to Ben OkaforRestore$/, // each changed field offers its previous value back
    /Ana Lima set the status to Follow-up \(callback 24 Nov 2030, 10:00\) from AvailableRestore$/,
    new RegExp(`Ana Lima changed the email from ${escape(oldEmail)} to ${escape(newEmail)}Restore$`),
    new RegExp(`Ana Lima changed the name from “${first}” to “${renamed}”Restore$`),
    new RegExp(`Ana Lima registered the lead “${first}” with phone ${phone} and email ${escape(oldEmail)} \\(source: phone call, assigned to Ana Lima\\)$`),
  ]);

  // Time travel to the moment between registration and the first change.
  await page.getByLabel('Moment (UTC)').fill(moment.toISOString().slice(0, 19));
  await page.getByRole('button', { name: 'Show the lead then' }).click();
  const then = page.getByRole('region', { name: 'The lead then' });
  await expect(then).toContainText('(version 1)');
  await expect(then.getByRole('definition')).toContainText([first, phone, oldEmail, 'Available', 'none', 'Ana Lima', 'phone call']);
  await expect(then.getByRole('list', { name: 'Changed since then' }).getByRole('listitem')).toHaveText([
    `Name: “${first}” → “${renamed}”`,
    `Emails: added ${newEmail}; removed ${oldEmail}`,
    'Status: Available → Follow-up',
    'Callback: none → 24 Nov 2030, 10:00 UTC',
    'Owner: Ana Lima → Ben Okafor',
  ]);

  // Each time in the history opens the lead as it was right after that change.
  await page.getByRole('list', { name: 'Changes' }).getByRole('listitem').filter({ hasText: 'changed the name' }).getByRole('link').click();
  await expect(then).toContainText('(version 2)');
  await expect(then.getByRole('definition').first()).toHaveText(renamed);
  await page.screenshot({ path: test.info().outputPath('history.png'), fullPage: true });
  await page.getByRole('link', { name: 'Back to now' }).click();
  await expect(then).toHaveCount(0);

  // The status history read model catches up a moment later.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('region', { name: 'Status periods' }).getByRole('rowheader', { name: 'Follow-up' })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});

test('an unknown lead and another call center\'s lead are both "not found"', async ({ page, browser }) => {
  const unknown = await page.goto('/leads/00000000-0000-4000-8000-000000000000');
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Lead not found' })).toBeVisible();

  await createLead(page, { name: `Northwind Only ${digits(5)}`, phone: `07400 ${digits(6)}`, email: `nw.${digits(6)}@example.com` });
  const sam = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await logIn(sam, USERS.otherTenantAgent);
  const foreign = await sam.goto(page.url());
  expect(foreign?.status()).toBe(404);
  await expect(sam.getByRole('heading', { name: 'Lead not found' })).toBeVisible();
  await expect(sam.getByText('Northwind Only')).toHaveCount(0);
});

test('the lead page and the new lead form have no serious accessibility problems, at 1280 and 768 px', async ({ page }) => {
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/leads/new');
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), `new lead form at ${width} px`).toEqual([]);
    await page.getByRole('button', { name: 'Create lead' }).click();
    await expect(page.getByRole('form', { name: 'New lead' }).getByRole('alert')).toBeVisible();
    expect(await seriousViolations(page), `new lead form with errors at ${width} px`).toEqual([]);
  }

  await createLead(page, { name: `Accessible Lead ${digits(5)}`, phone: `07400 ${digits(6)}`, email: `a11y.${digits(6)}@example.com` });
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await seriousViolations(page), `lead details at ${width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(width);
    await page.getByRole('tab', { name: 'History' }).click();
    expect(await seriousViolations(page), `lead history at ${width} px`).toEqual([]);
    await page.getByRole('tab', { name: 'Details' }).click();
  }
  await page.screenshot({ path: test.info().outputPath('lead-768.png'), fullPage: true });
});
