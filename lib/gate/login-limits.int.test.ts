// Logins through the auth route as a browser sends them: failed attempts are limited per account
// and per client address, the address is only what a trusted proxy header or the connection says,
// and a successful login costs nothing.
import { randomInt, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { createUser } from '@/lib/auth/users';
import { freshId, testDb } from '@/lib/testing/database';
import { clearOfMinuteEnd } from '@/lib/testing/limits';

const db = testDb();
const PASSWORD = 'the-right-password';
const settings = ['LEADSTREAM_LOGIN_ATTEMPTS', 'LEADSTREAM_LOGIN_ATTEMPTS_PER_ACCOUNT', 'LEADSTREAM_TRUSTED_PROXY_HEADER'];
afterEach(() => settings.forEach((name) => delete process.env[name]));
beforeEach(() => clearOfMinuteEnd());

async function person() {
  const email = `${randomUUID()}@login.test`;
  await createUser(db, freshId('tenant'), { name: 'Login Tester', email, password: PASSWORD, role: 'agent' });
  return email;
}

const anAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

function logIn(email: string, password: string, headers: Record<string, string> = {}) {
  return authPost(new Request('http://leadstream.test/api/auth/sign-in/email', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://leadstream.test', ...headers }, body: JSON.stringify({ email, password }),
  }));
}

describe('the login limit', () => {
  it('refuses an account after its failed attempts, from whatever addresses they come, with 429 and Retry-After', async () => {
    process.env.LEADSTREAM_LOGIN_ATTEMPTS_PER_ACCOUNT = '4';
    process.env.LEADSTREAM_TRUSTED_PROXY_HEADER = 'x-real-ip';
    const email = await person();
    for (let i = 0; i < 4; i++) expect((await logIn(email, 'wrong-password', { 'X-Real-IP': anAddress() })).status).toBe(401);
    const refused = await logIn(` ${email.toUpperCase()} `, PASSWORD, { 'X-Real-IP': anAddress() });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ error: { kind: 'rate-limited', message: expect.stringMatching(/^Too many login attempts for this account: at most 4 a minute\. Try again in \d+ s\.$/) } });
    // Another account is not held back.
    expect((await logIn(await person(), PASSWORD, { 'X-Real-IP': anAddress() })).status).toBe(200);
  });

  it('refuses a client address after its failed attempts on any accounts', async () => {
    process.env.LEADSTREAM_LOGIN_ATTEMPTS = '3';
    process.env.LEADSTREAM_TRUSTED_PROXY_HEADER = 'x-real-ip';
    const address = anAddress();
    for (let i = 0; i < 3; i++) expect((await logIn(`${randomUUID()}@login.test`, 'wrong-password', { 'X-Real-IP': address })).status).toBe(401);
    const refused = await logIn(await person(), PASSWORD, { 'X-Real-IP': address });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toMatch(/^Too many login attempts from your address/);
    expect((await logIn(await person(), PASSWORD, { 'X-Real-IP': anAddress() })).status).toBe(200);
  });

  it('counts only failures: successful logins never use up the budget', async () => {
    process.env.LEADSTREAM_LOGIN_ATTEMPTS = '2';
    process.env.LEADSTREAM_LOGIN_ATTEMPTS_PER_ACCOUNT = '2';
    process.env.LEADSTREAM_TRUSTED_PROXY_HEADER = 'x-real-ip';
    const [email, address] = [await person(), anAddress()];
    for (let i = 0; i < 6; i++) expect((await logIn(email, PASSWORD, { 'X-Real-IP': address })).status).toBe(200);
  });

  it('believes no X-Forwarded-For a client sends: changing it gets no fresh budget', async () => {
    process.env.LEADSTREAM_LOGIN_ATTEMPTS = '3';
    // No trusted proxy, and (in this test process) no recorded peer: every attempt is from the
    // one unknown address, whatever X-Forwarded-For says.
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await logIn(`${randomUUID()}@login.test`, 'wrong-password', { 'X-Forwarded-For': anAddress() })).status);
    expect(answers).toContain(429);
  });

  it('with a trusted proxy that appends to X-Forwarded-For, reads the address it appended', async () => {
    process.env.LEADSTREAM_LOGIN_ATTEMPTS = '2';
    process.env.LEADSTREAM_TRUSTED_PROXY_HEADER = 'X-Forwarded-For';
    const proxySaw = anAddress();
    for (let i = 0; i < 2; i++) {
      expect((await logIn(`${randomUUID()}@login.test`, 'wrong', { 'X-Forwarded-For': `${anAddress()}, ${proxySaw}` })).status).toBe(401);
    }
    expect((await logIn(`${randomUUID()}@login.test`, 'wrong', { 'X-Forwarded-For': `${anAddress()}, ${proxySaw}` })).status).toBe(429);
  });
});
