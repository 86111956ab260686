import { describe, expect, it } from 'vitest';
import { freshId, testDb } from '@/lib/testing/database';
import { clearOfMinuteEnd } from '@/lib/testing/limits';
import { hit, refund } from './rate-limit';

// Two clients with pools of their own: what two server processes sharing the database are.
const first = testDb();
const second = testDb();
const minute = { max: 5, windowSeconds: 60 };
// Moments given to the limiter, from the start of a minute an hour ahead (rows of windows long
// past are deleted now and then, so the tests stay clear of the past).
const base = Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000;
const moment = (seconds: number) => new Date(base + seconds * 1000);
const at = (seconds: number) => ({ at: moment(seconds) });

describe('the rate limiter', () => {
  it('counts one key\'s requests across two database clients, as across two server processes', async () => {
    const key = freshId('limit');
    const verdicts = [];
    for (let i = 0; i < 7; i++) verdicts.push(await hit(i % 2 === 0 ? first : second, key, minute, at(10)));
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(verdicts.map((verdict) => verdict.hits)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('lets exactly its maximum through when many requests arrive at once on both clients', async () => {
    await clearOfMinuteEnd();
    const key = freshId('limit');
    const verdicts = await Promise.all(Array.from({ length: 24 }, (_, i) => hit(i % 2 === 0 ? first : second, key, { max: 10, windowSeconds: 60 })));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(10);
    expect(verdicts.map((verdict) => verdict.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('says how long until the window turns, and starts counting again when it does', async () => {
    const key = freshId('limit');
    for (let i = 0; i < 5; i++) await hit(first, key, minute, at(10));
    const refused = await hit(second, key, minute, at(45.2));
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 15 });
    expect(await hit(first, key, minute, at(59.9))).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    const next = await hit(second, key, minute, at(60));
    expect(next).toMatchObject({ allowed: true, hits: 1, windowStart: moment(60) });
  });

  it('resets with the real clock too: a one-second window', async () => {
    const key = freshId('limit');
    const second1 = { max: 2, windowSeconds: 1 };
    let verdict = await hit(first, key, second1);
    while (!(verdict.allowed === false)) verdict = await hit(first, key, second1);
    expect(verdict.retryAfterSeconds).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await hit(second, key, second1)).allowed).toBe(true);
  });

  it('keeps keys apart, and takes back a refunded request in its own window only', async () => {
    const [mine, theirs] = [freshId('limit'), freshId('limit')];
    for (let i = 0; i < 5; i++) await hit(first, mine, minute, at(0));
    expect((await hit(first, theirs, minute, at(0))).allowed).toBe(true);
    const last = await hit(first, mine, minute, at(1));
    expect(last.allowed).toBe(false);
    await refund(first, mine, last.windowStart);
    await refund(first, mine, last.windowStart);
    expect((await hit(second, mine, minute, at(2))).allowed).toBe(true);
    await refund(first, mine, moment(-60));
    expect((await hit(second, mine, minute, at(3))).allowed).toBe(false);
  });
});
