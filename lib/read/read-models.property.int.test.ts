// Every read model equals a fresh rebuild from the log, after any sequence of commands.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeNumber } from '@/lib/commands/do-not-call-service';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { mergeLeads, unmergeLead } from '@/lib/commands/merge-service';
import { finalState } from '@/lib/testing/lead-histories';
import { createSystem } from '@/lib/system';
import { isDomainError } from '@/lib/errors';
import { testDb } from '@/lib/testing/database';
import { tenantRows } from '@/lib/testing/projections';
import { rebuildProjection } from './engine/rebuild';
import { rebuildDoNotCall } from './do-not-call/rebuild';
import { catchUp } from './engine/run-batch';
import { writeLeadRows } from './lead-table/projection';
import { ASYNC_PROJECTIONS as asyncProjections } from '@/lib/system/projections';

const db = testDb();
const { store, dialing } = createSystem(db);

const PHONES = ['07911 123456', '+44 7911 654321', '020 7946 0018', '+1 212 555 0123', '0161 496 0000'];
const EMAILS = ['ana@example.com', 'ANA@work.example', 'b.ivanov@example.org'];
const NAMES = ['Ana Lima', 'José García', 'Stefan Ivanov', 'ana lima'];
const STATUSES = ['Available', 'FollowUp', 'Closed', 'Converted'];
/** The lead phones again, written otherwise, and one no lead holds: what the do-not-call commands block and unblock. */
const LISTED = ['+44 7911 123456', '020 7946 0018', '07911 654321', '07444 555001'];

const commandArb = fc.record({
  lead: fc.integer({ min: 0, max: 2 }),
  actor: fc.constantFrom('ana', 'ben', 'chloe'),
  minutes: fc.integer({ min: 1, max: 600 }),
  kind: fc.constantFrom('register', 'name', 'addPhone', 'removePhone', 'replacePhone', 'addEmail', 'removeEmail', 'status', 'followUp', 'clearFollowUp', 'assign', 'note', 'call', 'block', 'unblock', 'merge', 'unmerge'),
  pick: fc.nat(),
  hours: fc.integer({ min: 1, max: 72 }),
});

type GeneratedCommand = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(command: GeneratedCommand, leadId: string, now: Date) {
  const pick = <T,>(values: readonly T[]) => values[command.pick % values.length]!;
  const later = new Date(now.getTime() + command.hours * 3_600_000).toISOString();
  const data: Record<string, Record<string, unknown>> = {
    register: { leadId, name: pick(NAMES), phones: [pick(PHONES)], emails: [pick(EMAILS)] },
    name: { name: pick(NAMES) },
    addPhone: { addPhones: [pick(PHONES)] },
    removePhone: { removePhones: [pick(PHONES)] },
    replacePhone: { removePhones: [pick(PHONES)], addPhones: [PHONES[(command.pick + 1) % PHONES.length]] },
    addEmail: { addEmails: [pick(EMAILS)] },
    removeEmail: { removeEmails: [pick(EMAILS)] },
    status: { status: pick(STATUSES), followUpAt: pick(STATUSES) === 'FollowUp' ? later : null },
    followUp: { at: later },
    clearFollowUp: {},
    assign: { ownerId: pick(['ana', 'ben', null]) },
    note: { noteId: randomUUID(), text: 'note' },
    call: { outcome: pick(['no-answer', 'voicemail', 'busy', 'wrong-number', 'not-interested', 'call-back', 'do-not-call']), callbackAt: later },
  };
  const types: Record<string, string> = {
    register: 'RegisterLead', name: 'ChangeName', addPhone: 'ChangeContactInfo', removePhone: 'ChangeContactInfo', replacePhone: 'ChangeContactInfo',
    addEmail: 'ChangeContactInfo', removeEmail: 'ChangeContactInfo', status: 'ChangeStatus', followUp: 'SetFollowUp', clearFollowUp: 'ClearFollowUp',
    assign: 'AssignLead', note: 'AddNote', call: 'RecordCallOutcome',
  };
  return { type: types[command.kind], leadId, data: data[command.kind] };
}

/**
 * The lead `command.lead` takes in the next one, each field chosen from either lead by the bits of
 * `pick`, on the versions both are at now; or it undoes the last merge it made.
 */
async function mergeOrUndo(command: GeneratedCommand, tenantId: string, leadIds: string[], merges: Map<string, string>, now: Date) {
  const survivorId = leadIds[command.lead]!;
  const context = { tenantId, actorId: command.actor, now };
  if (command.kind === 'unmerge') return unmergeLead(store, context, { survivorId, mergeId: merges.get(survivorId) ?? 'none' });
  const leadId = leadIds[(command.lead + 1) % leadIds.length]!;
  const [survivorEvents, otherEvents] = await Promise.all([store.readStream(tenantId, survivorId), store.readStream(tenantId, leadId)]);
  if (survivorEvents.length === 0 || otherEvents.length === 0) return;
  const [survivor, other] = [finalState(survivorEvents), finalState(otherEvents)];
  const either = (bit: number) => ((command.pick >> bit) & 1 ? other : survivor);
  const mergeId = randomUUID();
  merges.set(survivorId, mergeId);
  return mergeLeads(store, context, {
    survivorId, leadId, survivorVersion: survivorEvents.length, leadVersion: otherEvents.length, commandId: mergeId,
    choices: {
      name: either(0).name, phones: either(1).phones.map((phone) => phone.e164), emails: either(2).emails, ownerId: either(3).ownerId,
      status: either(4).status, followUpAt: either(4).followUpAt,
    },
  });
}

/** A fresh lead table for the tenant, folded from its streams alone, in `leads__rebuild`. */
async function rebuildLeadTableCopy(tenantId: string, leadIds: string[]) {
  await db.$executeRaw`DROP TABLE IF EXISTS leads__rebuild`;
  await db.$executeRaw`CREATE TABLE leads__rebuild (LIKE leads INCLUDING ALL)`;
  const events = await store.readStreams(leadIds.map((streamId) => ({ tenantId, streamId })));
  await db.$transaction((tx) => writeLeadRows(tx, events, 'leads__rebuild'));
}

let mergesMade = 0;

describe('read models', () => {
  it('equal a fresh rebuild from the log after a random sequence of commands', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 5, maxLength: 30 }), async (commands) => {
        const tenantId = `tenant-${randomUUID()}`;
        const leadIds = [randomUUID(), randomUUID(), randomUUID()];
        let now = new Date('2026-03-01T08:00:00Z');
        const merges = new Map<string, string>();
        // Every lead registered first, so that merges have two leads to work on.
        const registrations = leadIds.map((_, lead): GeneratedCommand => ({ lead, actor: 'ana', minutes: 1, kind: 'register', pick: lead, hours: 1 }));
        for (const [index, command] of [...registrations, ...commands].entries()) {
          now = new Date(now.getTime() + command.minutes * 60_000);
          if (command.kind === 'block' || command.kind === 'unblock') {
            const number = { phone: LISTED[command.pick % LISTED.length], reason: `${command.kind} ${index}` };
            await changeNumber(store, { tenantId, id: command.actor }, command.kind, number, { now, commandId: `${tenantId}-${index}` })
              .catch((error) => { if (!isDomainError(error)) throw error; });
            continue;
          }
          if (command.kind === 'merge' || command.kind === 'unmerge') {
            const done = await mergeOrUndo(command, tenantId, leadIds, merges, now).catch((error) => { if (!isDomainError(error)) throw error; });
            if (done && command.kind === 'merge') mergesMade++;
            continue;
          }
          const input = toInput(command, leadIds[command.lead]!, now);
          await executeLeadCommand(store, { tenantId, actorId: command.actor, region: 'GB', now, dialing }, { ...input, commandId: `${tenantId}-${index}` })
            .catch((error) => { if (!isDomainError(error)) throw error; });
        }
        // Small batches, so the live tables are built step by step while the rebuild goes in one pass.
        for (const projection of asyncProjections) await catchUp(store, projection, { batchSize: 3 });

        await rebuildLeadTableCopy(tenantId, leadIds);
        expect(await tenantRows(db, 'leads', tenantId)).toEqual(await tenantRows(db, 'leads__rebuild', tenantId));
        // The do-not-call list, written inline command by command, equals its rebuild from the numbers' streams.
        const listed = await tenantRows(db, 'do_not_call', tenantId);
        await db.$executeRaw`DELETE FROM do_not_call WHERE tenant_id = ${tenantId}`;
        await rebuildDoNotCall(store);
        expect(await tenantRows(db, 'do_not_call', tenantId)).toEqual(listed);
        for (const projection of asyncProjections) {
          await rebuildProjection(store, projection, { tenantId });
          for (const table of projection.tables) {
            expect(await tenantRows(db, table, tenantId)).toEqual(await tenantRows(db, `${table}__rebuild`, tenantId));
          }
        }
      }),
      { numRuns: 12 },
    );
    // Some merges went through: the rebuilds were compared after merges too.
    expect(mergesMade).toBeGreaterThan(0);
  });
});
