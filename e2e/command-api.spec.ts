// The command API for dialers: an admin makes a token that may issue commands, and every command
// type sent through POST /api/commands writes exactly the events the same command writes through
// the lead pages' server action.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { logIn, USERS } from './support/auth';
import { callAction, httpClient } from './support/http';

const HOUR = 3_600_000;

/** Every lead command type, in an order each is allowed in, for a lead registered with `leadId`. */
/** Events whose time is the moment the command arrived: the two leads' differ by a few milliseconds. */
const WHEN_SENT = new Set(['CallOutcomeRecorded', 'RetryScheduled']);

function commands(leadId: string, registration: Record<string, unknown>, start: number) {
  const at = (hours: number) => new Date(start + hours * HOUR).toISOString();
  const noteId = randomUUID();
  return [
    { type: 'RegisterLead', data: { ...registration, leadId } },
    { type: 'ChangeName', leadId, data: { name: 'Dana Dialer-Smith' } },
    { type: 'ChangeContactInfo', leadId, data: { addPhones: ['+44 7911 123555'], addEmails: ['dana@work.example'] } },
    { type: 'AssignLead', leadId, data: { ownerId: 'ben' } },
    { type: 'AddNote', leadId, data: { noteId, text: 'Prefers mornings' } },
    // The dialer names the agent who made the call; an agent's own action records the agent itself.
    { type: 'RecordCallOutcome', leadId, data: { outcome: 'busy', notes: 'Line busy twice', agentId: 'ana' } },
    { type: 'ChangeStatus', leadId, data: { status: 'FollowUp', followUpAt: at(24) } },
    { type: 'SetFollowUp', leadId, data: { at: at(48) } },
    { type: 'ChangeStatus', leadId, data: { status: 'Available' } },
    { type: 'SetFollowUp', leadId, data: { at: at(72) } },
    { type: 'ClearFollowUp', leadId, data: {} },
  ];
}

test('a dialer\u2019s token issues every command type, and each writes the same events as the agent\u2019s server action', async ({ page, playwright, baseURL }) => {
  // The admin makes the token on the tokens page, ticking what it may do.
  await logIn(page, USERS.admin);
  await page.goto('/admin/tokens');
  const form = page.getByRole('form', { name: 'Create a token' });
  await form.getByLabel('Name').fill(`Dialer ${Date.now().toString(36)}`);
  await expect(form.getByRole('checkbox', { name: /Export the audit log/ })).toBeChecked();
  await form.getByRole('checkbox', { name: /Issue lead commands/ }).check();
  await form.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByLabel('New token').inputValue();
  await expect(page.getByRole('region', { name: /Tokens of your organisation/ }).getByRole('row', { name: new RegExp(token.slice(4, 16)) })).toContainText('export, issue commands');
  await page.screenshot({ path: 'e2e/screenshots/admin-tokens.png', fullPage: true });

  const dialer = await httpClient(playwright, baseURL!);
  const agent = await httpClient(playwright, baseURL!, USERS.agent);
  const registration = { name: 'Dana Dialer', phones: ['020 7946 0555'], emails: [`dana.${randomUUID().slice(0, 8)}@example.com`], source: 'dialer' };
  const viaAction = randomUUID();
  const viaApi = randomUUID();
  const start = Math.floor(Date.now() / 60_000) * 60_000;
  const sent = { action: commands(viaAction, registration, start), api: commands(viaApi, { ...registration, emails: [`api.${registration.emails[0]}`] }, start) };

  for (const [index, command] of sent.action.entries()) {
    const name = command.type === 'RegisterLead' ? 'registerLead' : 'sendLeadCommand';
    const answer = await callAction(agent, 'app/(app)/leads/actions.ts', name, { ...command, commandId: randomUUID() }, '/leads');
    expect(answer.ok, `${command.type} through the action: ${answer.text.slice(0, 200)}`).toBe(true);
    const api = sent.api[index]!;
    const response = await dialer.post('/api/commands', {
      headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID(), 'Content-Type': 'application/json' },
      data: JSON.stringify(api),
    });
    expect(response.status(), `${api.type} through the API: ${await response.text()}`).toBe(200);
    expect(await response.json()).toMatchObject({ leadId: viaApi, version: expect.any(Number), position: expect.stringMatching(/^\d+$/) });
  }

  // Both leads' events, from the audit log, read with the same token.
  const eventsOf = async (leadId: string) => {
    const response = await dialer.get(`/api/export?format=ndjson&lead=${leadId}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    return (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown>; actor: string });
  };
  const [byAction, byApi] = [await eventsOf(viaAction), await eventsOf(viaApi)];
  const comparable = (events: typeof byAction, leadId: string, email: string) =>
    events.map(({ type, data }) => ({
      type,
      data: JSON.parse(JSON.stringify({ ...data, ...(WHEN_SENT.has(type) ? { at: '<when sent>' } : {}) }).replaceAll(leadId, '<lead>').replaceAll(email, '<email>').replace(/"noteId":"[0-9a-f-]{36}"/, '"noteId":"<note>"')),
    }));
  expect(byApi.map((event) => event.type)).toEqual([
    'LeadRegistered', 'NameChanged', 'PhoneAdded', 'EmailAdded', 'LeadAssigned', 'NoteAdded', 'CallOutcomeRecorded', 'RetryScheduled',
    'StatusChanged', 'FollowUpScheduled', 'FollowUpScheduled', 'StatusChanged', 'FollowUpCleared', 'FollowUpScheduled', 'FollowUpCleared',
  ]);
  expect(comparable(byApi, viaApi, `api.${registration.emails[0]}`)).toEqual(comparable(byAction, viaAction, registration.emails[0]!));
  expect(new Set(byAction.map((event) => event.actor))).toEqual(new Set(['ana']));
  expect(byApi.every((event) => event.actor.startsWith('token:'))).toBe(true);

  // The lead page names the dialer as who made the API's changes.
  await page.goto(`/leads/${viaApi}?tab=history`);
  await expect(page.getByRole('main')).toContainText('(API) changed the name from');
  await Promise.all([dialer.dispose(), agent.dispose()]);
});

test('the API description is public, OpenAPI 3.1, and generated from the command and export schemas', async ({ request }) => {
  const response = await request.get('/api/openapi.json');
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toEqual(['/api/commands', '/api/export', '/api/export/count']);
  const changeStatus = document.components.schemas.ChangeStatusCommand;
  expect(changeStatus.properties.data.properties.status.enum).toEqual(['Available', 'FollowUp', 'Closed', 'Converted']);
  expect(document.paths['/api/export'].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
    expect.arrayContaining(['format', 'gzip', 'after', 'from', 'to', 'type', 'lead', 'actor']),
  );
});
