import { expect, test } from '@playwright/test';
import { logIn, USERS } from './support/auth';
import { projectionLag } from './support/projections';

test('the projection status endpoint shows every read model catching up with the organisation’s events, to its admins only', async ({ page, request }) => {
  expect((await request.get('/api/projections/status')).status()).toBe(401);
  await logIn(page, USERS.agent);
  const refused = await page.request.get('/api/projections/status');
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toMatch(/position/);

  expect((await projectionLag()).map((p) => [p.name, p.kind])).toEqual([
    ['lead-table', 'inline'],
    ['do-not-call', 'inline'],
    ['saved-views', 'inline'],
    ['webhook-endpoints', 'inline'],
    ['search-terms', 'async'],
    ['status-history', 'async'],
    ['agent-activity', 'async'],
    ['daily-figures', 'async'],
    ['duplicate-keys', 'async'],
  ]);
  // The app server runs the projector: the async read models reach the head of the log.
  await expect.poll(async () => (await projectionLag()).map((p) => p.eventsBehind), { timeout: 20_000 }).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const search = (await projectionLag()).find((p) => p.name === 'search-terms');
  expect(Number(search!.position)).toBeGreaterThan(0);
});

test('the health endpoint answers anyone with ok and nothing more', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(await response.json()).toEqual({ status: 'ok' });
});
