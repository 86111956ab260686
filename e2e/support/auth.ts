import { expect, test, type Page } from '@playwright/test';

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
  const origin = test.info().project.use.baseURL!;
  const signIn = await page.request.post('/api/auth/sign-in/email', { data: { email, password }, headers: { Origin: origin } });
  expect(signIn.ok(), `logging in ${email}: ${signIn.status()} ${await signIn.text()}`).toBe(true);
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
