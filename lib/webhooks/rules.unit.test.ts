import { describe, expect, it } from 'vitest';
import { matchesFilter, type WebhookFilter } from './filter';
import { messageId, webhookPayload } from './payload';
import { DISABLE_AFTER_MS, RETRY_CEILINGS_MS, RETRY_FLOOR_MS, retryDelayMs, shouldDisable } from './retry';

const lead = (type: string, data: unknown = {}) => ({ streamType: 'lead', type, data });

describe('an endpoint filtered on status changes to Converted', () => {
  const filter: WebhookFilter = { types: ['StatusChanged'], status: 'Converted' };

  it('receives a change to Converted', () => {
    expect(matchesFilter(filter, lead('StatusChanged', { from: 'Available', to: 'Converted' }))).toBe(true);
  });

  it('does not receive a change to another status, nor other event types', () => {
    expect(matchesFilter(filter, lead('StatusChanged', { from: 'Converted', to: 'Closed' }))).toBe(false);
    expect(matchesFilter(filter, lead('NoteAdded', { noteId: 'n', text: 'x' }))).toBe(false);
  });
});

describe('an endpoint filtered on dispositions and every status change', () => {
  const filter: WebhookFilter = { types: ['CallOutcomeRecorded', 'StatusChanged'], status: null };

  it('receives both types, whatever the status', () => {
    expect(matchesFilter(filter, lead('CallOutcomeRecorded'))).toBe(true);
    expect(matchesFilter(filter, lead('StatusChanged', { from: 'Available', to: 'Closed' }))).toBe(true);
  });

  it('never receives events of other streams, even of the same name', () => {
    expect(matchesFilter(filter, { streamType: 'saved-view', type: 'StatusChanged', data: { to: 'Closed' } })).toBe(false);
  });
});

describe('the retry schedule', () => {
  it('waits within [floor, ceiling] of its step, growing with each failure and capped at an hour', () => {
    for (const [index, ceiling] of RETRY_CEILINGS_MS.entries()) {
      expect(retryDelayMs(index + 1, 0)).toBe(RETRY_FLOOR_MS);
      expect(retryDelayMs(index + 1, 0.999999)).toBeLessThanOrEqual(ceiling);
      expect(retryDelayMs(index + 1, 0.999999)).toBeGreaterThan(ceiling * 0.99);
    }
    expect(retryDelayMs(50, 0.999999)).toBeLessThanOrEqual(3_600_000);
    expect(retryDelayMs(50, 0.999999)).toBeGreaterThan(3_500_000);
  });

  it('draws each wait anywhere in its range (full jitter)', () => {
    expect(retryDelayMs(3, 0.5)).toBe(60_000);
    expect(retryDelayMs(2, 0.25)).toBe(7_500);
  });
});

describe('disabling a failing endpoint', () => {
  const since = new Date('2026-12-01T10:00:00Z');

  it('waits a full day from the first failure of its oldest undelivered change', () => {
    expect(shouldDisable(since, new Date(since.getTime() + DISABLE_AFTER_MS - 1))).toBe(false);
    expect(shouldDisable(since, new Date(since.getTime() + DISABLE_AFTER_MS))).toBe(true);
  });

  it('never disables an endpoint that is not failing', () => {
    expect(shouldDisable(null, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('the payload', () => {
  it('names the change, carries the lead and the event data, and its id is the same for every attempt', () => {
    const event = { type: 'StatusChanged', position: 42n, occurredAt: new Date('2026-12-03T09:30:00Z'), streamId: 'lead-1', version: 3, data: { from: 'Available', to: 'Converted' } };
    expect(webhookPayload(event)).toEqual({
      type: 'StatusChanged',
      id: 'evt_42',
      timestamp: '2026-12-03T09:30:00.000Z',
      data: { leadId: 'lead-1', version: 3, position: '42', change: { from: 'Available', to: 'Converted' } },
    });
    expect(messageId('42')).toBe(webhookPayload(event).id);
  });
});
