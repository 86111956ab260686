import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { NotFoundError } from '@/lib/errors';
import { testDb } from '@/lib/testing/database';
import { leadAsOf, leadChangesBetween } from './time-travel';

const store = createSystem(testDb()).store;
const landline = { e164: '+442079460018', raw: '020 7946 0018' };
const mobile = { e164: '+447911123456', raw: '07911 123456' };

/**
 * v1 01-01 09:00 registered by Ana (landline, email, web); v2 01-02 09:00 renamed; v3 01-03 09:00
 * mobile added; v4+v5 01-04 09:00 Follow-up for 01-05 10:00; v6 01-05 09:00 assigned to Ben.
 */
async function writeHistory(tenantId: string) {
  const leadId = randomUUID();
  const run = (now: string, input: Record<string, unknown>) =>
    executeLeadCommand(store, { tenantId, actorId: 'ana', region: 'GB', now: new Date(now) }, { leadId, ...input });
  await run('2026-01-01T09:00:00Z', { type: 'RegisterLead', data: { leadId, name: 'Stefan Ivanov', phones: ['020 7946 0018'], emails: ['stefan@example.com'], source: 'web' } });
  await run('2026-01-02T09:00:00Z', { type: 'ChangeName', data: { name: 'Stefan P. Ivanov' } });
  await run('2026-01-03T09:00:00Z', { type: 'ChangeContactInfo', data: { addPhones: ['07911 123456'] } });
  await run('2026-01-04T09:00:00Z', { type: 'ChangeStatus', data: { status: 'FollowUp', followUpAt: '2026-01-05T10:00:00Z' } });
  await run('2026-01-05T09:00:00Z', { type: 'AssignLead', data: { ownerId: 'ben' } });
  return leadId;
}

describe('time travel on a lead', () => {
  const tenantId = `tenant-${randomUUID()}`;
  let leadId: string;
  beforeAll(async () => {
    leadId = await writeHistory(tenantId);
  });

  describe('the lead as of a point', () => {
    it('as of a moment: the events that had happened by then', async () => {
      const { state, version } = await leadAsOf(store, tenantId, leadId, { asOf: new Date('2026-01-03T12:00:00Z') });
      expect(version).toBe(3);
      expect(state).toMatchObject({ kind: 'registered', name: 'Stefan P. Ivanov', phones: [landline, mobile], status: 'Available', followUpAt: null, ownerId: null });
    });

    it('as of the exact moment of an event includes that event', async () => {
      expect((await leadAsOf(store, tenantId, leadId, { asOf: new Date('2026-01-04T09:00:00Z') })).version).toBe(5);
    });

    it('as of a version', async () => {
      const { state, version } = await leadAsOf(store, tenantId, leadId, { version: 1 });
      expect(version).toBe(1);
      expect(state).toMatchObject({ name: 'Stefan Ivanov', phones: [landline], emails: ['stefan@example.com'], source: 'web', status: 'Available' });
    });

    it('with both, the earlier of the two', async () => {
      expect((await leadAsOf(store, tenantId, leadId, { version: 6, asOf: new Date('2026-01-02T09:00:00Z') })).version).toBe(2);
      expect((await leadAsOf(store, tenantId, leadId, { version: 2, asOf: new Date('2026-01-09T00:00:00Z') })).version).toBe(2);
    });

    it('before the lead was registered: not yet existing, version 0', async () => {
      const { state, version } = await leadAsOf(store, tenantId, leadId, { asOf: new Date('2025-12-31T00:00:00Z') });
      expect(version).toBe(0);
      expect(state.kind).toBe('initial');
    });

    it('an unknown lead, or a lead of another tenant, is not found', async () => {
      await expect(leadAsOf(store, tenantId, randomUUID(), { version: 1 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(leadAsOf(store, `tenant-${randomUUID()}`, leadId, { version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('the changes between two points', () => {
    it('from a version to a moment', async () => {
      expect(await leadChangesBetween(store, tenantId, leadId, { version: 1 }, { asOf: new Date('2026-01-06T00:00:00Z') })).toEqual({
        from: { version: 1 },
        to: { version: 6 },
        changes: [
          { field: 'name', from: 'Stefan Ivanov', to: 'Stefan P. Ivanov' },
          { field: 'phones', from: [landline], to: [landline, mobile], added: [mobile], removed: [] },
          { field: 'status', from: 'Available', to: 'FollowUp' },
          { field: 'followUpAt', from: null, to: '2026-01-05T10:00:00.000Z' },
          { field: 'ownerId', from: null, to: 'ben' },
        ],
      });
    });

    it('between two moments, only what changed in between', async () => {
      const result = await leadChangesBetween(store, tenantId, leadId, { asOf: new Date('2026-01-03T12:00:00Z') }, { asOf: new Date('2026-01-04T12:00:00Z') });
      expect(result).toEqual({
        from: { version: 3 },
        to: { version: 5 },
        changes: [
          { field: 'status', from: 'Available', to: 'FollowUp' },
          { field: 'followUpAt', from: null, to: '2026-01-05T10:00:00.000Z' },
        ],
      });
    });

    it('from the same point to itself, nothing', async () => {
      expect(await leadChangesBetween(store, tenantId, leadId, { version: 4 }, { version: 4 })).toEqual({ from: { version: 4 }, to: { version: 4 }, changes: [] });
    });
  });
});
