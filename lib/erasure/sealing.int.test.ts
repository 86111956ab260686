import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { createEventStore } from '@/lib/event-store';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';

const system = createSystem(testDb());
const { store, db } = system;

function tenant() {
  const tenantId = `tenant-${randomUUID()}`;
  const ana: CommandContext = { tenantId, actorId: 'ana', region: 'GB', dialing: system.dialing };
  return { tenantId, ana };
}

async function registerLead(context: CommandContext, name: string) {
  const leadId = randomUUID();
  await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name, phones: ['020 7946 0018'], emails: [`${name.split(' ')[0]}@example.com`], source: 'web' } });
  await executeLeadCommand(store, context, { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: `${name} asked about prices` } });
  return leadId;
}

const rawEvents = (tenantId: string, leadId: string) =>
  db.$queryRaw<{ type: string; data: unknown }[]>`SELECT type, data FROM events WHERE tenant_id = ${tenantId} AND stream_id = ${leadId} ORDER BY version`;

describe('personal values in the log', () => {
  it('are stored sealed with the lead\u2019s key, and read back as they were given', async () => {
    const { tenantId, ana } = tenant();
    const leadId = await registerLead(ana, 'Vesna Kraljic');

    const stored = JSON.stringify(await rawEvents(tenantId, leadId));
    expect(stored).not.toMatch(/Vesna|Kraljic|7946|example\.com|prices/i);
    expect(stored).toContain('"source":"web"');
    const [registered, note] = await store.readStream(tenantId, leadId);
    expect(registered!.data).toMatchObject({ name: 'Vesna Kraljic', phones: [{ e164: '+442079460018', raw: '020 7946 0018' }], emails: ['vesna@example.com'] });
    expect(note!.data).toMatchObject({ text: 'Vesna Kraljic asked about prices' });
    const keys = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM stream_keys WHERE tenant_id = ${tenantId} AND wrapped_key IS NOT NULL`;
    expect(keys[0]!.n).toBe(1);
  });

  it('read as [erased] once the lead\u2019s key is gone, for that lead only', async () => {
    const { tenantId, ana } = tenant();
    const gone = await registerLead(ana, 'Oskar Brandt');
    const kept = await registerLead(ana, 'Mira Holm');
    await db.$executeRaw`UPDATE stream_keys SET wrapped_key = NULL, erased_at = now() WHERE tenant_id = ${tenantId} AND stream_id = ${gone}`;

    const [registered, note] = await store.readStream(tenantId, gone);
    expect(registered!.data).toMatchObject({ name: '[erased]', phones: [{ e164: '[erased]', raw: '[erased]' }], emails: ['[erased]'], source: 'web' });
    expect(note!.data).toMatchObject({ text: '[erased]' });
    expect((await store.readStream(tenantId, kept))[0]!.data).toMatchObject({ name: 'Mira Holm' });
    const all = await store.readAll({ txId: 0n, position: 0n }, { tenantId });
    expect(all.events.filter((event) => event.streamId === gone).map((event) => event.type)).toEqual(['LeadRegistered', 'NoteAdded']);
  });

  it('are read as stored when they were written before sealing came in', async () => {
    const { tenantId } = tenant();
    const leadId = randomUUID();
    const unsealed = createEventStore(db, { registry: system.registry });
    await unsealed.append({ tenantId, streamId: leadId, streamType: 'lead' }, [{
      type: 'NameChanged', data: { name: 'Old Plain', previousName: 'Older Plain' }, occurredAt: new Date(),
    }], { expectedVersion: 'no_stream' });
    expect(JSON.stringify(await rawEvents(tenantId, leadId))).toContain('Old Plain');
    expect((await store.readStream(tenantId, leadId))[0]!.data).toEqual({ name: 'Old Plain', previousName: 'Older Plain' });
  });
});
