// The do-not-call list as a manager keeps it and as agents meet it: a number blocked on the
// Do-not-call page is marked, with the reason, on every lead holding it; a malformed number is
// refused naming the field; a CSV list is previewed and imported; a removal keeps its reason in
// the number's history; and agents cannot open the list.
import { expect, test, type Page } from '@playwright/test';
import { logIn, USERS } from './support/auth';
import { seriousViolations } from './support/axe';
import { createLead, digits } from './support/leads';

test.describe.configure({ mode: 'serial' });

/** A UK mobile number no other run has used: 07911 1xxxxx is a valid range. */
const freshNumber = () => `07911 1${digits(5)}`;
const e164Of = (national: string) => `+44${national.replace(/\D/g, '').slice(1)}`;

let manager: Page;
let agent: Page;

test.beforeAll(async ({ browser }) => {
  manager = await (await browser.newContext()).newPage();
  agent = await (await browser.newContext()).newPage();
  await logIn(manager, USERS.manager);
  await logIn(agent, USERS.agent);
});
test.afterAll(async () => {
  await manager.context().close();
  await agent.context().close();
});

/** The organisation's event count, as the export counts it: what a refused command must leave as it was. */
async function eventCount(): Promise<number> {
  return ((await (await manager.request.get('/api/export/count')).json()) as { count: number }).count;
}

async function block(phone: string, reason: string) {
  await manager.goto('/do-not-call');
  const form = manager.getByRole('form', { name: 'Block a number' });
  await form.getByLabel('Phone number').fill(phone);
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Block number' }).click();
  await expect(form.getByRole('status')).toHaveText(`${phone} is on the do-not-call list: nobody of your organisation will be offered it.`);
}

const listRow = (page: Page, phone: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: phone, exact: true }) });

test('a manager blocks a number, and an agent sees it marked, with the reason, on a lead holding it and in the lead list', async () => {
  const phone = freshNumber();
  const name = `Dana Blocked ${digits(6)}`;
  await createLead(agent, { name, phone, email: `dana.${digits(8)}@example.com` });
  const leadUrl = agent.url();
  const phones = agent.getByRole('region', { name: 'Phones' });
  await expect(phones).not.toContainText('Do not call');

  await block(phone, 'Asked never to be called again');
  const row = listRow(manager, phone);
  await expect(row).toContainText('Asked never to be called again');
  await expect(row).toContainText('Added by hand');
  await expect(row).toContainText('Maria Rossi');

  await agent.goto(leadUrl);
  await expect(phones.getByRole('listitem').filter({ hasText: phone })).toContainText(/Do not call: Asked never to be called again \(since \d{1,2} \w{3} \d{4}\)/);
  await agent.screenshot({ path: 'e2e/screenshots/lead-do-not-call.png', fullPage: true });
  expect(await seriousViolations(agent)).toEqual([]);

  await agent.goto('/leads');
  const leadRow = agent.getByRole('row').filter({ has: agent.getByRole('link', { name, exact: true }) });
  await expect(leadRow.getByRole('cell').filter({ hasText: phone })).toContainText(/Do not call: Asked never to be called again \(since/);
  await agent.screenshot({ path: 'e2e/screenshots/leads-do-not-call.png' });
  expect(await seriousViolations(agent)).toEqual([]);
});

test('agents may not open the list, nor change it', async () => {
  for (const path of ['/do-not-call', '/do-not-call/import', `/do-not-call/${e164Of(freshNumber()).slice(1)}`]) {
    expect((await agent.request.get(path)).status(), path).toBe(403);
  }
  await agent.goto('/leads');
  await expect(agent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Do not call' })).toHaveCount(0);
  await expect(manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Do not call' })).toBeVisible();
});

test('a malformed number is refused next to the phone field, and nothing is stored', async () => {
  await manager.goto('/do-not-call');
  const before = await eventCount();
  const form = manager.getByRole('form', { name: 'Block a number' });
  await form.getByLabel('Phone number').fill('12345');
  await form.getByLabel('Reason').fill('Typed in a hurry');
  await form.getByRole('button', { name: 'Block number' }).click();
  await expect(form.getByLabel('Phone number')).toHaveAccessibleDescription('"12345" is not a valid phone number');
  await expect(form.getByLabel('Phone number')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Phone number').fill(freshNumber());
  await form.getByLabel('Reason').fill('   ');
  await form.getByRole('button', { name: 'Block number' }).click();
  await expect(form.getByLabel('Reason')).toHaveAccessibleDescription('Give the reason, for the audit log');
  expect(await eventCount()).toBe(before);
  expect(await seriousViolations(manager)).toEqual([]);
});

test('a CSV list is previewed with its bad row named and skipped, and the rest imported as the import\u2019s entries', async () => {
  const good = [freshNumber(), freshNumber()];
  await manager.goto('/do-not-call');
  await manager.getByRole('link', { name: 'import a list from a CSV file' }).click();
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Import a do-not-call list');
  await manager.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'complaints.csv', mimeType: 'text/csv',
    buffer: Buffer.from(`Telephone;Why\n${good[0]};Complained by letter\n12345;Typo\n${good[1]};\n`),
  });
  await expect(manager.getByLabel('Phone number')).toHaveValue('0');
  await expect(manager.getByLabel('Reason')).toHaveValue('1');
  await expect(manager.getByText('2 rows ready')).toBeVisible();
  await expect(manager.getByText('1 row with problems')).toBeVisible();
  const rows = manager.getByRole('region', { name: 'Rows of the file' }).getByRole('row');
  await expect(rows.filter({ has: manager.getByRole('cell', { name: '12345', exact: true }) })).toContainText('"12345" is not a valid phone number');
  await expect(rows.filter({ has: manager.getByRole('cell', { name: good[0]!, exact: true }) })).toContainText('Ready');
  expect(await seriousViolations(manager)).toEqual([]);
  await manager.screenshot({ path: 'e2e/screenshots/do-not-call-import.png', fullPage: true });

  await manager.getByRole('button', { name: 'Import 2 valid rows' }).click();
  await expect(manager.getByRole('progressbar', { name: '2 of 2 rows imported' })).toBeVisible({ timeout: 20_000 });
  await expect(manager.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('2 rows imported, 1 row skipped');

  await manager.goto(`/do-not-call?q=${encodeURIComponent(good[0]!)}`);
  await expect(listRow(manager, good[0]!)).toContainText('Complained by letter');
  await expect(listRow(manager, good[0]!)).toContainText('Imported list');
  await manager.goto(`/do-not-call?q=${encodeURIComponent(good[1]!)}`);
  await expect(listRow(manager, good[1]!)).toContainText('On an imported do-not-call list');
});

test('a removal asks for the reason, and the number\u2019s history shows who blocked and removed it, when and why', async () => {
  const phone = freshNumber();
  await block(phone, 'Complained on the phone');
  await manager.goto(`/do-not-call?q=${encodeURIComponent(phone)}`);
  await manager.getByRole('button', { name: `Remove ${phone} from the list` }).click();
  const confirm = manager.getByRole('form', { name: `Remove ${phone} from the do-not-call list` });
  await confirm.getByRole('button', { name: `Remove ${phone}` }).click();
  await expect(confirm.getByLabel(`Why may ${phone} be called again?`)).toHaveAccessibleDescription('Give the reason, for the audit log');
  await confirm.getByLabel(`Why may ${phone} be called again?`).fill('Gave consent in writing');
  await confirm.getByRole('button', { name: `Remove ${phone}` }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'No blocked number matches.' })).toBeVisible();

  await manager.getByRole('link', { name: `History of ${phone}` }).click();
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(phone);
  await expect(manager.getByText('Not on the do-not-call list: agents may call it.')).toBeVisible();
  const changes = manager.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText(/Removed from the list by Maria Rossi, .*Reason: Gave consent in writing/);
  await expect(changes.nth(1)).toContainText(/Blocked by Maria Rossi, .*\(added by hand\).*Reason: Complained on the phone/);
  await manager.screenshot({ path: 'e2e/screenshots/do-not-call-history.png', fullPage: true });
  expect(await seriousViolations(manager)).toEqual([]);

  await manager.goto('/do-not-call');
  await manager.screenshot({ path: 'e2e/screenshots/do-not-call.png', fullPage: true });
  expect(await seriousViolations(manager)).toEqual([]);
});
