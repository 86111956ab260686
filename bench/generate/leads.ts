// The bench tenant's leads, as events, exactly as the app would write them: each lead's demo
// commands are validated by parseLeadCommand and decided by the pure Lead decider, folding the
// state as they go. Deterministic: lead i always yields the same id and the same events.
import { demoLeadHistory, uuidFrom } from '@/lib/demo/demo-leads';
import { seededRandom } from '@/lib/demo/random';
import { createEventRegistry } from '@/lib/event-store/registry';
import { leadAggregate, type Lead, type LeadCommand } from '@/lib/leads';
import { DEFAULT_DIALING_RULES } from '@/lib/dialing/rules';
import { parseLeadCommand } from '@/lib/leads/schemas';
import type { DialingContext } from '@/lib/leads/dialing';

const registry = createEventRegistry([leadAggregate.events]);
const { decide, evolve, initialState } = leadAggregate.decider;

export const BENCH_TENANT = 'bench';
export const SEED = 20261124;
/** A fixed "now", so a rerun regenerates the same histories (they end before it). */
export const BENCH_NOW = new Date('2026-11-01T00:00:00.000Z');
/** 200 agents: the next-lead benchmark has each draw their own leads at once (bench/next-lead.ts). */
export const AGENTS: readonly string[] = Array.from({ length: 200 }, (_, i) => `agent-${String(i + 1).padStart(3, '0')}`);

/**
 * Recording a call reads only the tenant's dispositions and attempt limits: the defaults here. The
 * calling hours and the do-not-call list matter to claims, which the history does not make.
 */
const RECORDING: DialingContext = {
  attempts: DEFAULT_DIALING_RULES.attempts,
  dispositions: DEFAULT_DIALING_RULES.dispositions,
  claimMinutes: DEFAULT_DIALING_RULES.claimMinutes,
  blocked: new Map(),
  window: () => ({ open: true, localTime: '', zone: 'UTC' }),
  dayOf: (at) => ({ day: at.toISOString().slice(0, 10), nextStartsAt: new Date(Date.parse(at.toISOString().slice(0, 10)) + 86_400_000) }),
};

export type GeneratedEvent = {
  readonly leadIndex: number;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Record<string, string>;
  readonly occurredAt: Date;
};

export type GeneratedLead = { leadId: string; events: GeneratedEvent[]; refused: number };

/**
 * A seed per lead index (not one sequence for all), so lead i can be made without making 0..i-1.
 * mulberry32 states step by a fixed constant C, and C*m mod 2^32 stays over 2,000,000 away from 0
 * for m <= 64: seeds SEED*64+i (i < 2,000,000) never share the 33 draws of a UUID.
 */
export const leadIdOf = (index: number) => uuidFrom(seededRandom(SEED * 64 + index));

/**
 * parseLeadCommand builds all nine zod schemas on every call (~300 us, see the final report), which
 * would make generating 1M leads take half an hour. It is a pure function of (type, data, region)
 * plus `now` copied onto the metadata, so repeated inputs (call outcomes, plain status changes,
 * renames: half of all commands) reuse the first result. Inputs carrying unique values are parsed.
 */
const parsed = new Map<string, LeadCommand>();
function parse(input: Record<string, unknown>, now: Date): LeadCommand {
  const data = input.data as Record<string, unknown>;
  const repeatable = input.type === 'RecordCallOutcome' || input.type === 'ChangeName' || (input.type === 'ChangeStatus' && !data.followUpAt);
  if (!repeatable) return parseLeadCommand(input, { region: 'GB', now });
  const key = JSON.stringify([input.type, data]);
  let command = parsed.get(key);
  if (!command) parsed.set(key, (command = parseLeadCommand(input, { region: 'GB', now })));
  return { ...command, metadata: { now, dialing: RECORDING } } as LeadCommand;
}

/** Domain refusals (there are a few: e.g. a new email equal to the one held) are skipped, as the app would. */
const isRefusal = (error: unknown) => ['validation', 'illegal-state', 'not-found'].includes((error as { kind?: string })?.kind ?? '');

export function generateLead(index: number): GeneratedLead {
  const leadId = leadIdOf(index);
  const history = demoLeadHistory(SEED, index, leadId, AGENTS, BENCH_NOW);
  let state: Lead = initialState();
  const events: GeneratedEvent[] = [];
  let refused = 0;
  history.forEach((command, step) => {
    const commandId = `bench-${index}-${step}`;
    let decided;
    try {
      decided = decide(parse(command.input, command.at), state);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      refused++;
      return;
    }
    for (const event of decided) {
      state = evolve(state, event);
      events.push({
        leadIndex: index,
        streamId: leadId,
        version: events.length + 1,
        type: event.type,
        schemaVersion: registry.latestVersion(event.type),
        data: event.data,
        // What handleCommand writes (metadataOf): no correlation or causation given, so both are the command id.
        metadata: { commandId, correlationId: commandId, causationId: commandId, actor: command.actorId },
        occurredAt: command.at,
      });
    }
  });
  return { leadId, events, refused };
}

/** One INSERT's worth of events, as the JSON the statement unpacks with jsonb_to_recordset. */
export type InsertBatch = { json: string; events: number };

export type GeneratedChunk = {
  from: number;
  to: number;
  /** The chunk's events in time order (leads interleave, as real appends would), ~5000 per batch. */
  batches: InsertBatch[];
  /** The streams rows, as JSON: written with the chunk's last batch. */
  streamsJson: string;
  events: number;
  refused: number;
};

export const ROWS_PER_STATEMENT = 5000;

/** Leads [from, to) as one chunk, ready to insert (runs in a worker thread: see generate/worker.ts). */
export function generateChunk(from: number, to: number): GeneratedChunk {
  const events: GeneratedEvent[] = [];
  const streams: { s: string; v: number; c: string; u: string }[] = [];
  let refused = 0;
  for (let index = from; index < to; index++) {
    const lead = generateLead(index);
    refused += lead.refused;
    const first = lead.events[0]!;
    const last = lead.events[lead.events.length - 1]!;
    for (const event of lead.events) events.push(event);
    streams.push({ s: lead.leadId, v: last.version, c: first.occurredAt.toISOString(), u: last.occurredAt.toISOString() });
  }
  // Stable order by time; a lead's events at the same instant (one command) keep their version order.
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.leadIndex - b.leadIndex || a.version - b.version);
  const batches: InsertBatch[] = [];
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    const slice = events.slice(start, start + ROWS_PER_STATEMENT);
    const rows = slice.map((e, n) => ({ n, s: e.streamId, v: e.version, t: e.type, sv: e.schemaVersion, d: e.data, m: e.metadata, at: e.occurredAt.toISOString() }));
    batches.push({ json: JSON.stringify(rows), events: slice.length });
  }
  return { from, to, batches, streamsJson: JSON.stringify(streams), events: events.length, refused };
}
