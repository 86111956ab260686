import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GET as exportCountRoute } from '@/app/api/export/count/route';
import { GET as exportRoute } from '@/app/api/export/route';
import type { Role } from '@/lib/auth/roles';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { START_OF_LOG } from '@/lib/event-store';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { loggedIn, requestAs, routeContext, type TestSession } from '@/lib/testing/sessions';
import { exportColumns } from './columns';

const db = testDb();
const { store, registry } = createSystem(db);
const { csvHeader, dataFields } = exportColumns(registry);

const TRICKY_NAMES = ['Zoë "Zed" O\'Brien, Jr.', 'Ngọc Ánh\nNguyễn', '  Łukasz   Żółć  ', 'Ωmega; 名前, "quoted"\r\nline', '=SUM(A1)'];

type Route = typeof exportRoute;
const exportHandler: Route = exportRoute;
const exportCountHandler: Route = exportCountRoute;

/** A logged-in user of the tenant with this role (one session per tenant and role). */
const sessions = new Map<string, Promise<TestSession>>();
function session(tenantId: string, role: Role = 'bi'): Promise<TestSession> {
  const key = `${tenantId}/${role}`;
  if (!sessions.has(key)) sessions.set(key, loggedIn(db, tenantId, role));
  return sessions.get(key)!;
}
const bi = (tenantId: string) => session(tenantId, 'bi');
/** One tenant for the parameter checks, which never read its events. */
const parameterTenant = freshId('tenant');

/** The export's routes as a browser of that session (or of nobody) calls them. */
const asUser = (user: Promise<TestSession> | null) => ({
  get: async (handler: Route, query: string) => handler(requestAs(user ? await user : null, `/api/export?${query}`), routeContext()),
});

/** A tenant with leads whose names and notes need every kind of CSV quoting, written through the command handler. */
async function tenantWithLeads() {
  const tenantId = freshId('tenant');
  const leads: string[] = [];
  for (const [index, name] of TRICKY_NAMES.entries()) {
    const leadId = randomUUID();
    leads.push(leadId);
    const actor = index % 2 === 0 ? 'ana' : 'ben';
    const context = { tenantId, actorId: actor, region: 'GB' as const };
    await executeLeadCommand(store, context, {
      type: 'RegisterLead', correlationId: `corr-${index}`,
      data: { leadId, name, phones: [`07911 1234${String(index).padStart(2, '0')}`], emails: [`lead${index}@example.com`], source: 'web, "spring" campaign' },
    });
    await executeLeadCommand(store, context, { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: `Called, said: "ring back"\nafter 5, ok — ${name}` } });
    await executeLeadCommand(store, context, { type: 'ChangeStatus', leadId, data: { status: 'Closed' } });
  }
  return { tenantId, leads };
}

const csvRows = (text: string) => parse(text, { columns: true, skip_empty_lines: false }) as Record<string, string>[];

describe('the CSV export, parsed back with csv-parse', () => {
  it('holds one row per event, every field round-trips, positions strictly increase', async () => {
    const { tenantId } = await tenantWithLeads();
    const response = await asUser(bi(tenantId)).get(exportHandler, 'format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await response.text();
    const header = parse(text, { to_line: 1 })[0] as string[];
    expect(header).toEqual(csvHeader);

    const rows = csvRows(text);
    const stored = await db.$queryRaw<{ position: bigint; stream_id: string; version: number; type: string; data: any; metadata: any; occurred_at: Date }[]>`
      SELECT position, stream_id, version, type, data, metadata, occurred_at FROM events WHERE tenant_id = ${tenantId} ORDER BY position`;
    // The export holds the data as readers see it: personal values opened, not as sealed in the log.
    const { events: read } = await store.readAll(START_OF_LOG, { tenantId });
    stored.forEach((event, index) => (event.data = read[index]!.data));
    expect(rows).toHaveLength(stored.length);
    expect(rows).toHaveLength(TRICKY_NAMES.length * 3);

    rows.forEach((row, index) => {
      const event = stored[index]!;
      expect(row.position).toBe(event.position.toString());
      expect(row.tenant_id).toBe(tenantId);
      expect(row.stream_type).toBe('lead');
      expect(row.stream_id).toBe(event.stream_id);
      expect(Number(row.version)).toBe(event.version);
      expect(row.type).toBe(event.type);
      expect(row.occurred_at).toBe(event.occurred_at.toISOString());
      expect(row.actor).toBe(event.metadata.actor);
      expect(row.command_id).toBe(event.metadata.commandId);
      expect(row.correlation_id).toBe(event.metadata.correlationId);
      expect(row.causation_id).toBe(event.metadata.causationId ?? '');
      expect(JSON.parse(row.data!)).toEqual(event.data);
      expect(JSON.parse(row.metadata!)).toEqual(event.metadata);
      for (const field of dataFields) {
        const value = event.data[field];
        const cell = row[`data.${field}`]!;
        if (value === undefined || value === null || typeof value === 'string') expect(cell, `${event.type} data.${field}`).toBe(value ?? '');
        else expect(JSON.parse(cell), `${event.type} data.${field}`).toEqual(value);
      }
    });
    const positions = rows.map((row) => BigInt(row.position!));
    positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]!));

    // The names survive every quoting rule, leading and trailing spaces included.
    const registered = rows.filter((row) => row.type === 'LeadRegistered');
    expect(registered.map((row) => row['data.name'])).toEqual(TRICKY_NAMES.map((name) => name.trim()));
    expect(registered[0]!['data.source']).toBe('web, "spring" campaign');
    expect(rows.find((row) => row.type === 'NoteAdded')!['data.text']).toBe(`Called, said: "ring back"\nafter 5, ok — ${TRICKY_NAMES[0]}`);
  });

  it('an incremental fetch with `after` returns exactly the rest, then nothing', async () => {
    const { tenantId } = await tenantWithLeads();
    const all = csvRows(await (await asUser(bi(tenantId)).get(exportHandler, 'format=csv')).text());
    const cut = all[6]!.position!;
    const rest = await asUser(bi(tenantId)).get(exportHandler, `format=csv&after=${cut}`);
    expect(rest.headers.get('x-export-after')).toBe(cut);
    const restRows = csvRows(await rest.text());
    expect(restRows.map((row) => row.position)).toEqual(all.slice(7).map((row) => row.position));

    const horizon = rest.headers.get('x-export-horizon')!;
    expect(BigInt(horizon)).toBeGreaterThanOrEqual(BigInt(all.at(-1)!.position!));
    const nothing = await asUser(bi(tenantId)).get(exportHandler, `format=csv&after=${horizon}`);
    expect(csvRows(await nothing.text())).toEqual([]);

    // Events written after that horizon come with the next fetch.
    const leadId = randomUUID();
    await executeLeadCommand(store, { tenantId, actorId: 'ana', region: 'GB' }, { type: 'RegisterLead', data: { leadId, name: 'Later Lead', emails: ['later@example.com'] } });
    const next = csvRows(await (await asUser(bi(tenantId)).get(exportHandler, `format=csv&after=${horizon}`)).text());
    expect(next.map((row) => [row.stream_id, row['data.name']])).toEqual([[leadId, 'Later Lead']]);
  });

  it('filters by event type, lead, actor and occurred-at range, and counts the same events', async () => {
    const { tenantId, leads } = await tenantWithLeads();
    const get = async (query: string) => csvRows(await (await asUser(bi(tenantId)).get(exportHandler, `format=csv&${query}`)).text());
    const count = async (query: string) => (await (await asUser(bi(tenantId)).get(exportCountHandler, query)).json()).count;

    const notes = await get('type=NoteAdded&type=StatusChanged');
    expect(new Set(notes.map((row) => row.type))).toEqual(new Set(['NoteAdded', 'StatusChanged']));
    expect(notes).toHaveLength(TRICKY_NAMES.length * 2);
    expect(await count('type=NoteAdded,StatusChanged')).toBe(notes.length);

    const lead = await get(`lead=${leads[1]}`);
    expect(lead.map((row) => row.type)).toEqual(['LeadRegistered', 'NoteAdded', 'StatusChanged']);
    expect(new Set(lead.map((row) => row.stream_id))).toEqual(new Set([leads[1]]));

    const byBen = await get('actor=ben');
    expect(byBen).toHaveLength(2 * 3);
    expect(byBen.every((row) => row.actor === 'ben')).toBe(true);
    expect(await count('actor=ben')).toBe(6);

    // Move three events into March 2026 to check the date range.
    await db.$executeRaw`UPDATE events SET occurred_at = '2026-03-15T10:00:00Z' WHERE tenant_id = ${tenantId} AND stream_id = ${leads[0]}`;
    const march = await get('from=2026-03-01&to=2026-03-15');
    expect(march.map((row) => row.stream_id)).toEqual([leads[0], leads[0], leads[0]]);
    expect(march[0]!.occurred_at).toBe('2026-03-15T10:00:00.000Z');
    expect(await get('from=2026-03-16')).toHaveLength(TRICKY_NAMES.length * 3 - 3);
    expect(await get('to=2026-03-14')).toEqual([]);
  });
});

describe('cells a spreadsheet would run as formulas', () => {
  const NAME = '=HYPERLINK("http://evil.example","x")';
  const SOURCE = '@SUM(1+1)';
  const NOTE = "-2+3+cmd|' /C calc'!A0";
  const COMMAND_ID = '+cmd-registration';

  /** A lead whose name, source, note and command id a spreadsheet would run; one more stored in an older shape. */
  async function tenantWithFormulas() {
    const tenantId = freshId('tenant');
    const leadId = randomUUID();
    const context = { tenantId, actorId: 'ana', region: 'GB' as const };
    await executeLeadCommand(store, context, { type: 'RegisterLead', commandId: COMMAND_ID, data: { leadId, name: NAME, phones: ['07911 123456'], source: SOURCE } });
    await executeLeadCommand(store, context, { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: NOTE } });
    await db.$executeRaw`
      INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
      VALUES (${tenantId}, ${randomUUID()}, 'lead', 1, 'LeadRegistered', 1,
        ${JSON.stringify({ leadId: randomUUID(), name: '=1+1', phone: null, email: 'old@example.com', source: '-1' })}::jsonb, '{"actor":"ana"}'::jsonb, now())`;
    return tenantId;
  }

  it('are exported exactly as stored by default: the API is lossless', async () => {
    const tenantId = await tenantWithFormulas();
    const rows = csvRows(await (await asUser(bi(tenantId)).get(exportHandler, 'format=csv')).text());
    expect(rows.map((row) => [row.type, row['data.name'], row['data.source'], row['data.text'], row.command_id!.slice(0, COMMAND_ID.length)])).toEqual([
      ['LeadRegistered', NAME, SOURCE, '', COMMAND_ID],
      ['NoteAdded', '', '', NOTE, expect.any(String)],
      ['LeadRegistered', '=1+1', '-1', '', ''],
    ]);
  });

  it('start with a single quote when the file is for a spreadsheet (spreadsheet=true), gzip or not, and the JSON columns keep the exact value', async () => {
    const tenantId = await tenantWithFormulas();
    for (const gzip of [false, true]) {
      const response = await asUser(bi(tenantId)).get(exportHandler, `format=csv&spreadsheet=true&gzip=${gzip}`);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const rows = csvRows((gzip ? gunzipSync(bytes) : bytes).toString('utf8'));
      expect(rows.map((row) => [row['data.name'], row['data.source'], row['data.text'], row.command_id])).toEqual([
        [`'${NAME}`, `'${SOURCE}`, '', `'${COMMAND_ID}`],
        ['', '', `'${NOTE}`, expect.any(String)],
        // Upcast from the older shape on the way out, and neutralised all the same; -1 is a plain number.
        ["'=1+1", '-1', '', ''],
      ]);
      expect(JSON.parse(rows[0]!.data!)).toMatchObject({ name: NAME, source: SOURCE });
      const runnable = rows.flatMap((row) => Object.values(row)).filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell));
      expect(runnable).toEqual([]);
    }
  });

  it('refuses spreadsheet=true for NDJSON, naming the parameter', async () => {
    const response = await asUser(bi(parameterTenant)).get(exportHandler, 'format=ndjson&spreadsheet=true');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ parameter: 'spreadsheet', message: 'spreadsheet applies to format=csv only' });
  });
});

describe('the NDJSON and gzip exports', () => {
  it('NDJSON carries the same events as objects', async () => {
    const { tenantId } = await tenantWithLeads();
    const csv = csvRows(await (await asUser(bi(tenantId)).get(exportHandler, 'format=csv')).text());
    const response = await asUser(bi(tenantId)).get(exportHandler, 'format=ndjson');
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text()).split('\n');
    expect(lines.pop()).toBe('');
    const records = lines.map((line) => JSON.parse(line));
    expect(records).toHaveLength(csv.length);
    records.forEach((record, index) => {
      const row = csv[index]!;
      expect(record).toMatchObject({ position: row.position, tenant_id: tenantId, stream_id: row.stream_id, type: row.type, occurred_at: row.occurred_at, actor: row.actor });
      expect(record.data).toEqual(JSON.parse(row.data!));
      expect(record.metadata).toEqual(JSON.parse(row.metadata!));
    });
    expect(records.filter((r) => r.type === 'LeadRegistered').map((r) => r.data.name)).toEqual(TRICKY_NAMES.map((name) => name.trim()));
  });

  it('gzip compresses exactly the same bytes', async () => {
    const { tenantId } = await tenantWithLeads();
    for (const format of ['csv', 'ndjson']) {
      const plain = await (await asUser(bi(tenantId)).get(exportHandler, `format=${format}`)).text();
      const zipped = await asUser(bi(tenantId)).get(exportHandler, `format=${format}&gzip=true`);
      expect(zipped.headers.get('content-type')).toBe('application/gzip');
      expect(zipped.headers.get('content-disposition')).toMatch(new RegExp(`\\.${format}\\.gz"$`));
      expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(plain);
    }
  });

  it('exports old events in their latest shape, keeping the schema version they were stored with', async () => {
    const tenantId = freshId('tenant');
    const leadId = randomUUID();
    await db.$executeRaw`
      INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
      VALUES (${tenantId}, ${leadId}, 'lead', 1, 'LeadRegistered', 1,
        ${JSON.stringify({ leadId, name: 'Old Shape', phone: { e164: '+447911123456', raw: '07911 123456' }, email: null, source: 'legacy' })}::jsonb,
        '{"actor":"ana"}'::jsonb, now())`;
    const [row] = csvRows(await (await asUser(bi(tenantId)).get(exportHandler, 'format=csv')).text());
    expect(row).toMatchObject({ schema_version: '2', stored_schema_version: '1', 'data.phone': '', 'data.emails': '[]' });
    expect(JSON.parse(row!.data!)).toEqual({ leadId, name: 'Old Shape', phones: [{ e164: '+447911123456', raw: '07911 123456' }], emails: [], source: 'legacy', ownerId: null });
  });
});

describe('tenants and parameters', () => {
  it('a tenant\'s export never contains another tenant\'s events', async () => {
    const a = await tenantWithLeads();
    const b = await tenantWithLeads();
    const rows = csvRows(await (await asUser(bi(a.tenantId)).get(exportHandler, 'format=csv')).text());
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.tenant_id === a.tenantId)).toBe(true);
    expect(rows.some((row) => b.leads.includes(row.stream_id!))).toBe(false);
    // Asking for the other tenant by name, or for its lead, gives nothing of it.
    const named = await asUser(bi(a.tenantId)).get(exportHandler, `tenant=${b.tenantId}`);
    expect(named.status).toBe(403);
    expect(csvRows(await (await asUser(bi(a.tenantId)).get(exportHandler, `lead=${b.leads[0]}`)).text())).toEqual([]);
  });

  it.each([
    ['format=xml', 'format'],
    ['gzip=maybe', 'gzip'],
    ['after=-1', 'after'],
    ['after=abc', 'after'],
    ['from=yesterday', 'from'],
    ['to=2026-02-30T25:00Z', 'to'],
    ['from=2026-03-02&to=2026-03-01', 'to'],
    ['type=Bad%20Type', 'type'],
    ['lead=not-a-uuid', 'lead'],
    ['afer=10', 'afer'],
    ['after=1&after=2', 'after'],
  ])('%s is a 400 naming %s', async (query, parameter) => {
    for (const handler of [exportHandler, exportCountHandler]) {
      const response = await asUser(bi(parameterTenant)).get(handler, query);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toMatchObject({ kind: 'validation', parameter });
      expect(body.error.message).toMatch(new RegExp(parameter === 'afer' ? 'Unknown parameter: afer' : parameter));
    }
  });

  it('refuses a missing session (401) and a role without export (403)', async () => {
    const nobody = await asUser(null).get(exportHandler, 'format=csv');
    expect(nobody.status).toBe(401);
    expect((await nobody.json()).error.kind).toBe('unauthenticated');
    const agent = await asUser(session(freshId('tenant'), 'agent')).get(exportHandler, 'format=csv');
    expect(agent.status).toBe(403);
  });
});
