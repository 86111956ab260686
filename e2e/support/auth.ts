import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = 'leadstream-demo';
export const USERS = {
  agent: 'ana@northwind.example',
  otherAgent: 'ben@northwind.example',
  manager: 'maria@northwind.example',
  bi: 'bianca@northwind.example',
  admin: 'adam@northwind.example',
  otherTenantAgent: 'sam@southside.example',
  otherTenantAdmin: 'sofia@southside.example',
} as const;

/**
 * Logs in through better-auth's sign-in endpoint, then opens the home page, logged in. The login
 * page itself is what home.spec.ts, access.spec.ts and admin.spec.ts go through; every other test
 * skips it, a second and more of the suite's time at each of its many logins.
 */
export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await signIn(page.request, test.info().project.use.baseURL!, email, password);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}

/** Logs in through the login page, as a person does. */
export async function logInThroughPage(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}

/** Logs a request context in through better-auth's sign-in endpoint, as the app's own origin (better-auth checks it). */
export async function signIn(request: APIRequestContext, origin: string, email: string, password = PASSWORD): Promise<void> {
  const answer = await request.post('/api/auth/sign-in/email', { data: { email, password }, headers: { Origin: origin } });
  if (!answer.ok()) throw new Error(`Could not log in ${email}: ${answer.status()} ${await answer.text()}`);
}
