// An agent's loop without the mouse: `/` to search and Enter to open the lead, `e` to edit it, the
// list's leads one after the other with `j` and `k`, `c` to record how the call went, and `?` for
// the list of shortcuts. In a call center of its own, so its list holds these leads only.
import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { executeLeadCommand } from '../lib/commands/lead-commands';
import { logIn } from './support/auth';
import { seriousViolations } from './support/axe';
import { openCallCenter } from './support/call-center';
import { digits } from './support/leads';

const suffix = randomUUID().slice(0, 6);
const names = ['Kai Keys', 'Kim Keys', 'Kit Keys'].map((name) => `${name} ${suffix}`) as [string, string, string];
let agentEmail = '';

test.beforeAll(async () => {
  const center = await openCallCenter('Keyboard', { agent: { name: 'Kora Agent', role: 'agent' } }, async ({ store, dialing }, tenantId) => {
    for (const [index, name] of names.entries()) {
      await executeLeadCommand(store, { tenantId, actorId: 'importer', region: 'GB', now: new Date(Date.now() - (index + 1) * 60_000), dialing }, {
        type: 'RegisterLead', data: { leadId: randomUUID(), name, phones: [`07911 ${digits(6)}`], source: 'list' },
      });
    }
  });
  agentEmail = center.emails.agent;
});

/** Tab forwards until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
  await expect(async () => {
    await page.keyboard.press('Tab');
    await expect(target).toBeFocused({ timeout: 50 });
  }).toPass({ timeout: 20_000, intervals: [0] });
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('search, open, step through the list and record a call, all from the keyboard', async ({ page }) => {
  await logIn(page, agentEmail);
  await page.waitForLoadState('networkidle');

  // `/` puts the focus in the search box; Enter opens the first match.
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: 'Search leads' });
  await expect(search).toBeFocused();
  await expect(async () => {
    await search.fill('');
    await page.keyboard.type(names[2]);
    await expect(page.getByRole('option').filter({ hasText: names[2] })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect(heading(page)).toContainText(names[2]);
  await page.waitForLoadState('networkidle');

  // The focus stays in the search box, where letters are text, not shortcuts; Tab leaves it.
  await expect(search).toBeFocused();
  await page.keyboard.type('jen');
  await expect(search).toHaveValue('jen');
  await expect(heading(page)).toContainText(names[2]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');

  // `e`: the first editor of the Details tab.
  await page.keyboard.press('e');
  await expect(page.getByRole('button', { name: 'Edit name' })).toBeFocused();

  // The list sorted by name, opened from the keyboard: the lead page knows its place in it.
  await page.goto('/leads?sort=name');
  await tabTo(page, page.getByRole('link', { name: names[0] }));
  await page.keyboard.press('Enter');
  await expect(heading(page)).toContainText(names[0]);
  const walk = page.getByRole('navigation', { name: 'Leads of the list' });
  await expect(walk).toContainText('1 of 3');
  await page.waitForLoadState('networkidle');

  await page.keyboard.press('j');
  await expect(heading(page)).toContainText(names[1]);
  await expect(walk).toContainText('2 of 3');
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('j');
  await expect(heading(page)).toContainText(names[2]);
  await expect(walk).toContainText('3 of 3');
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('k');
  await expect(heading(page)).toContainText(names[1]);
  await expect(walk.getByRole('link', { name: 'Next' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);

  // `c`: the call outcome; chosen, then sent, by keyboard.
  await page.keyboard.press('c');
  const outcome = page.getByLabel('Call outcome');
  await expect(outcome).toBeFocused();
  await page.keyboard.type('No answer');
  await expect(outcome.locator('option:checked')).toHaveText('No answer');
  await tabTo(page, page.getByRole('button', { name: 'Record call' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Why not' })).toContainText(/due to be tried again/);
  await expect(outcome).toHaveValue('');
});

test('`?` lists every shortcut in a dialog, and Escape gives the focus back', async ({ page }) => {
  await logIn(page, agentEmail);
  await page.goto('/leads');
  await page.waitForLoadState('networkidle');
  const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await opener.focus();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(dialog.getByRole('term')).toHaveText(['/', 'n', 'j', 'k', 'e', 'c', '?']);
  expect(await seriousViolations(page)).toEqual([]);

  // Shortcuts are asleep while the dialog is open.
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Search leads' })).not.toBeFocused();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});
