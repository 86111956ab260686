// Erasing a person's data: afterwards no value of theirs is anywhere in the database (every table's
// text, the log's raw data included), the export and search show none, other leads stay readable,
// and every read model rebuilt from the log equals the live one.
import { randomInt, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GET as exportRoute } from '@/app/api/export/route';
import { loadAggregate } from '@/lib/commands/aggregate';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { ident } from '@/lib/db/sql';
import { IllegalStateError, ValidationError } from '@/lib/errors';
import { createEventStore } from '@/lib/event-store';
import { leadAggregate } from '@/lib/leads';
import { DNC_STREAM_TYPE, dncStreamId } from '@/lib/do-not-call/do-not-call';
import { blockedNumbers } from '@/lib/read/do-not-call/queries';
import { catchUp } from '@/lib/read/engine/run-batch';
import { evolveLeadRow, type LeadRow } from '@/lib/read/lead-table/lead-row';
import { searchLeads } from '@/lib/read/search-terms/search';
import { createSystem } from '@/lib/system';
import { ASYNC_PROJECTIONS } from '@/lib/system/projections';
import { testDb } from '@/lib/testing/database';
import { expectAsyncModelsEqualRebuild } from '@/lib/testing/projections';
import { loggedIn, requestAs, routeContext } from '@/lib/testing/sessions';
import { signedRequest } from '@/lib/webhooks/send';
import type { Head } from '@/lib/webhooks/outbox-store';
import { erasePersonalData } from './erase-service';

const system = createSystem(testDb());
const { store, db } = system;

/** A person whose every value is unique to this run, so finding one anywhere is finding theirs. */
function person() {
  const tag = randomUUID().slice(0, 8);
  const digits = String(randomInt(10_000, 99_999));
  return {
    name: `Ilse Quarn${tag}`, newName: `Ilse Vort${tag}`, phone: `07700 9${digits}`, e164: `+4477009${digits}`,
    email: `ilse.${tag}@example.org`, note: `Prefers mornings ${tag}`, legacyNote: `Old plaintext ${tag}`,
  };
}

async function leadOf(context: CommandContext, who: ReturnType<typeof person>) {
  const leadId = randomUUID();
  await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name: who.name, phones: [who.phone], emails: [who.email], source: 'web' } });
  await executeLeadCommand(store, context, { type: 'ChangeName', leadId, data: { name: who.newName } });
  await executeLeadCommand(store, context, { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: who.note } });
  await executeLeadCommand(store, context, { type: 'ChangeStatus', leadId, data: { status: 'Closed' } });
  // A note written before sealing came in: stored in the clear.
  const unsealed = createEventStore(db, { registry: system.registry });
  await unsealed.append({ tenantId: context.tenantId, streamId: leadId, streamType: 'lead' }, [
    { type: 'NoteAdded', data: { noteId: randomUUID(), text: who.legacyNote }, occurredAt: new Date(), metadata: { actor: 'ana' } },
  ], { expectedVersion: 4 });
  // A snapshot holds the state in the clear.
  const { state, version } = await loadAggregate(store, leadAggregate, context.tenantId, leadId, { fromSnapshot: false });
  await store.saveSnapshot(context.tenantId, leadId, leadAggregate.snapshots.shape, { version, state });
  // The person asked not to be called on their number: it is on the do-not-call list.
  await store.append({ tenantId: context.tenantId, streamId: dncStreamId(who.e164), streamType: DNC_STREAM_TYPE }, [
    { type: 'NumberBlocked', data: { phone: who.e164, reason: 'Asked not to be called', source: 'manual' }, occurredAt: new Date(), metadata: { actor: 'ana' } },
  ], { expectedVersion: 'no_stream' });
  return leadId;
}

/** Tables (and columns) whose text holds any of the values, case-insensitively: every table of the database. */
async function tablesHolding(values: readonly string[]): Promise<string[]> {
  const tables = await db.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`;
  const pattern = values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${ident(name)} t WHERE to_jsonb(t)::text ~* ${pattern}`;
    if (row!.n > 0) found.push(name);
  }
  return found;
}

const projectAll = async () => {
  for (const projection of ASYNC_PROJECTIONS) await catchUp(store, projection);
};

describe('erasing a person\u2019s data', () => {
  it('leaves no value of theirs in any table, the log included; the lead keeps its status; another lead stays readable', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const ana: CommandContext = { tenantId, actorId: 'ana', region: 'GB', dialing: system.dialing };
    const [erased, kept] = [person(), person()];
    const erasedId = await leadOf(ana, erased);
    const keptId = await leadOf(ana, kept);
    await projectAll();
    const values = (who: ReturnType<typeof person>) => [who.name, who.newName, who.e164, who.e164.slice(1), who.phone, who.email, who.note, who.legacyNote];
    expect(await tablesHolding(values(erased))).toEqual(expect.arrayContaining(['leads', 'search_terms', 'snapshots', 'events', 'streams', 'do_not_call']));

    await erasePersonalData(system, { tenantId, actorId: 'manager-1' }, { leadId: erasedId, reason: 'Asked to be forgotten (ticket 4411)' });
    await projectAll();

    expect(await tablesHolding(values(erased))).toEqual([]);
    // The number stays blocked, kept as its hash: the person is still never called on it.
    expect([...(await blockedNumbers(db, tenantId, [erased.e164, kept.e164])).keys()].sort()).toEqual([erased.e164, kept.e164].sort());
    expect((await store.readStream(tenantId, dncStreamId(erased.e164)))).toEqual([]);
    expect((await tablesHolding(values(kept))).sort()).toEqual(expect.arrayContaining(['events', 'leads', 'search_terms']));

    const [row] = await db.$queryRaw<{ name: string; status: string; phones: unknown; emails: string[] }[]>`
      SELECT name, status, phones, emails FROM leads WHERE tenant_id = ${tenantId} AND lead_id = ${erasedId}`;
    expect(row).toEqual({ name: '[erased]', status: 'Closed', phones: [{ e164: '[erased]', raw: '[erased]' }], emails: ['[erased]'] });
    const history = await store.readStream(tenantId, erasedId);
    expect(history.map((event) => event.type)).toEqual(['LeadRegistered', 'NameChanged', 'NoteAdded', 'StatusChanged', 'NoteAdded', 'PersonalDataErased']);
    expect(history[2]!.data).toMatchObject({ text: '[erased]' });
    expect(history[4]!.data).toMatchObject({ text: '[erased]' });
    expect((await store.readStream(tenantId, keptId))[1]!.data).toEqual({ name: kept.newName, previousName: kept.name });

    const search = (text: string) => searchLeads(db, tenantId, text, { region: 'GB' });
    expect((await search(erased.phone)).results).toEqual([]);
    expect((await search(erased.newName)).results).toEqual([]);
    expect((await search(kept.phone)).results.map((result) => result.leadId)).toEqual([keptId]);

    // A webhook sent (or replayed) after the erasure carries none of it either.
    const secret = `whsec_${Buffer.from('k'.repeat(32)).toString('base64')}`;
    const webhook = await signedRequest(store, { tenantId, streamId: erasedId, version: 1, secret } as Head, new Date());
    for (const value of values(erased)) expect(webhook!.body).not.toContain(value);
    expect(JSON.parse(webhook!.body).data.change).toMatchObject({ name: '[erased]', emails: ['[erased]'] });

    const bi = await loggedIn(db, tenantId, 'bi');
    const exported = await (await exportRoute(requestAs(bi, '/api/export?format=ndjson'), routeContext())).text();
    for (const value of values(erased)) expect(exported).not.toContain(value);
    expect(exported).toContain(kept.newName);
    expect(exported).toContain('[erased]');

    // Every read model rebuilt from the log equals the live one: the async ones, and the lead table.
    await expectAsyncModelsEqualRebuild(store, tenantId);
    const replayed = history.reduce<LeadRow | null>(evolveLeadRow, null)!;
    const [live] = await db.$queryRaw<LeadRow[]>`
      SELECT name, phones, emails, status, version, wrong_phones, call_count FROM leads WHERE tenant_id = ${tenantId} AND lead_id = ${erasedId}`;
    expect(live).toEqual({
      name: replayed.name, phones: replayed.phones, emails: replayed.emails, status: replayed.status, version: replayed.version,
      wrong_phones: replayed.wrong_phones, call_count: replayed.call_count,
    });
  });

  it('refuses a second erasure, an edit that would bring data back, and an erasure without a reason; status changes go on', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const ana: CommandContext = { tenantId, actorId: 'ana', region: 'GB', dialing: system.dialing };
    const leadId = randomUUID();
    await executeLeadCommand(store, ana, { type: 'RegisterLead', data: { leadId, name: 'Tove Lind', phones: ['020 7946 0018'], source: 'web' } });
    await expect(erasePersonalData(system, { tenantId, actorId: 'm' }, { leadId, reason: '  ' })).rejects.toThrow(ValidationError);
    await erasePersonalData(system, { tenantId, actorId: 'm' }, { leadId, reason: 'Asked to be forgotten' });

    await expect(erasePersonalData(system, { tenantId, actorId: 'm' }, { leadId, reason: 'Again' })).rejects.toThrow(IllegalStateError);
    await expect(executeLeadCommand(store, ana, { type: 'ChangeName', leadId, data: { name: 'Tove Lind' } })).rejects.toThrow(IllegalStateError);
    const changed = await executeLeadCommand(store, ana, { type: 'ChangeStatus', leadId, data: { status: 'Converted' } });
    expect(changed.version).toBe(3);
  });
});
