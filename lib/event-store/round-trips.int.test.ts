// An append is one statement: the whole write (command claim, version move, events, inline read
// models, command result) in one round trip, with no interactive transaction around it. These tests
// count every statement the pg driver sends while a command runs, and the name it sends it under.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { PREPARED } from '@/lib/db/sql';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';

const system = createSystem(testDb());
const sent: string[] = [];
const names: (string | undefined)[] = [];
const query = pg.Client.prototype.query;

beforeEach(async () => {
  await system.db.$queryRaw`SELECT 1`; // connect before counting
  sent.length = 0;
  names.length = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
    sent.push(String(text).replace(/\s+/g, ' ').replace(PREPARED.text, '').trim());
    names.push(typeof args[0] === 'string' ? undefined : args[0]?.name);
    return (query as any).apply(this, args);
  } as typeof query;
});
afterEach(() => {
  pg.Client.prototype.query = query;
});

const writes = () => sent.filter((text) => !/^SELECT (?!leadstream_append)/i.test(text));
const context = (): CommandContext => ({ tenantId: freshId('tenant'), actorId: 'agent-1', region: 'GB' });

describe('an append', () => {
  it('registers a lead in one statement, its lead-table row included', async () => {
    const given = context();
    const leadId = randomUUID();
    sent.length = 0;
    await executeLeadCommand(system.store, given, { type: 'RegisterLead', data: { leadId, name: 'Ada Lovelace', phones: ['020 7946 0018'], emails: [], source: 'web' } });

    expect(writes()).toEqual([expect.stringMatching(/^SELECT leadstream_append\(/)]);
    const [row] = await system.db.$queryRaw<{ name: string; version: number }[]>`SELECT name, version FROM leads WHERE tenant_id = ${given.tenantId} AND lead_id = ${leadId}`;
    expect(row).toEqual({ name: 'Ada Lovelace', version: 1 });
  });

  it('changes a lead in two statements: one read (the command log, the stream, its key, its lead row), one write', async () => {
    const given = context();
    const leadId = randomUUID();
    await executeLeadCommand(system.store, given, { type: 'RegisterLead', data: { leadId, name: 'Ada Lovelace', phones: [], emails: ['ada@example.com'], source: 'web' } });
    sent.length = 0;
    await executeLeadCommand(system.store, given, { type: 'ChangeName', leadId, expectedVersion: 1, data: { name: 'Ada King' } });

    expect(writes()).toEqual([expect.stringMatching(/^SELECT leadstream_append\(/)]);
    expect(sent).toEqual([expect.stringMatching(/^SELECT 'side' AS kind/), expect.stringMatching(/^SELECT leadstream_append\(/)]);
    expect(sent.some((text) => /^(BEGIN|COMMIT)/i.test(text))).toBe(false);
    const [row] = await system.db.$queryRaw<{ name: string; version: number }[]>`SELECT name, version FROM leads WHERE tenant_id = ${given.tenantId} AND lead_id = ${leadId}`;
    expect(row).toEqual({ name: 'Ada King', version: 2 });
  });

  it('loads through a named prepared statement, the same for every lead, so PostgreSQL keeps its plan', async () => {
    const given = context();
    const [first, second] = [randomUUID(), randomUUID()];
    for (const leadId of [first, second]) await executeLeadCommand(system.store, given, { type: 'RegisterLead', data: { leadId, name: 'Ada Lovelace', phones: [], emails: [`${leadId}@example.com`], source: 'web' } });
    sent.length = 0;
    names.length = 0;
    await executeLeadCommand(system.store, given, { type: 'ChangeName', leadId: first, expectedVersion: 1, data: { name: 'Ada King' } });
    await executeLeadCommand(system.store, given, { type: 'ChangeName', leadId: second, expectedVersion: 1, data: { name: 'Ada Byron' } });

    const loads = names.filter((_, index) => /^SELECT 'side' AS kind/.test(sent[index]!));
    expect(loads).toEqual([expect.stringMatching(/^leadstream_p_[0-9a-f]{32}$/), loads[0]]);
    expect(names.filter((name) => name !== undefined)).toEqual(loads); // the append goes unnamed
  });
});
