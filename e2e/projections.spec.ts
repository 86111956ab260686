import { expect, test } from '@playwright/test';
import { logIn, USERS } from './support/auth';

type Lag = { name: string; kind: string; position: string; headPosition: string; eventsBehind: number; secondsBehind: number };

test('the projection status endpoint shows every read model catching up with the organisation’s events, to logged-in users only', async ({ page, request }) => {
  expect((await request.get('/api/projections/status')).status()).toBe(401);
  await logIn(page, USERS.agent);
  const read = async () => ((await (await page.request.get('/api/projections/status')).json()) as { projections: Lag[] }).projections;

  expect((await read()).map((p) => [p.name, p.kind])).toEqual([
    ['lead-table', 'inline'],
    ['search-terms', 'async'],
    ['status-history', 'async'],
  ]);
  // The app server runs the projector: the async read models reach the head of the log.
  await expect.poll(async () => (await read()).map((p) => p.eventsBehind), { timeout: 20_000 }).toEqual([0, 0, 0]);
  const [, search] = await read();
  expect(Number(search!.position)).toBeGreaterThan(0);
});
