import { describe, expect, it } from 'vitest';
import { IllegalStateError } from '@/lib/errors';
import { deciderSpec } from '@/lib/testing/decider-spec';
import { decideBulk, evolveBulk, initialBulkState, type BulkEvent } from './bulk-stream';
import { foldBulk, pendingTargets, undoTargets } from './bulk-run';

const spec = deciderSpec({ decide: decideBulk, evolve: evolveBulk, initialState: initialBulkState });

const started: BulkEvent = { type: 'BulkChangeStarted', data: { action: { kind: 'status', status: 'Closed', followUpAt: null }, leads: 2, filter: 'status=Available', by: 'maria' } };
const selected: BulkEvent = { type: 'BulkLeadsSelected', data: { leads: [{ leadId: 'a', version: 3 }, { leadId: 'b', version: 5 }] } };
const undoA = { type: 'ChangeStatus', data: { status: 'Available', followUpAt: null } };
const resultA = { leadId: 'a', outcome: 'done' as const, version: 4, reason: null, undo: undoA };
const resultB = { leadId: 'b', outcome: 'conflicted' as const, version: null, reason: 'StatusChanged', undo: null };
const finished: BulkEvent = { type: 'BulkChangeFinished', data: { done: 1, refused: 0, conflicted: 1, skipped: 0 } };

const start = { action: { kind: 'status', status: 'Closed', followUpAt: null }, filter: 'status=Available', by: 'maria' };

describe('a new bulk change', () => {
  it('records who started what on how many leads, with the leads and the versions the user saw', () => {
    spec.given([]).when({ type: 'StartBulkChange', data: { ...start, leads: [{ leadId: 'a', version: 3 }, { leadId: 'b', version: 5 }] } }).then([started, selected]);
  });
  it('selects a large batch\u2019s leads a thousand to an event', () => {
    const leads = Array.from({ length: 2500 }, (_, i) => ({ leadId: `l${i}`, version: 1 }));
    const events = decideBulk({ type: 'StartBulkChange', data: { ...start, leads } }, initialBulkState());
    expect(events.map((event) => event.type === 'BulkLeadsSelected' ? event.data.leads.length : event.type)).toEqual(['BulkChangeStarted', 1000, 1000, 500]);
  });
  it('refuses a batch of no leads, naming the field', () => {
    spec.given([]).when({ type: 'StartBulkChange', data: { ...start, leads: [] } })
      .thenThrows(IllegalStateError, (error) => expect(error.field).toBe('leads'));
  });
  it('refuses results before it started', () => {
    spec.given([]).when({ type: 'RecordResults', data: { results: [resultA] } }).thenThrows(IllegalStateError);
  });
  it('cannot be started twice', () => {
    spec.given([started, selected]).when({ type: 'StartBulkChange', data: { ...start, leads: [{ leadId: 'a', version: 3 }] } }).thenThrows(IllegalStateError);
  });
});

describe('when the bulk change is running', () => {
  it('records each chunk of results', () => {
    spec.given([started, selected]).when({ type: 'RecordResults', data: { results: [resultA] } })
      .then([{ type: 'BulkResultsRecorded', data: { results: [resultA] } }]);
  });
  it('ends finished, with the counts', () => {
    spec.given([started, selected]).when({ type: 'EndBulkChange', data: { outcome: 'finished', ...finished.data } as never }).then([finished]);
  });
  it('ends stopped, with the reason', () => {
    spec.given([started, selected]).when({ type: 'EndBulkChange', data: { outcome: 'stopped', reason: 'database gone' } })
      .then([{ type: 'BulkChangeStopped', data: { reason: 'database gone' } }]);
  });
  it('is resumed', () => {
    spec.given([started, selected]).when({ type: 'ResumeBulkChange', data: { by: 'maria' } }).then([{ type: 'BulkChangeResumed', data: { by: 'maria' } }]);
  });
});

describe('when the bulk change has finished', () => {
  it('refuses a resume and further results', () => {
    spec.given([started, selected, finished]).when({ type: 'ResumeBulkChange', data: { by: 'maria' } }).thenThrows(IllegalStateError);
    spec.given([started, selected, finished]).when({ type: 'RecordResults', data: { results: [resultA] } }).thenThrows(IllegalStateError);
  });
});

describe('the batch as its events tell it', () => {
  const at = (events: BulkEvent[]) => events.map((event, i) => ({ ...event, occurredAt: new Date(Date.UTC(2026, 11, 3, 9, i)) }));

  it('leaves the leads without a result to send, in their order', () => {
    const run = foldBulk(at([started, selected, { type: 'BulkResultsRecorded', data: { results: [resultA] } }]))!;
    expect(run.state).toBe('running');
    expect(pendingTargets(run)).toEqual([{ target: { leadId: 'b', version: 5 }, index: 1 }]);
  });
  it('counts each outcome and undoes only the leads it changed, at the version it left them', () => {
    const run = foldBulk(at([started, selected, { type: 'BulkResultsRecorded', data: { results: [resultA, resultB] } }, finished]))!;
    expect(run.state).toBe('finished');
    expect(run.counts).toEqual({ done: 1, refused: 0, conflicted: 1, skipped: 0 });
    expect(undoTargets(run)).toEqual([{ leadId: 'a', version: 4, undo: undoA }]);
  });
  it('is not a bulk change when the stream is another kind', () => {
    expect(foldBulk([{ type: 'LeadRegistered', data: {}, occurredAt: new Date() }])).toBeNull();
  });
});
