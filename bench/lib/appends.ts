// The append workload, run two ways over identical event rows: through the command handler
// (executeLeadCommand: validation, idempotency check, load + decide, versioned append with command
// bookkeeping, all via Prisma), and as the cheapest honest raw-pg append (baseline).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import type { EventStore } from '@/lib/event-store';
import type { CpuSpent } from './cpu';
import { runPhases, summarise, type Latencies, type PoolRun } from './stats';

type Step = { kind: 'register'; lead: number } | { kind: 'rename' | 'note'; lead: number; seq: number };

export type Workload = { leadIds: string[]; phases: Step[][]; commands: number };

const PHONE = { e164: '+442079460018', raw: '020 7946 0018' };
const NOTE_TEXT = 'Called back, discussed the quote; wants a follow-up after the budget meeting next week.';

/**
 * `commands` in all: one RegisterLead per lead first (its own phase, so no update can overtake its
 * registration), then ChangeName / AddNote round-robin over the leads so every stream grows and
 * concurrent commands hit different streams (no retries from version conflicts).
 */
export function planWorkload(commands: number, leads: number): Workload {
  const leadIds = Array.from({ length: leads }, () => randomUUID());
  const registrations: Step[] = leadIds.map((_, lead) => ({ kind: 'register', lead }));
  const updates: Step[] = Array.from({ length: commands - leads }, (_, seq) => ({ kind: seq % 3 === 0 ? 'rename' : 'note', lead: seq % leads, seq }));
  return { leadIds, phases: [registrations, updates], commands };
}

const leadName = (lead: number, seq?: number) => (seq === undefined ? `Lead ${lead}` : `Lead ${lead} rev ${seq}`);
const leadEmail = (lead: number) => `lead${lead}@example.com`;

/** `cpuPerCommand`: CPU milliseconds each command cost this process and PostgreSQL. */
export type AppendRun = { commands: number; concurrency: number; wallMs: number; perSec: number; latency: Latencies; cpuPerCommand: CpuSpent };

function toRun(commands: number, concurrency: number, run: PoolRun): AppendRun {
  const cpuPerCommand = { nodeMs: run.cpu.nodeMs / commands, postgresMs: run.cpu.postgresMs / commands };
  return { commands, concurrency, wallMs: run.wallMs, perSec: commands / (run.wallMs / 1000), latency: summarise(run.latenciesMs), cpuPerCommand };
}

// ---- Through the command handler ---------------------------------------------------------------

function toCommand(step: Step, leadIds: readonly string[]): unknown {
  const leadId = leadIds[step.lead]!;
  switch (step.kind) {
    case 'register':
      return { type: 'RegisterLead', data: { leadId, name: leadName(step.lead), phones: [PHONE.raw], emails: [leadEmail(step.lead)], source: 'bench' } };
    case 'rename':
      return { type: 'ChangeName', leadId, data: { name: leadName(step.lead, step.seq) } };
    case 'note':
      return { type: 'AddNote', leadId, data: { noteId: randomUUID(), text: NOTE_TEXT } };
  }
}

export async function runHandler(store: EventStore, tenantId: string, workload: Workload, concurrency: number): Promise<AppendRun> {
  const context: CommandContext = { tenantId, actorId: 'bench-user', region: 'GB' };
  const run = await runPhases(workload.phases, concurrency, (step) => executeLeadCommand(store, context, toCommand(step, workload.leadIds)));
  return toRun(workload.commands, concurrency, run);
}

// ---- Baseline: plain node-postgres ---------------------------------------------------------------

// Per event, one transaction: bump (or create) the stream row, insert the event row with that
// version, commit. The same rows the handler writes, minus its reads and command bookkeeping.
const UPSERT_STREAM = `
  INSERT INTO streams (tenant_id, stream_id, stream_type, version) VALUES ($1, $2, 'lead', 1)
  ON CONFLICT (tenant_id, stream_id) DO UPDATE SET version = streams.version + 1, updated_at = now()
  RETURNING version`;
const INSERT_EVENT = `
  INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
  VALUES ($1, $2, 'lead', $3, $4, $5, $6, $7, $8)`;

/** The event row the handler's decider would produce for this step. */
function toEvent(step: Step, leadId: string, names: Map<number, string>): { type: string; schemaVersion: number; data: unknown } {
  switch (step.kind) {
    case 'register':
      names.set(step.lead, leadName(step.lead));
      return {
        type: 'LeadRegistered',
        schemaVersion: 2,
        data: { leadId, name: leadName(step.lead), phones: [PHONE], emails: [leadEmail(step.lead)], source: 'bench', ownerId: null },
      };
    case 'rename': {
      const previousName = names.get(step.lead)!;
      names.set(step.lead, leadName(step.lead, step.seq));
      return { type: 'NameChanged', schemaVersion: 1, data: { name: leadName(step.lead, step.seq), previousName } };
    }
    case 'note':
      return { type: 'NoteAdded', schemaVersion: 1, data: { noteId: randomUUID(), text: NOTE_TEXT } };
  }
}

async function appendRaw(pool: pg.Pool, tenantId: string, streamId: string, event: ReturnType<typeof toEvent>): Promise<void> {
  const commandId = randomUUID();
  const metadata = { commandId, correlationId: commandId, causationId: commandId, actor: 'bench-user' };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ version: number }>(UPSERT_STREAM, [tenantId, streamId]);
    await client.query(INSERT_EVENT, [tenantId, streamId, rows[0]!.version, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(metadata), new Date()]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function runBaseline(pool: pg.Pool, tenantId: string, workload: Workload, concurrency: number): Promise<AppendRun> {
  const names = new Map<number, string>();
  const run = await runPhases(workload.phases, concurrency, (step) => {
    const leadId = workload.leadIds[step.lead]!;
    return appendRaw(pool, tenantId, leadId, toEvent(step, leadId, names));
  });
  return toRun(workload.commands, concurrency, run);
}
