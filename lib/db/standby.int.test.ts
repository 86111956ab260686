// Reads on a hot standby of PostgreSQL's own streaming replication: a real primary and standby of
// this test's own (embedded PostgreSQL 17, ports 54361 and 54362, deleted afterwards). Commands
// append on the primary; queries read the standby once it has replayed the caller's last command,
// and the primary when it has not within the bound. The app runs on this pair as it would with
// DATABASE_URL and DATABASE_REPLICA_URL set: the gate, its routes and their queries.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const PRIMARY_PORT = 54361;
const STANDBY_PORT = 54362;
// Before anything reads the environment (lib/auth opens the app's database when it is imported).
vi.hoisted(() => {
  process.env.DATABASE_URL = 'postgresql://postgres:leadstream@127.0.0.1:54361/leadstream';
  process.env.DATABASE_REPLICA_URL = 'postgresql://postgres:leadstream@127.0.0.1:54362/leadstream';
});

import { GET as exportRoute } from '@/app/api/export/route';
import { GET as exportCountRoute } from '@/app/api/export/count/route';
import { POST as commandsRoute } from '@/app/api/commands/route';
import { POST as importPreviewRoute } from '@/app/api/imports/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { exportPool, readRouting } from '@/lib/db';
import { prismaQueryable } from '@/lib/db/sql';
import { standbyHorizon } from '@/lib/event-store/horizon';
import { ownConnection, openExport } from '@/lib/read/event-log/export/stream';
import { leadById } from '@/lib/read/lead-table/lead-by-id';
import { createSystem, type System } from '@/lib/system';
import { startPrimaryAndStandby, type OwnStandby } from '@/lib/testing/own-standby';
import { loggedIn, requestAs, routeContext } from '@/lib/testing/sessions';
import { StandbyBehindError, type ReadRouting } from './replica';

let servers: OwnStandby | undefined;
let routing: ReadRouting;
let system: System;

beforeAll(async () => {
  servers = await startPrimaryAndStandby({ primaryPort: PRIMARY_PORT, standbyPort: STANDBY_PORT });
  routing = readRouting(); // the app's own: the primary of DATABASE_URL, the standby of DATABASE_REPLICA_URL
  system = createSystem(routing.primary);
}, 60_000);

afterAll(async () => {
  await Promise.all([routing?.primary.$disconnect(), routing?.standby?.$disconnect(), exportPool().end()]);
  await servers?.dispose();
});

const standby = () => routing.standby!;
const pauseReplay = () => standby().$executeRaw`SELECT pg_wal_replay_pause()`;
const resumeReplay = () => standby().$executeRaw`SELECT pg_wal_replay_resume()`;

async function register(tenantId: string, leadId = randomUUID()) {
  await executeLeadCommand(system.store, { tenantId, actorId: 'agent-1', region: 'GB' }, { type: 'RegisterLead', commandId: randomUUID(), data: { leadId, name: 'Standby Lead', phones: ['020 7946 0018'] } });
  return leadId;
}

/** Which server a client's query ran on. */
async function serverOf(db: ReadRouting['primary']) {
  const [row] = await db.$queryRaw<{ recovering: boolean; port: number }[]>`SELECT pg_is_in_recovery() AS recovering, inet_server_port() AS port`;
  return row;
}

describe('reads on a hot standby', () => {
  it('the pair is a primary and a streaming hot standby, and the app is configured to read the standby', async () => {
    expect(routing.replicated).toBe(true);
    expect(await serverOf(routing.primary)).toEqual({ recovering: false, port: PRIMARY_PORT });
    expect(await serverOf(standby())).toEqual({ recovering: true, port: STANDBY_PORT });
    const senders = await routing.primary.$queryRaw<{ state: string }[]>`SELECT state FROM pg_stat_replication WHERE application_name = 'leadstream_standby'`;
    expect(senders).toEqual([{ state: 'streaming' }]);
  });

  it('a query after a command waits for the standby to replay it, and the standby answers it', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const leadId = await register(tenantId);
    const commitPoint = await routing.commitPoint();
    const chosen = await routing.reader(commitPoint);
    expect(chosen.server).toBe('standby');
    expect(await serverOf(chosen.db)).toEqual({ recovering: true, port: STANDBY_PORT });
    expect(await leadById(chosen.db, tenantId, leadId)).toMatchObject({ leadId, name: 'Standby Lead' });
    // Nothing can be written there: the standby only reads.
    await expect(chosen.db.$executeRaw`INSERT INTO tenants (id, name) VALUES (${tenantId}, 'x')`).rejects.toThrow(/read-only transaction/);
  });

  it('while the standby is behind, the caller who made the change reads the primary; others read the standby', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    await pauseReplay();
    try {
      const leadId = await register(tenantId);
      const commitPoint = await routing.commitPoint();
      const chosen = await routing.reader(commitPoint);
      expect(chosen).toMatchObject({ server: 'primary' });
      expect(chosen.waitedMs).toBeGreaterThanOrEqual(250); // the bound (300 ms) ran out first
      expect(await leadById(chosen.db, tenantId, leadId)).not.toBeNull();
      // A caller with no change of their own to wait for reads the standby, which has not got it yet.
      const other = await routing.reader(null);
      expect(other.server).toBe('standby');
      expect(await leadById(other.db, tenantId, leadId)).toBeNull();

      await resumeReplay();
      const later = await routing.reader(commitPoint);
      expect(later.server).toBe('standby');
      expect(await leadById(later.db, tenantId, leadId)).not.toBeNull();
    } finally {
      await resumeReplay();
    }
  });

  it('through the gate: an API token that sent a command reads its change; the export streams from the standby', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const dialer = (await createApiToken(routing.primary, tenantId, 'admin-1', { name: 'Dialer', scopes: ['commands', 'export'] })).token;
    const reporting = (await createApiToken(routing.primary, tenantId, 'admin-1', { name: 'BI', scopes: ['export'] })).token;
    const get = (route: typeof exportCountRoute, path: string, token: string) =>
      route(new Request(`http://leadstream.test${path}`, { headers: { Authorization: `Bearer ${token}` } }), routeContext());
    const count = async (token: string) => (await (await get(exportCountRoute, '/api/export/count', token)).json()).count;

    await pauseReplay();
    try {
      const leadId = randomUUID();
      const sent = await commandsRoute(
        new Request('http://leadstream.test/api/commands', {
          method: 'POST',
          headers: { Authorization: `Bearer ${dialer}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: 'RegisterLead', data: { leadId, name: 'Dialed Lead', phones: ['020 7946 0019'] } }),
        }),
        routeContext(),
      );
      expect(sent.status).toBe(200);
      expect(await count(dialer)).toBe(1); // its own change: the standby is behind, so the primary answers
      expect(await count(reporting)).toBe(0); // no change of its own: the standby answers, as it stands
      // An export needs the standby to have every event up to its horizon: it says to come back.
      await expect(openExport(await ownConnection(servers!.standbyUrl), system.registry, tenantId, { format: 'csv', gzip: false, after: 0n }, {
        horizonBudgetMs: 300,
        horizon: (budgetMs) => standbyHorizon(prismaQueryable(routing.primary), routing, { budgetMs }),
      })).rejects.toBeInstanceOf(StandbyBehindError);

      await resumeReplay();
      const exported = await get(exportRoute, '/api/export?format=csv', reporting);
      expect(exported.status).toBe(200);
      expect(await exported.text()).toContain(leadId);
      expect(await count(reporting)).toBe(1);
      // The export's connections are the standby's.
      const client = await exportPool().connect();
      try {
        expect((await client.query('SELECT pg_is_in_recovery() AS recovering')).rows).toEqual([{ recovering: true }]);
      } finally {
        client.release();
      }
    } finally {
      await resumeReplay();
    }
  });

  it('a browser carries its commit point in a cookie: set by a non-GET route, honoured by the next read from any process', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const manager = await loggedIn(routing.primary, tenantId, 'manager');
    const colleague = await loggedIn(routing.primary, tenantId, 'manager');
    const countAs = async (cookie: string) => (await (await exportCountRoute(requestAs(null, '/api/export/count', { headers: { cookie } }), routeContext())).json()).count;
    await pauseReplay();
    try {
      await register(tenantId);
      // Any change through a route (here a file previewed for import) hands the browser the primary's commit point.
      const previewed = await importPreviewRoute(
        requestAs(manager, '/api/imports', { method: 'POST', body: 'Name,Phone\r\nAda Lovelace,07911 123456\r\n', headers: { 'Content-Type': 'text/csv' } }),
        routeContext(),
      );
      expect(previewed.status).toBe(200);
      const readAfter = previewed.headers.getSetCookie().find((cookie) => cookie.startsWith('leadstream-read-after='));
      expect(readAfter).toMatch(/^leadstream-read-after=[0-9A-F]+\/[0-9A-F]+; Path=\/; Max-Age=60; HttpOnly; SameSite=Lax$/);
      // The colleague made no change in this process: only the cookie can send their read to the primary.
      expect(await countAs(colleague.cookie)).toBe(0);
      expect(await countAs(`${colleague.cookie}; ${readAfter!.split(';')[0]}`)).toBe(1);
    } finally {
      await resumeReplay();
    }
  });

  it('what a standby refuses stays on the primary: LISTEN (the projector) and the appends in flight (the export horizon)', async () => {
    await expect(standby().$executeRawUnsafe('LISTEN leadstream_events')).rejects.toThrow(/cannot execute LISTEN during recovery/);
    await expect(standby().$queryRaw`SELECT pg_current_wal_lsn()`).rejects.toThrow(/recovery is in progress/);
  });
});
