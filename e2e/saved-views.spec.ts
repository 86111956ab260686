// Saved views of the lead list, in a call center of its own: a manager saves the list (filters, sort
// and columns) as a view (a missing or taken name is refused next to the field), opens it again, shares it; an agent of
// the organisation sees it, opens it, and cannot change it.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { executeLeadCommand } from '../lib/commands/lead-commands';
import { logIn } from './support/auth';
import { seriousViolations } from './support/axe';
import { openCallCenter } from './support/call-center';
import { digits } from './support/leads';

test.describe.configure({ mode: 'serial' });

let emails = { manager: '', agent: '' };
const suffix = randomUUID().slice(0, 6);

test.beforeAll(async () => {
  const center = await openCallCenter('Views', { manager: { name: 'Mina Manager', role: 'manager' }, agent: { name: 'Aldo Agent', role: 'agent' } }, async ({ store, dialing }, tenantId) => {
    for (const [name, status] of [[`Zoe Later ${suffix}`, 'FollowUp'], [`Ada First ${suffix}`, 'FollowUp'], [`Max Closed ${suffix}`, 'Closed']] as const) {
      const leadId = randomUUID();
      const context = { tenantId, actorId: 'importer', region: 'GB' as const, now: new Date(), dialing };
      await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name, phones: [`07911 ${digits(6)}`], source: 'list' } });
      await executeLeadCommand(store, context, {
        type: 'ChangeStatus', leadId, data: { status, followUpAt: status === 'FollowUp' ? new Date(Date.now() + 86_400_000).toISOString() : null },
      });
    }
  });
  emails = center.emails;
});

const table = (page: Page) => page.getByRole('table', { name: /^Leads, sorted by/ });
const names = (page: Page) => table(page).getByRole('row').filter({ has: page.getByRole('cell') }).getByRole('link');

async function openViews(page: Page) {
  await page.getByText(/^Saved views \(\d+\)$/).click();
  return page.getByRole('region', { name: 'Saved views' });
}

async function asAgent(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, emails.agent);
  return page;
}

test('a manager saves the list as a view and opens it again', async ({ page }) => {
  await logIn(page, emails.manager);
  await page.goto('/leads?sort=name&status=FollowUp');
  await expect(names(page)).toHaveText([`Ada First ${suffix}`, `Zoe Later ${suffix}`]);
  await page.getByRole('group', { name: 'Columns' }).getByRole('checkbox', { name: 'Emails' }).uncheck();
  await expect(page).toHaveURL(/\/leads\?sort=name&status=FollowUp&hide=emails$/);
  await expect(table(page).getByRole('columnheader', { name: 'Emails' })).toHaveCount(0);
  const views = await openViews(page);
  await expect(views).toContainText('None yet');

  await views.getByRole('button', { name: 'Save view' }).click();
  const name = views.getByLabel('View name');
  await expect(name).toHaveAccessibleDescription('Name is required');
  await name.fill('Callbacks A to Z');
  await views.getByRole('button', { name: 'Save view' }).click();
  await expect(views.getByRole('status')).toHaveText('Saved “Callbacks A to Z”.');
  await expect(views.getByRole('link', { name: 'Callbacks A to Z' })).toHaveAttribute('aria-current', 'true');

  await name.fill('callbacks a to z');
  await views.getByRole('button', { name: 'Save view' }).click();
  await expect(name).toHaveAccessibleDescription('You already have a view called callbacks a to z');
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/leads');
  await expect(names(page)).toHaveCount(3);
  await expect(table(page).getByRole('columnheader', { name: 'Emails' })).toBeVisible();
  await (await openViews(page)).getByRole('link', { name: 'Callbacks A to Z' }).click();
  await expect(page).toHaveURL(/\/leads\?sort=name&status=FollowUp&hide=emails$/);
  await expect(names(page)).toHaveText([`Ada First ${suffix}`, `Zoe Later ${suffix}`]);
  await expect(table(page).getByRole('columnheader', { name: 'Emails' })).toHaveCount(0);
});

test('shared by the manager, an agent opens the view but cannot change it', async ({ page, browser }) => {
  const agent = await asAgent(browser);
  await agent.goto('/leads');
  await expect(await openViews(agent)).not.toContainText('Callbacks A to Z');

  await logIn(page, emails.manager);
  await page.goto('/leads');
  const views = await openViews(page);
  await views.getByRole('button', { name: 'Share Callbacks A to Z' }).click();
  await expect(views.getByRole('button', { name: 'Stop sharing Callbacks A to Z' })).toBeVisible();

  await agent.reload();
  const shared = await openViews(agent);
  await expect(shared.getByRole('list', { name: 'Shared with you' })).toContainText('Callbacks A to Z by Mina Manager');
  await expect(shared.getByRole('button', { name: /Callbacks A to Z/ })).toHaveCount(0);
  expect(await seriousViolations(agent)).toEqual([]);
  await shared.getByRole('link', { name: 'Callbacks A to Z' }).click();
  await expect(agent).toHaveURL(/\/leads\?sort=name&status=FollowUp&hide=emails$/);
  await expect(names(agent)).toHaveText([`Ada First ${suffix}`, `Zoe Later ${suffix}`]);

  // Renamed by its owner, it is renamed for everyone; deleted, it is gone for everyone.
  await views.getByRole('button', { name: 'Rename Callbacks A to Z' }).click();
  await views.getByLabel('New name for Callbacks A to Z').fill('Due callbacks');
  await views.getByRole('button', { name: 'Save name' }).click();
  await expect(views.getByRole('button', { name: 'Rename Due callbacks' })).toBeFocused();
  await agent.reload();
  await expect((await openViews(agent)).getByRole('link', { name: 'Due callbacks' })).toBeVisible();
  await views.getByRole('button', { name: 'Delete Due callbacks' }).click();
  await expect(views).toContainText('None yet');
  await agent.reload();
  await expect(agent.getByText('Saved views (0)')).toBeVisible();
  await agent.context().close();
});
