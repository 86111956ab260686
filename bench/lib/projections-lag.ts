// Async projection lag under a steady command load: the projector runs in this process, commands go
// through executeLeadCommand at a fixed rate (open loop: a slow command does not slow the schedule),
// and each successful command waits (read-your-writes) until both async projections have passed it.
import { performance } from 'node:perf_hooks';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { uuidFrom } from '@/lib/demo/demo-leads';
import { seededRandom, type Random } from '@/lib/demo/random';
import type { Db } from '@/lib/db/client';
import type { EventStore } from '@/lib/event-store';
import { LEAD_STATUSES } from '@/lib/leads';
import { normalisePhone } from '@/lib/leads/contact';
import { runProjector } from '@/lib/read/engine/projector';
import { waitForProjection } from '@/lib/read/engine/wait';
import { ASYNC_PROJECTIONS as asyncProjections } from '@/lib/system/projections';
import { AGENTS, BENCH_TENANT, leadIdOf } from '../generate/leads';
import { summarise, type Latencies } from './stats';

export const LAG_SECONDS = 30;
export const LAG_RATE = 50; // commands per second
const POLL_MS = 5;
const WAIT_LIMIT_MS = 10_000;

export type LagRun = {
  seconds: number;
  rate: number;
  issued: number;
  succeeded: number;
  /** Commands the domain refused (illegal transition, status unchanged, ...), by error kind. */
  refused: Record<string, number>;
  failed: number;
  timedOut: number;
  lag: Latencies & { max: number };
};

const DAY = 86_400_000;

/** A third each: AddNote, ChangeStatus (to a random status: some transitions are illegal), ChangeContactInfo. */
function command(random: Random, k: number, leads: number, tag: string): unknown {
  const leadId = leadIdOf(random.int(0, leads - 1));
  switch (k % 3) {
    case 0:
      return { type: 'AddNote', leadId, data: { noteId: uuidFrom(random), text: 'Lag probe: called, left a message' } };
    case 1: {
      const status = random.pick(LEAD_STATUSES);
      const followUpAt = status === 'FollowUp' ? new Date(Date.now() + random.int(1, 10) * DAY).toISOString() : null;
      return { type: 'ChangeStatus', leadId, data: { status, followUpAt } };
    }
    default:
      return random.chance(0.5)
        ? { type: 'ChangeContactInfo', leadId, data: { addEmails: [`lag.${tag}.${k}@bench.example`] } }
        : { type: 'ChangeContactInfo', leadId, data: { addPhones: [validMobile(random)] } };
  }
}

/** A mobile number libphonenumber accepts (about half of the 07911 range is not allocated). */
function validMobile(random: Random): string {
  for (;;) {
    const typed = `07911 ${String(random.int(0, 999_999)).padStart(6, '0')}`;
    if (normalisePhone(typed, 'GB')) return typed;
  }
}

/** Resolves once the projector has taken every async projection and caught up with the log. */
async function projectorReady(db: Db, store: EventStore, owned: Set<string>): Promise<void> {
  const until = Date.now() + 10_000;
  while (owned.size < asyncProjections.length) {
    if (Date.now() > until) throw new Error(`The projector owns only [${[...owned]}]: is another projector running on this database?`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const head = await store.headPosition();
  for (const projection of asyncProjections) {
    const wait = await waitForProjection(db, projection.name, head, { timeoutMs: 600_000, pollMs: 100 });
    if (!wait.caughtUp) throw new Error(`${projection.name} did not catch up before the lag run`);
  }
}

export async function measureLag(store: EventStore, db: Db, connectionString: string, leads: number, seed: number, log: (line: string) => void): Promise<LagRun> {
  const controller = new AbortController();
  const owned = new Set<string>();
  const projector = runProjector(store, {
    connectionString,
    projections: asyncProjections,
    signal: controller.signal,
    log: (message) => {
      const match = /^owns projection (.+)$/.exec(message);
      if (match) owned.add(match[1]!);
    },
  });
  const random = seededRandom(seed);
  const tag = Date.now().toString(36); // fresh email addresses on every run
  const refused: Record<string, number> = {};
  const lags: number[] = [];
  let failed = 0;
  let timedOut = 0;
  const total = LAG_SECONDS * LAG_RATE;
  try {
    await projectorReady(db, store, owned);
    log(`  projector owns ${[...owned].join(', ')}; ${total} commands at ${LAG_RATE}/s ...`);
    const one = async (k: number) => {
      const context = { tenantId: BENCH_TENANT, actorId: random.pick(AGENTS), region: 'GB' as const };
      let position: bigint;
      try {
        position = (await executeLeadCommand(store, context, command(random, k, leads, tag))).position;
      } catch (error) {
        const kind = (error as { kind?: string }).kind;
        if (kind && kind !== 'concurrency') refused[kind] = (refused[kind] ?? 0) + 1;
        else {
          failed++;
          log(`  command failed: ${(error as Error).message}`);
        }
        return;
      }
      const returned = performance.now();
      const waits = await Promise.all(asyncProjections.map((p) => waitForProjection(db, p.name, position, { pollMs: POLL_MS, timeoutMs: WAIT_LIMIT_MS })));
      if (waits.some((wait) => !wait.caughtUp)) timedOut++;
      lags.push(performance.now() - returned);
    };
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let k = 0; k < total; k++) {
      const due = started + (k * 1000) / LAG_RATE;
      const now = performance.now();
      if (due > now) await new Promise((resolve) => setTimeout(resolve, due - now));
      inFlight.push(one(k));
    }
    await Promise.all(inFlight);
    const seconds = (performance.now() - started) / 1000;
    const lag = summarise(lags);
    return { seconds, rate: LAG_RATE, issued: total, succeeded: lags.length, refused, failed, timedOut, lag: { ...lag, max: Math.max(...lags) } };
  } finally {
    controller.abort();
    await projector;
  }
}
