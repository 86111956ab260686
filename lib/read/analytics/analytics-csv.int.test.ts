// The analytics downloads are made to be opened in a spreadsheet: read back with an independent
// parser, a lead or an agent named like a formula is text that starts with a single quote.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GET as analyticsCsv } from '@/app/api/analytics/[section]/route';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { catchUp } from '@/lib/read/engine/run-batch';
import { statusHistoryProjection } from '@/lib/read/status-history/projection';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { loggedIn, requestAs, routeContext } from '@/lib/testing/sessions';

const db = testDb();
const { store } = createSystem(db);

describe('an analytics download', () => {
  it('neutralises cells a spreadsheet would run as a formula, and keeps plain numbers', async () => {
    const tenantId = freshId('tenant');
    const manager = await loggedIn(db, tenantId, 'manager');
    const name = '=HYPERLINK("http://evil.example","x")';
    await executeLeadCommand(store, { tenantId, actorId: manager.userId, region: 'GB' }, {
      type: 'RegisterLead', data: { leadId: randomUUID(), name, phones: ['07911 123456'], source: '@campaign' },
    });
    await catchUp(store, statusHistoryProjection);

    const response = await analyticsCsv(requestAs(manager, '/api/analytics/waiting'), routeContext({ section: 'waiting' }));
    expect(response.status).toBe(200);
    const [header, ...rows] = parse(await response.text()) as string[][];
    expect(header![0]).toBe('Lead');
    expect(rows.map((row) => row[0])).toEqual([`'${name}`]);
    expect(rows[0]![3]).toMatch(/^\d+\.\d$/);
  });
});
