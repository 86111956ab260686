import { describe, expect, it } from 'vitest';
import { createDb } from '@/lib/db/client';
import { testDb } from '@/lib/testing/database';
import { healthResponse } from './health';

describe('the health endpoint', () => {
  it('answers 200 ok while the database answers, and nothing more', async () => {
    const response = await healthResponse(testDb());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database does not, within its budget', async () => {
    const nowhere = createDb('postgresql://postgres:leadstream@127.0.0.1:1/leadstream');
    const started = Date.now();
    const response = await healthResponse(nowhere, { budgetMs: 1500 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
    await nowhere.$disconnect();
  });
});
