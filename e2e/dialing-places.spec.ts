// Where a lead may be called, in the browser, in a call center of its own: a number a manager puts
// on the do-not-call list is never offered and its lead says since when and by whom; a New York
// number is called in New York's hours (read from its phone number), with the tenant's override for
// New York State. Time passes by the test saying it (X-Leadstream-Now), never by waiting.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { executeLeadCommand } from '../lib/commands/lead-commands';
import { seriousViolations } from './support/axe';
import { logIn } from './support/auth';
import { openCallCenter, sayTime } from './support/call-center';

test.describe.configure({ mode: 'serial' });

// A Wednesday at 10:00 in London, 05:00 in New York.
const T0 = Date.parse('2026-03-04T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const leads = { listed: randomUUID(), york: randomUUID(), open: randomUUID() };
let agentEmail = '';
let managerEmail = '';

test.beforeAll(async () => {
  const center = await openCallCenter('Places', { agent: { name: 'Pat Places', role: 'agent' }, manager: { name: 'Mo Manager', role: 'manager' } }, async ({ store, dialing }, tenantId) => {
    const register = (leadId: string, name: string, phone: string, minutes: number) =>
      executeLeadCommand(store, { tenantId, actorId: 'importer', region: 'GB', now: at(minutes), dialing }, { type: 'RegisterLead', data: { leadId, name, phones: [phone] } });
    // Oldest first: each would come before the next if it could be called.
    await register(leads.listed, 'Lia Listed', '07911 410001', -300);
    await register(leads.york, 'Uma York', '+1 212 555 0143', -200);
    await register(leads.open, 'Ola Open', '07911 410003', -100);
  });
  ({ agent: agentEmail, manager: managerEmail } = center.emails);
});

const atTime = (page: Page, minutes: number) => sayTime(page, at(minutes));

test('a number on the do-not-call list is never offered, and its lead says since when and who added it', async ({ browser }) => {
  const manager = await (await browser.newContext()).newPage();
  await logIn(manager, managerEmail);
  // New York State's hours start later than the tenant's (used by the next test).
  await manager.goto('/dialing');
  const byRegion = manager.getByRole('region', { name: 'Hours by region' });
  await byRegion.getByRole('button', { name: 'Add a region' }).click();
  await byRegion.getByRole('group', { name: 'New region' }).getByLabel('Region').fill('US-NY');
  await byRegion.getByRole('group', { name: 'US-NY' }).getByLabel('From', { exact: true }).fill('09:00');
  await byRegion.getByRole('button', { name: 'Save hours by region' }).click();
  await expect(byRegion.getByRole('status')).toHaveText('Hours by region saved.');

  await manager.goto('/do-not-call');
  const form = manager.getByRole('form', { name: 'Block a number' });
  await form.getByLabel('Phone number').fill('07911 410001');
  await form.getByLabel('Reason').fill('On the national register');
  await form.getByRole('button', { name: 'Block number' }).click();
  await expect(form.getByRole('status')).toContainText('is on the do-not-call list');
  await manager.context().close();

  const agent = await (await browser.newContext()).newPage();
  await logIn(agent, agentEmail);
  await atTime(agent, 0);
  await agent.getByRole('button', { name: 'Next lead' }).click();
  await expect(agent).toHaveURL(new RegExp(`/leads/${leads.open}$`));

  await agent.goto(`/leads/${leads.listed}`);
  const calling = agent.getByRole('region', { name: 'Calling' });
  await expect(calling.getByRole('status')).toHaveText(/^Not callable now/);
  await expect(calling.getByRole('list', { name: 'Why not' })).toHaveText(/^07911 410001 is on the do-not-call list since \d+ \w+, added by Mo Manager \(On the national register\)$/);
  await expect(calling).toContainText('Not until someone changes what stands in the way.');
  await expect(calling.getByRole('link', { name: /^Call / })).toHaveCount(0);
  expect(await seriousViolations(agent)).toEqual([]);
  await agent.screenshot({ path: 'e2e/screenshots/dialing-blocked.png', fullPage: true });
  await agent.context().close();
});

test('a New York number is called in New York\u2019s hours, read from the number, with the override for the state', async ({ page }) => {
  await logIn(page, agentEmail);
  await atTime(page, 0);
  await page.goto(`/leads/${leads.york}`);
  const calling = page.getByRole('region', { name: 'Calling' });
  await expect(calling.getByRole('status')).toHaveText('Not callable now · 05:00 in America/New_York');
  await expect(calling.getByRole('list', { name: 'Why not' })).toHaveText('outside calling hours: 05:00 in America/New_York, opens 09:00');
  await expect(calling).toContainText('Next possible: Wed 4 Mar, 09:00 (America/New_York)');
  await page.screenshot({ path: 'e2e/screenshots/dialing-new-york.png', fullPage: true });

  // 09:00 in New York.
  await atTime(page, 4 * 60);
  await page.goto(`/leads/${leads.york}`);
  await expect(calling.getByRole('status')).toHaveText('Callable now · 09:00 in America/New_York');
  await expect(calling.getByRole('link', { name: 'Call +1 212 555 0143' })).toHaveAttribute('href', 'tel:+12125550143');
});
