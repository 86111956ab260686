// The app over plain HTTP, as other clients reach it: a logged-in session (better-auth's own sign-in
// endpoint), API tokens, and server actions called the way the browser calls them.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import { signIn } from './auth';

type Playwright = PlaywrightWorkerArgs['playwright'];

/** A request context with no credentials, or (given an email) logged in as that user. */
export async function httpClient(playwright: Playwright, baseURL: string, email?: string): Promise<APIRequestContext> {
  // Same-origin requests, as the app's own pages make them (better-auth and Next check the origin).
  const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  if (email) {
    await signIn(context, baseURL, email);
  }
  return context;
}

type ManifestEntry = { filename: string; exportedName: string };

/** Every server action of the build (NEXT_DIST_DIR, as the web server was built), by file and export. */
export function serverActions(): ManifestEntry[] {
  const manifest = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server', 'server-reference-manifest.json');
  const actions = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { node: Record<string, ManifestEntry> }).node;
  return Object.values(actions).map(({ filename, exportedName }) => ({ filename, exportedName }));
}

/** The id Next gave a server action, read from the build's manifest. */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server', 'server-reference-manifest.json');
  const actions = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { node: Record<string, ManifestEntry> }).node;
  const id = Object.entries(actions).find(([, action]) => action.filename === file && action.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`No server action ${exportedName} in ${file}`);
  return id;
}

export type ActionAnswer = { ok: boolean; kind: string | null; text: string };

/** What the browser sends for `action(input)`: the arguments as JSON, the action's id in a header. */
export async function callAction(client: APIRequestContext, file: string, exportedName: string, input: unknown, pagePath = '/'): Promise<ActionAnswer> {
  const response = await client.post(pagePath, {
    headers: { 'Next-Action': serverActionId(file, exportedName), Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  const text = await response.text();
  const ok = text.includes('"ok":true');
  const kind = /"kind":"([a-z-]+)"/.exec(text)?.[1] ?? null;
  return { ok, kind, text };
}

/** The value an action answered with (its `data`), for actions that succeed. */
export function actionData<T>(answer: ActionAnswer): T {
  const match = /"ok":true,"data":(\{.*\})\}\s*$/m.exec(answer.text);
  if (!answer.ok || !match) throw new Error(`The action did not succeed: ${answer.text.slice(0, 300)}`);
  return JSON.parse(match[1]!) as T;
}
