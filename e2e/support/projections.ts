// Waiting for the read models that follow the log (the app server's projector) to catch up. Their
// lag is for the organisation's admins (/api/projections/status), so it is asked as Northwind's
// admin, over a request context of its own kept for the worker.
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { signIn, USERS } from './auth';

let admin: Promise<APIRequestContext> | null = null;

function adminClient(): Promise<APIRequestContext> {
  admin ??= (async () => {
    const baseURL = test.info().project.use.baseURL!;
    const context = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
    await signIn(context, baseURL, USERS.admin);
    return context;
  })();
  return admin;
}

export type ProjectionLag = { name: string; kind: string; position: string; headPosition: string; eventsBehind: number; secondsBehind: number };

/** Every read model's lag for Northwind, as its admin reads it. */
export async function projectionLag(): Promise<ProjectionLag[]> {
  const response = await (await adminClient()).get('/api/projections/status');
  expect(response.status(), 'the projection status, asked as an admin').toBe(200);
  return ((await response.json()) as { projections: ProjectionLag[] }).projections;
}

/** Waits until the named read models (all when none is named) have applied every Northwind event. */
export async function projectionsCaughtUp(names?: readonly string[], { timeout = 15_000 }: { timeout?: number } = {}): Promise<void> {
  await expect
    .poll(async () => (await projectionLag()).filter((lag) => !names || names.includes(lag.name)).every((lag) => lag.eventsBehind === 0), { timeout })
    .toBe(true);
}
