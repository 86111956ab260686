import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError, IllegalStateError, ValidationError } from '@/lib/errors';
import { leadAggregate } from '@/lib/leads';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { loadAggregate } from './aggregate';
import { executeLeadCommand, type CommandContext } from './lead-commands';
import { catchUp } from '@/lib/read/engine/run-batch';
import { leadById } from '@/lib/read/lead-table/lead-by-id';
import { loadLeadList } from '@/lib/read/lead-table/leads-list';
import { searchTermsProjection } from '@/lib/read/search-terms/projection';
import { searchLeads } from '@/lib/read/search-terms/search';
import { mergeLeads, unmergeLead } from './merge-service';

const { store } = createSystem(testDb());

function tenant() {
  const tenantId = `tenant-${randomUUID()}`;
  const context: CommandContext = { tenantId, actorId: 'maria', region: 'GB' };
  return { tenantId, context };
}

async function register(context: CommandContext, name: string, phones: string[], emails: string[]) {
  const leadId = randomUUID();
  await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name, phones, emails, source: 'web' } });
  return leadId;
}

async function pair() {
  const { tenantId, context } = tenant();
  const survivorId = await register(context, 'Jane Doe', ['07700 900123'], []);
  const leadId = await register(context, 'Jane Smith', ['020 7946 0018'], ['jane@example.com']);
  await executeLeadCommand(store, context, { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: 'Wants a quote' } });
  return { tenantId, context, survivorId, leadId };
}

const choices = { name: 'Jane Doe', phones: ['+447700900123', '+442079460018'], emails: ['jane@example.com'], ownerId: null, status: 'Available' };
const types = async (tenantId: string, leadId: string) => (await store.readStream(tenantId, leadId)).map((event) => event.type);

describe('merging two leads', () => {
  it('writes the survivor’s and the merged lead’s events in one append, and the merged lead takes no more commands', async () => {
    const { tenantId, context, survivorId, leadId } = await pair();
    await mergeLeads(store, context, { survivorId, leadId, survivorVersion: 1, leadVersion: 2, choices });

    expect(await types(tenantId, survivorId)).toEqual(['LeadRegistered', 'LeadAbsorbed', 'PhoneAdded', 'EmailAdded']);
    expect(await types(tenantId, leadId)).toEqual(['LeadRegistered', 'NoteAdded', 'LeadMergedInto']);
    const [survivorEvents, mergedEvents] = await Promise.all([store.readStream(tenantId, survivorId), store.readStream(tenantId, leadId)]);
    expect(mergedEvents.at(-1)!.txId).toBe(survivorEvents.at(-1)!.txId);
    expect(mergedEvents.at(-1)!.metadata.commandId).toBe(survivorEvents.at(-1)!.metadata.commandId);
    await expect(executeLeadCommand(store, context, { type: 'ChangeName', leadId, data: { name: 'J. Smith' } })).rejects.toThrow(IllegalStateError);
  });

  it('refuses a merge decided on an old version of the other lead, with what changed, and stores nothing', async () => {
    const { tenantId, context, survivorId, leadId } = await pair();
    const refusal = mergeLeads(store, context, { survivorId, leadId, survivorVersion: 1, leadVersion: 1, choices });
    await expect(refusal).rejects.toThrow(ConflictError);
    await expect(refusal).rejects.toMatchObject({ streamId: leadId, changes: [{ type: 'NoteAdded', actor: 'maria' }] });
    expect(await types(tenantId, survivorId)).toEqual(['LeadRegistered']);
    expect(await types(tenantId, leadId)).toEqual(['LeadRegistered', 'NoteAdded']);
  });

  it('refuses a merge decided on an old version of the survivor', async () => {
    const { tenantId, context, survivorId, leadId } = await pair();
    await executeLeadCommand(store, context, { type: 'ChangeName', leadId: survivorId, data: { name: 'Jane A. Doe' } });
    await expect(mergeLeads(store, context, { survivorId, leadId, survivorVersion: 1, leadVersion: 2, choices })).rejects.toMatchObject({
      streamId: survivorId, changes: [{ type: 'NameChanged' }],
    });
    expect(await types(tenantId, leadId)).toEqual(['LeadRegistered', 'NoteAdded']);
  });

  it('refuses a choice neither lead holds, naming the field, and stores nothing', async () => {
    const { tenantId, context, survivorId, leadId } = await pair();
    const refusal = mergeLeads(store, context, { survivorId, leadId, survivorVersion: 1, leadVersion: 2, choices: { ...choices, name: 'Janet' } });
    await expect(refusal).rejects.toThrow(ValidationError);
    await expect(refusal).rejects.toMatchObject({ issues: [{ field: 'name' }] });
    expect(await types(tenantId, leadId)).toEqual(['LeadRegistered', 'NoteAdded']);
  });
});

describe('undoing a merge', () => {
  it('gives the merged lead back as it was, and keeps what was done to the survivor since', async () => {
    const { tenantId, context, survivorId, leadId } = await pair();
    const merged = await mergeLeads(store, context, { survivorId, leadId, survivorVersion: 1, leadVersion: 2, choices });
    await executeLeadCommand(store, context, { type: 'ChangeName', leadId: survivorId, data: { name: 'Jane Doe-Smith' } });
    const { state } = await loadAggregate(store, leadAggregate, tenantId, survivorId);
    const mergeId = state.kind === 'registered' ? state.lastMerge!.mergeId : '';
    expect(merged.events[0]).toMatchObject({ type: 'LeadAbsorbed', data: { mergeId } });

    await unmergeLead(store, context, { survivorId, mergeId });

    const [survivor, lead] = await Promise.all([
      loadAggregate(store, leadAggregate, tenantId, survivorId), loadAggregate(store, leadAggregate, tenantId, leadId),
    ]);
    expect(survivor.state).toMatchObject({ name: 'Jane Doe-Smith', phones: [{ e164: '+447700900123' }], emails: [], lastMerge: null });
    expect(lead.state).toMatchObject({ name: 'Jane Smith', phones: [{ e164: '+442079460018' }], emails: ['jane@example.com'], noteCount: 1, mergedInto: null });
    await executeLeadCommand(store, context, { type: 'ChangeName', leadId, data: { name: 'J. Smith' } });
    await expect(unmergeLead(store, context, { survivorId, mergeId })).rejects.toThrow(IllegalStateError);
  });
});

describe('the read side across a merge', () => {
  it('search finds the survivor by the merged lead’s old phone, the list leaves the merged lead out, and undoing gives both back', async () => {
    const { tenantId, context, survivorId, leadId } = await pair();
    await executeLeadCommand(store, context, { type: 'ChangeContactInfo', leadId, data: { removePhones: ['+442079460018'], addPhones: ['0161 496 0000'] } });
    const keepOne = { ...choices, phones: ['+447700900123'] };
    await mergeLeads(store, context, { survivorId, leadId, survivorVersion: 1, leadVersion: 4, choices: keepOne, commandId: `merge-${leadId}` });
    await catchUp(store, searchTermsProjection);
    const viewer = { id: 'maria', tenantId };

    const found = await searchLeads(store.db, tenantId, '020 7946 0018', { region: 'GB' });
    expect(found.results.map((result) => [result.leadId, result.name, result.matched.current])).toEqual([[survivorId, 'Jane Doe', false]]);
    expect((await loadLeadList(store.db, viewer, {})).rows.map((row) => row.leadId)).toEqual([survivorId]);
    expect(await leadById(store.db, tenantId, leadId)).toMatchObject({ mergedInto: survivorId });

    await unmergeLead(store, context, { survivorId, mergeId: `merge-${leadId}` });
    await catchUp(store, searchTermsProjection);
    const again = await searchLeads(store.db, tenantId, '020 7946 0018', { region: 'GB' });
    expect(again.results.map((result) => result.leadId)).toEqual([leadId]);
    expect((await loadLeadList(store.db, viewer, {})).rows).toHaveLength(2);
  });
});
