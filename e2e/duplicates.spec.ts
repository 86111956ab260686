// Possible duplicates, in a call center of its own: the manager's Duplicates page lists the leads
// that may be one person, strongest first, with why, and links each pair to the merge screen; a
// lead's page says how many it has; agents see neither the page nor a merge link.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { executeLeadCommand } from '../lib/commands/lead-commands';
import { seriousViolations } from './support/axe';
import { logIn } from './support/auth';
import { openCallCenter } from './support/call-center';

const leads = { jose: randomUUID(), joseAgain: randomUUID(), priya: randomUUID(), priyaWork: randomUUID(), alone: randomUUID(), movedOn: randomUUID() };
let emails: { manager: string; agent: string };

test.beforeAll(async () => {
  const center = await openCallCenter('Duplicates', { manager: { name: 'Mo Merger', role: 'manager' }, agent: { name: 'Pat Agent', role: 'agent' } }, async ({ store }, tenantId) => {
    let minute = 0;
    const register = (leadId: string, name: string, phones: string[], emails: string[]) =>
      executeLeadCommand(store, { tenantId, actorId: 'importer', region: 'GB', now: new Date(Date.UTC(2026, 0, 5, 9, minute++)) }, { type: 'RegisterLead', data: { leadId, name, phones, emails } });
    await register(leads.jose, 'José García', ['07911 123456'], ['jose.garcia@example.com']);
    await register(leads.joseAgain, 'Jose Garcia', ['+44 7911 123456'], []);
    await register(leads.priya, 'Priya Shah', [], ['priya.shah@example.com']);
    await register(leads.priyaWork, 'Priya Shah', [], ['priya.shah@work.example']);
    await register(leads.alone, 'Lena Park', ['020 7946 0999'], []);
    // Gave up a number: a file row with it is noted, not refused.
    await register(leads.movedOn, 'Otto Moved', ['07700 900555'], []);
    await executeLeadCommand(store, { tenantId, actorId: 'importer', region: 'GB', now: new Date(Date.UTC(2026, 0, 5, 10)) }, {
      type: 'ChangeContactInfo', leadId: leads.movedOn, data: { removePhones: ['07700 900555'], addPhones: ['07700 900556'] },
    });
  });
  emails = center.emails;
});

test('a manager sees the possible duplicates strongest first, with why, each pair a step from merging', async ({ page }) => {
  await logIn(page, emails.manager);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Possible duplicates' })).toBeVisible();
  // The read model follows the log: the groups appear once the projector has caught up.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('2 groups; page 1 of 1.')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  const groups = page.getByRole('region');
  await expect(groups.getByRole('heading', { level: 2 })).toHaveText(['Strong matchJosé García, Jose Garcia', 'Likely matchPriya Shah, Priya Shah']);
  const jose = groups.nth(0);
  await expect(jose.getByRole('list', { name: 'Why they match' })).toContainText('Same phone 07911 123456 and same name');
  // The lead registered first is proposed to survive.
  await expect(jose.getByRole('link', { name: 'Merge Jose Garcia into José García' })).toHaveAttribute('href', `/leads/${leads.jose}/merge?with=${leads.joseAgain}`);
  await expect(groups.nth(1).getByRole('list', { name: 'Why they match' })).toContainText('Same mailbox name priya.shah at another address and same name');
  await expect(page.getByRole('link', { name: 'Lena Park' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await jose.getByRole('link', { name: 'Jose Garcia', exact: true }).click();
  await page.getByText('Possible duplicates: 1').click();
  const onLead = page.getByRole('list', { name: 'Possible duplicates' });
  await expect(onLead).toContainText('Strong matchJosé García: Same phone 07911 123456 and same name');
  await expect(onLead.getByRole('link', { name: 'Merge José García with this lead' })).toHaveAttribute('href', `/leads/${leads.jose}/merge?with=${leads.joseAgain}`);
  expect(await seriousViolations(page)).toEqual([]);
});

test('an agent sees a lead’s possible duplicates but cannot open the Duplicates page or merge', async ({ page }) => {
  await logIn(page, emails.agent);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' })).toHaveCount(0);
  expect((await page.goto('/duplicates'))?.status()).toBe(403);
  await page.goto(`/leads/${leads.priya}`);
  await page.getByText('Possible duplicates: 1').click();
  await expect(page.getByRole('list', { name: 'Possible duplicates' })).toContainText('Priya Shah');
  await expect(page.getByRole('link', { name: /^Merge/ })).toHaveCount(0);
});

test('the import preview notes a row whose phone a lead held before, and refuses one whose phone a lead holds now', async ({ page }) => {
  await logIn(page, emails.manager);
  await page.goto('/import');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'new-leads.csv', mimeType: 'text/csv',
    buffer: Buffer.from('Name,Phone\nNina Next,07700 900555\nJo Copy,07911 123456\n'),
  });
  const rows = page.getByRole('region', { name: 'Rows of the file' }).getByRole('row');
  await expect(rows.filter({ hasText: 'Nina Next' })).toContainText('ReadyPossible duplicate of existing lead Otto Moved: it held phone 07700 900555 before');
  await expect(rows.filter({ hasText: 'Jo Copy' })).toContainText('Duplicate of existing lead José García: same phone 07911 123456');
  await expect(page.getByRole('button', { name: 'Import 1 valid row' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
