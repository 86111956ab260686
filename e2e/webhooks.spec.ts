import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { startReceiver, type Receiver } from '../lib/webhooks/test-receiver';
import { logIn, USERS } from './support/auth';
import { seriousViolations } from './support/axe';
import { createLead, digits } from './support/leads';

let receiver: Receiver;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await receiver.stop();
});

test('an admin registers an endpoint, a lead is converted, and the log shows the signed delivery succeed', async ({ page }) => {
  const name = `Webhook Lead ${digits(6)}`;
  const description = `CRM conversions ${digits(6)}`;
  await logIn(page, USERS.admin);
  await page.goto('/admin/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Register an endpoint' });
  await form.getByLabel('URL').fill('ftp://crm.example.com/hooks');
  await form.getByRole('button', { name: 'Register endpoint' }).click();
  await expect(form.getByLabel('URL')).toHaveAccessibleDescription(/The URL must start with http:\/\/ or https:\/\//);
  await expect(form.getByLabel('URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Choose at least one event type')).toBeVisible();

  await form.getByLabel('URL').fill(receiver.url);
  await form.getByLabel('Description').fill(description);
  await form.getByRole('checkbox', { name: 'StatusChanged' }).check();
  await form.getByLabel('StatusChanged only to').selectOption({ label: 'Converted' });
  await form.getByRole('button', { name: 'Register endpoint' }).click();
  const secret = await page.getByLabel('Signing secret').inputValue();
  expect(secret).toMatch(/^whsec_/);
  expect(await seriousViolations(page)).toEqual([]);
  await expect(page.getByRole('row', { name: new RegExp(description) })).toContainText('StatusChanged to Converted');

  await createLead(page, { name, phone: `07400 ${digits(6)}`, email: `webhook.${digits(6)}@example.com` });
  const leadId = page.url().split('/').pop()!.split('?')[0]!;
  await page.getByLabel('Status', { exact: true }).selectOption('Converted');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('region', { name: 'Lead summary' })).toContainText('Converted');

  await expect.poll(() => receiver.payloads().filter((payload) => payload.data.leadId === leadId).length, { timeout: 20_000 }).toBe(1);
  const message = receiver.received.find((received) => received.body.includes(leadId))!;
  expect(new Webhook(secret).verify(message.body, message.headers)).toMatchObject({ type: 'StatusChanged', data: { leadId, change: { to: 'Converted' } } });

  await page.goto('/admin/webhooks');
  await page.getByRole('link', { name: description }).click();
  await expect(page.getByRole('heading', { level: 1, name: description })).toBeVisible();
  const row = page.getByRole('row', { name: /StatusChanged/ }).first();
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText('Delivered', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText('200');
  await expect(row).toContainText('thanks');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'e2e/screenshots/webhooks.png', fullPage: true });

  await row.getByRole('button', { name: /Replay from here/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'queued to be sent again' })).toBeVisible();
  await expect.poll(() => receiver.payloads().filter((payload) => payload.data.leadId === leadId).length, { timeout: 20_000 }).toBe(2);
  expect(receiver.payloads().filter((payload) => payload.data.leadId === leadId).map((payload) => payload.id)).toEqual([message.headers['webhook-id'], message.headers['webhook-id']]);

  await page.getByRole('button', { name: 'Disable endpoint' }).click();
  await expect(page.getByRole('definition').filter({ hasText: /^Disabled$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Enable endpoint' }).click();
  await expect(page.getByRole('definition').filter({ hasText: /^Enabled$/ })).toBeVisible();
});
