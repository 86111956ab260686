// The do-not-call list end to end against PostgreSQL: a manager's block is in the list the moment
// the command returns (inline read model), refusals store nothing, and the list, its search, its
// counts and a number's history read what the numbers' streams say.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changeNumber } from '@/lib/commands/do-not-call-service';
import { evolveDnc, initialDncState, numberBlockedByCommand, type DncEvent } from '@/lib/do-not-call/do-not-call';
import { IllegalStateError, ValidationError } from '@/lib/errors';
import { parseSearchQuery } from '@/lib/read/search-terms/query';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { tenantRows } from '@/lib/testing/projections';
import { numberHistory } from '../event-log/number-history';
import { writeDoNotCallRows } from './projection';
import { blockedNumbers, doNotCallCounts, doNotCallList } from './queries';

const db = testDb();
const { store } = createSystem(db);

const T0 = new Date('2026-12-01T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const manager = (tenantId: string) => ({ tenantId, id: 'maria' });
const storedFor = async (tenantId: string) => ({
  events: await db.event.count({ where: { tenantId } }),
  rows: await db.doNotCallEntry.count({ where: { tenantId } }),
});
const refusal = async (promise: Promise<unknown>) => promise.then(() => { throw new Error('accepted'); }, (error: unknown) => error);

describe('blocking a number', () => {
  it('is on the list for every reader the moment the command returns, with why, from where, by whom and since when', async () => {
    const tenantId = freshId('tenant');
    const outcome = await changeNumber(store, manager(tenantId), 'block', { phone: '07911 123456', reason: 'Asked not to be called' }, { now: at(0) });
    expect(outcome).toEqual({ phone: '+447911123456', blocked: true, duplicate: false });
    const blocked = await blockedNumbers(db, tenantId, ['+447911123456', '+447911654321']);
    expect([...blocked]).toEqual([['+447911123456', { reason: 'Asked not to be called', source: 'manual', blockedBy: 'maria', blockedAt: at(0).toISOString() }]]);
  });

  it('refuses a malformed number naming the phone field, and stores nothing', async () => {
    const tenantId = freshId('tenant');
    for (const phone of ['12345', '', 'call me', '+44 7911 1234567890']) {
      const error = await refusal(changeNumber(store, manager(tenantId), 'block', { phone, reason: 'x' }));
      expect(error, phone).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual(['phone']);
    }
    const noReason = await refusal(changeNumber(store, manager(tenantId), 'block', { phone: '07911 123456', reason: ' ' }));
    expect((noReason as ValidationError).issues.map((issue) => issue.field)).toEqual(['reason']);
    expect(await storedFor(tenantId)).toEqual({ events: 0, rows: 0 });
  });

  it('refuses a number already blocked, however it is written, and stores nothing more', async () => {
    const tenantId = freshId('tenant');
    await changeNumber(store, manager(tenantId), 'block', { phone: '+44 7911 123456', reason: 'Complained' });
    const error = await refusal(changeNumber(store, manager(tenantId), 'block', { phone: '07911123456', reason: 'Again' }));
    expect(error).toBeInstanceOf(IllegalStateError);
    expect((error as IllegalStateError).code).toBe('do-not-call.already-blocked');
    expect(await storedFor(tenantId)).toEqual({ events: 1, rows: 1 });
  });
});

describe('unblocking a number', () => {
  it('takes it off the list, keeps every change in its history, and it can be blocked again', async () => {
    const tenantId = freshId('tenant');
    const phone = { phone: '020 7946 0018' };
    await changeNumber(store, manager(tenantId), 'block', { ...phone, reason: 'Complained' }, { now: at(0) });
    await changeNumber(store, { tenantId, id: 'adam' }, 'unblock', { ...phone, reason: 'Gave consent in writing' }, { now: at(5) });
    expect((await blockedNumbers(db, tenantId, ['+442079460018'])).size).toBe(0);
    const again = await refusal(changeNumber(store, manager(tenantId), 'unblock', { ...phone, reason: 'x' }));
    expect((again as IllegalStateError).code).toBe('do-not-call.not-blocked');

    await changeNumber(store, manager(tenantId), 'block', { ...phone, reason: 'Complained again' }, { now: at(9) });
    expect((await blockedNumbers(db, tenantId, ['+442079460018'])).get('+442079460018')).toMatchObject({ reason: 'Complained again', blockedAt: at(9).toISOString() });
    expect(await numberHistory(store, tenantId, '+442079460018')).toEqual([
      { version: 1, change: 'blocked', reason: 'Complained', source: 'manual', by: 'maria', at: at(0).toISOString() },
      { version: 2, change: 'unblocked', reason: 'Gave consent in writing', source: null, by: 'adam', at: at(5).toISOString() },
      { version: 3, change: 'blocked', reason: 'Complained again', source: 'manual', by: 'maria', at: at(9).toISOString() },
    ]);
    expect(await numberHistory(store, freshId('tenant'), '+442079460018')).toEqual([]);
  });
});

describe('a number blocked by a lead command\u2019s effect', () => {
  it('is on the list once its event is appended to the number\u2019s stream, with the command\u2019s actor', async () => {
    const tenantId = freshId('tenant');
    const effect = numberBlockedByCommand({ tenantId, phone: '+447700900123', reason: 'Disposition: do not call', source: 'call' }, initialDncState())!;
    await store.append(effect.stream, [{ ...effect.event, occurredAt: at(1), metadata: { actor: 'ana', commandId: randomUUID() } }], { expectedVersion: 0 });
    expect((await blockedNumbers(db, tenantId, ['+447700900123'])).get('+447700900123')).toEqual({ reason: 'Disposition: do not call', source: 'call', blockedBy: 'ana', blockedAt: at(1).toISOString() });
  });
});

describe('the list page', () => {
  const tenantId = freshId('tenant');
  const numbers = ['07911 100001', '07911 100002', '07911 100003', '020 7946 0001', '+1 212 555 0123'];

  it('shows the blocked numbers newest first, a page at a time, found by any fragment of the number typed in any format', async () => {
    for (const [index, phone] of numbers.entries()) await changeNumber(store, manager(tenantId), 'block', { phone, reason: `Reason ${index}` }, { now: at(index) });
    await changeNumber(store, manager(tenantId), 'unblock', { phone: '07911 100002', reason: 'Consent' }, { now: at(10) });

    const all = await doNotCallList(db, tenantId);
    expect(all.rows.map((row) => row.phone)).toEqual(['+12125550123', '+442079460001', '+447911100003', '+447911100001']);
    expect(all).toMatchObject({ total: 4, capped: false, page: 1, pageCount: 1 });
    expect(all.rows[0]).toEqual({ phone: '+12125550123', reason: 'Reason 4', source: 'manual', blockedBy: 'maria', blockedAt: at(4).toISOString() });

    const second = await doNotCallList(db, tenantId, { page: 2, size: 3 });
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 4 });
    expect(second.rows.map((row) => row.phone)).toEqual(['+447911100001']);
    expect((await doNotCallList(db, tenantId, { page: 99, size: 3 })).page).toBe(2);

    const search = async (typed: string) => {
      const query = parseSearchQuery(typed, 'GB');
      if (query.kind !== 'phone') throw new Error(`${typed} is not a phone query`);
      return (await doNotCallList(db, tenantId, { fragments: query.fragments, numbers: query.exact.map((digits) => `+${digits}`) })).rows.map((row) => row.phone);
    };
    expect(await search('07911 1000')).toEqual(['+447911100003', '+447911100001']);
    expect(await search('+44 7911-100003')).toEqual(['+447911100003']);
    expect(await search('555 0123')).toEqual(['+12125550123']);
    expect(await search('07911 100002')).toEqual([]);
    expect(await search('020 7946 0001')).toEqual(['+442079460001']);
    expect((await doNotCallList(db, tenantId, { numbers: ['+447911100001', '+447911100002'] })).rows.map((row) => row.phone)).toEqual(['+447911100001']);
  });

  it('counts the numbers blocked now by where they came from, and those removed', async () => {
    expect(await doNotCallCounts(db, tenantId)).toEqual({ blocked: 4, removed: 1, bySource: { manual: 4, import: 0, call: 0, api: 0 } });
    expect(await doNotCallCounts(db, freshId('tenant'))).toEqual({ blocked: 0, removed: 0, bySource: { manual: 0, import: 0, call: 0, api: 0 } });
  });
});

describe('the read model', () => {
  it('equals the fold of each number\u2019s stream, whatever batches the events arrive in', async () => {
    const tenantId = freshId('tenant');
    for (const [minute, change, phone] of [[0, 'block', '07911 200001'], [1, 'block', '07911 200002'], [2, 'unblock', '07911 200001'], [3, 'block', '07911 200001']] as const) {
      await changeNumber(store, manager(tenantId), change, { phone, reason: `At ${minute}` }, { now: at(minute) });
    }
    const streams = ['dnc:+447911200001', 'dnc:+447911200002'].map((streamId) => ({ tenantId, streamId }));
    const events = await store.readStreams(streams);
    await db.$executeRaw`CREATE TABLE IF NOT EXISTS do_not_call__copy (LIKE do_not_call INCLUDING ALL)`;
    // Replayed one event per transaction, twice over: the version guard makes a replay change nothing.
    for (const event of [...events, ...events]) await db.$transaction((tx) => writeDoNotCallRows(tx, [event], 'do_not_call__copy'));
    expect(await tenantRows(db, 'do_not_call__copy', tenantId)).toEqual(await tenantRows(db, 'do_not_call', tenantId));
    const state = events.filter((event) => event.streamId === 'dnc:+447911200001').reduce((s, event) => evolveDnc(s, event as unknown as DncEvent), initialDncState());
    expect(state).toEqual({ blocked: true, reason: 'At 3', source: 'manual' });
  });
});
