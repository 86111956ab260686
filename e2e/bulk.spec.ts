import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { executeLeadCommand } from '../lib/commands/lead-commands';
import { logIn } from './support/auth';
import { seriousViolations } from './support/axe';
import { openCallCenter } from './support/call-center';

// A manager closes every Available lead of a call center of the test's own at once. One of them is
// closed by an agent between the manager choosing "all matching" and applying the change: that
// lead is reported conflicted (someone else changed its status), the others are closed. Undoing
// the change puts the three it closed back.

const names = ['Bulk Avery', 'Bulk Blake', 'Bulk Casey', 'Bulk Devon'];
const leadIds = names.map(() => randomUUID());

async function personPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

test('a bulk status change over a filter reports the lead changed meanwhile as conflicted, the rest done, and undoes', async ({ browser }) => {
  const center = await openCallCenter('Bulk', { maria: { name: 'Maria Bulk', role: 'manager' }, tom: { name: 'Tom Agent', role: 'agent' } }, async (system, tenantId) => {
    for (const [index, name] of names.entries()) {
      await executeLeadCommand(system.store, { tenantId, actorId: 'seed', region: 'GB' }, {
        type: 'RegisterLead', data: { leadId: leadIds[index], name, emails: [`${name.replace(' ', '.').toLowerCase()}@example.com`] },
      });
    }
  });
  const maria = await personPage(browser, center.emails.maria);
  const tom = await personPage(browser, center.emails.tom);

  await maria.goto('/leads?status=Available');
  await maria.getByRole('button', { name: 'Select all leads matching this filter' }).click();
  await expect(status(maria, 'All 4 leads matching this filter selected')).toBeVisible();
  expect(await seriousViolations(maria)).toEqual([]);

  // Meanwhile, Tom closes Blake's lead from its page.
  await tom.goto(`/leads/${leadIds[1]}`);
  await tom.getByLabel('Status', { exact: true }).selectOption('Closed');
  await tom.getByRole('button', { name: 'Change status' }).click();
  await expect(tom.getByRole('region', { name: 'Lead summary' })).toContainText('Status: Closed');

  await maria.getByLabel('Bulk action').selectOption('Change status');
  await maria.getByLabel('New status').selectOption('Closed');
  await maria.getByRole('button', { name: 'Apply to 4 leads' }).click();
  await expect(maria).toHaveURL(/\/bulk\/[0-9a-f-]{36}$/);
  await expect(status(maria, 'Maria Bulk changed 3 leads to Closed; 1 changed by someone else meanwhile.')).toBeVisible();
  const notChanged = maria.getByRole('table', { name: 'Leads not changed' });
  await expect(notChanged.getByRole('row')).toHaveCount(2);
  const conflicted = notChanged.getByRole('row', { name: /Bulk Blake/ });
  await expect(conflicted).toContainText('Conflicted');
  await expect(conflicted.getByRole('link', { name: 'Bulk Blake' })).toHaveAttribute('href', `/leads/${leadIds[1]}`);
  const history = maria.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(history.first()).toContainText('Maria Bulk started changing 4 leads to Closed (all leads matching status=Available).');
  await expect(history.last()).toContainText('Maria Bulk changed 3 leads to Closed');
  expect(await seriousViolations(maria)).toEqual([]);

  await maria.goto('/leads?status=Closed');
  await expect(status(maria, /^4 leads/)).toBeVisible();
  await maria.goBack();

  // Undo: the three leads the change closed are Available again; Blake stays as Tom left it.
  await maria.getByRole('button', { name: 'Undo this change' }).click();
  await expect(maria.getByRole('heading', { level: 1 })).toHaveText('Undo of a bulk change');
  await expect(status(maria, 'Maria Bulk took 3 leads back, undoing a bulk change.')).toBeVisible();
  expect(await seriousViolations(maria)).toEqual([]);
  await maria.goto('/leads?status=Available');
  await expect(status(maria, /^3 leads/)).toBeVisible();
  await expect(maria.getByRole('link', { name: 'Bulk Blake' })).toHaveCount(0);

  // Both batches are listed, newest first, each linking to its page.
  await maria.getByRole('link', { name: 'Recent bulk changes' }).click();
  const recent = maria.getByRole('table', { name: 'The latest bulk changes, newest first' });
  await expect(recent.getByRole('row')).toHaveCount(3);
  await expect(recent.getByRole('row').nth(1)).toContainText('3 leads back, undoing a bulk change');
  await expect(recent.getByRole('row').nth(2)).toContainText('4 leads to Closed');
  await expect(recent.getByRole('row').nth(2)).toContainText('Finished: 3 leads changed');
  expect(await seriousViolations(maria)).toEqual([]);
});

test('bad input names the field and starts nothing; agents have no bulk change', async ({ browser }) => {
  const center = await openCallCenter('Bulk Input', { maria: { name: 'Maria Input', role: 'manager' }, tom: { name: 'Tom Input', role: 'agent' } }, async (system, tenantId) => {
    await executeLeadCommand(system.store, { tenantId, actorId: 'seed', region: 'GB' }, { type: 'RegisterLead', data: { leadId: randomUUID(), name: 'Bulk Input Lead', emails: ['input@example.com'] } });
  });
  const maria = await personPage(browser, center.emails.maria);
  await maria.goto('/leads');
  await maria.getByRole('checkbox', { name: 'Select Bulk Input Lead' }).check();
  await expect(status(maria, '1 lead selected')).toBeVisible();
  await maria.getByLabel('Bulk action').selectOption('Set callback');
  await maria.getByLabel('Callback time (UTC)').fill('2020-01-01T09:00');
  await maria.getByRole('button', { name: 'Apply to 1 lead' }).click();
  await expect(maria.getByRole('region', { name: 'Bulk change' }).getByRole('alert')).toHaveText('The follow-up date must be in the future');
  await expect(maria).toHaveURL(/\/leads$/);

  const tom = await personPage(browser, center.emails.tom);
  await tom.goto('/leads');
  await expect(tom.getByRole('link', { name: 'Bulk Input Lead' })).toBeVisible();
  await expect(tom.getByRole('region', { name: 'Bulk change' })).toHaveCount(0);
  await expect(tom.getByRole('checkbox', { name: 'Select Bulk Input Lead' })).toHaveCount(0);
});
