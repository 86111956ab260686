import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { USERS } from './support/auth';
import { callAction, httpClient, serverActionId } from './support/http';

// Bodies have a maximum size (docs/lead-rules.md, "Limits"): larger ones are refused with 413 and
// words before they are read, and nothing is stored.

test('a server action refuses a body over 256 KB with 413, and stores nothing', async ({ playwright, baseURL }) => {
  const agent = await httpClient(playwright, baseURL!, USERS.agent);
  const registration = (source: string) => ({
    type: 'RegisterLead', commandId: randomUUID(), data: { leadId: randomUUID(), name: 'Big Body', emails: [`big.${randomUUID()}@example.com`], source },
  });
  const oversized = registration('x'.repeat(300 * 1024));
  const response = await agent.post('/', {
    headers: { 'Next-Action': serverActionId('app/(app)/leads/actions.ts', 'registerLead'), Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify([oversized]),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toEqual({ kind: 'too-large', message: 'A form sends at most 256 KB; this one is larger. Nothing was saved.' });
  expect((await agent.get(`/leads/${oversized.data.leadId}`)).status()).toBe(404);

  // Under the limit the action reads the input, and names the field that is too long.
  const long = await callAction(agent, 'app/(app)/leads/actions.ts', 'registerLead', registration('x'.repeat(100 * 1024)));
  expect([long.ok, long.kind]).toEqual([false, 'validation']);
  expect(long.text).toContain('Source must be at most 100 characters');
  await agent.dispose();
});

test('the login endpoint refuses a body over 16 KB with 413 before better-auth reads it, and still logs people in', async ({ playwright, baseURL }) => {
  const visitor = await httpClient(playwright, baseURL!);
  const response = await visitor.post('/api/auth/sign-in/email', { data: { email: USERS.agent, password: 'x'.repeat(20_000) } });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toEqual({ kind: 'too-large', message: 'At most 16 KB may be sent here; this request is larger.' });
  // Logging in goes through the same endpoint: httpClient throws if it does not work.
  const agent = await httpClient(playwright, baseURL!, USERS.agent);
  expect((await agent.get('/api/auth/get-session')).status()).toBe(200);
  await Promise.all([agent.dispose(), visitor.dispose()]);
});
