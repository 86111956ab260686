import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { bulkCommandId, leadCommandFor, parseBulkAction, undoCommandFor } from './bulk-action';

const now = new Date('2026-12-03T09:00:00Z');
const fieldsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => issue.field);
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('choosing a bulk action', () => {
  it('refuses an unknown status, naming the field', () => {
    expect(fieldsOf(() => parseBulkAction({ kind: 'status', status: 'Gone' }, now))).toEqual(['status']);
  });
  it('refuses a callback in the past', () => {
    expect(fieldsOf(() => parseBulkAction({ kind: 'set-callback', at: '2026-12-02T09:00:00Z' }, now))).toEqual(['at']);
  });
  it('refuses FollowUp without a follow-up, and a follow-up with any other status', () => {
    expect(fieldsOf(() => parseBulkAction({ kind: 'status', status: 'FollowUp' }, now))).toEqual(['followUpAt']);
    expect(fieldsOf(() => parseBulkAction({ kind: 'status', status: 'Closed', followUpAt: '2026-12-04T09:00:00Z' }, now))).toEqual(['followUpAt']);
  });
  it('refuses an assignment to nobody and an empty note', () => {
    expect(fieldsOf(() => parseBulkAction({ kind: 'assign', ownerIds: [] }, now))).toEqual(['ownerIds']);
    expect(fieldsOf(() => parseBulkAction({ kind: 'note', text: '  ' }, now))).toEqual(['text']);
  });
});

describe('each lead\u2019s command', () => {
  const target = (leadId: string) => ({ leadId, version: 7 });

  it('carries the version the user saw and an id fixed by the batch and the lead', () => {
    const action = parseBulkAction({ kind: 'status', status: 'Closed' }, now);
    expect(leadCommandFor('batch', action, target('a'), 0)).toEqual({
      type: 'ChangeStatus', data: { status: 'Closed', followUpAt: null }, leadId: 'a', commandId: bulkCommandId('batch', 'a'), expectedVersion: 7,
    });
  });
  it('deals leads out to the chosen agents in turn', () => {
    const action = parseBulkAction({ kind: 'assign', ownerIds: ['ann', 'bob'] }, now);
    const owners = [0, 1, 2].map((index) => leadCommandFor('batch', action, target(`l${index}`), index).data.ownerId);
    expect(owners).toEqual(['ann', 'bob', 'ann']);
  });
  it('gives a note the same id every time it is sent, and another lead another id', () => {
    const action = parseBulkAction({ kind: 'note', text: 'Spring campaign' }, now);
    const once = leadCommandFor('batch', action, target('a'), 0).data.noteId;
    expect(leadCommandFor('batch', action, target('a'), 0).data.noteId).toBe(once);
    expect(leadCommandFor('batch', action, target('b'), 1).data.noteId).not.toBe(once);
  });
});

describe('undoing a lead\u2019s change', () => {
  it('moves a status back, with the callback it had when it was FollowUp', () => {
    const events = [{ type: 'StatusChanged', data: { from: 'FollowUp', to: 'Closed' } }, { type: 'FollowUpCleared', data: { previousAt: '2026-12-05T09:00:00.000Z', reason: 'status-changed' } }];
    expect(undoCommandFor(events, 'Undo')).toEqual({ type: 'ChangeStatus', data: { status: 'FollowUp', followUpAt: '2026-12-05T09:00:00.000Z' } });
  });
  it('gives a lead back to its owner, and a callback back as it was', () => {
    expect(undoCommandFor([{ type: 'LeadAssigned', data: { ownerId: 'bob', previousOwnerId: null } }], 'Undo')).toEqual({ type: 'AssignLead', data: { ownerId: null } });
    expect(undoCommandFor([{ type: 'FollowUpScheduled', data: { at: 'x', previousAt: null } }], 'Undo')).toEqual({ type: 'ClearFollowUp', data: {} });
    expect(undoCommandFor([{ type: 'FollowUpCleared', data: { previousAt: 'y' } }], 'Undo')).toEqual({ type: 'SetFollowUp', data: { at: 'y' } });
  });
  it('lifts a do-not-call wish, and cannot take a note back', () => {
    expect(undoCommandFor([{ type: 'DoNotCallRequested', data: { reason: 'r' } }], 'Undo')).toEqual({ type: 'LiftDoNotCall', data: { reason: 'Undo' } });
    expect(undoCommandFor([{ type: 'NoteAdded', data: {} }], 'Undo')).toBeNull();
  });
});
