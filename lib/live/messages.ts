// What travels to the browser: one message per lead event, worded the way the lead's history words
// it. Built at send time from the event as the store reads it back, kept nowhere.
import type { Checkpoint, StoredEvent } from '@/lib/event-store';
import { ValidationError } from '@/lib/errors';
import { LEAD_STREAM_TYPE } from '@/lib/leads/aggregate';
import { historyLines } from '@/lib/present/history-lines';

export type LiveChange = {
  /** The event's place in the log: the SSE id a reconnect resumes after. */
  readonly id: string;
  readonly type: string;
  readonly leadId: string;
  readonly version: number;
  readonly actorId: string | null;
  readonly actorName: string | null;
  /** "Ben changed the status to Follow-up": the history's sentence. */
  readonly text: string;
  readonly at: string;
};

/** The log position as an SSE id: the (transaction, position) pair, so a resume is gap-safe. */
export const eventIdOf = ({ txId, position }: Checkpoint): string => `${txId}-${position}`;

/** The checkpoint a Last-Event-ID names; null when there is none; throws when it is malformed. */
export function parseLastEventId(value: string | null): Checkpoint | null {
  if (value === null || value.trim() === '') return null;
  const match = /^(\d{1,20})-(\d{1,20})$/.exec(value.trim());
  if (!match) throw new ValidationError([{ field: 'Last-Event-ID', message: 'must be an id this server sent: two whole numbers joined by "-"' }]);
  return { txId: BigInt(match[1]!), position: BigInt(match[2]!) };
}

/** The change a browser is told about, or null for events no screen shows live (staff, views…). */
export function liveChange(event: StoredEvent, names: ReadonlyMap<string, string>): LiveChange | null {
  if (event.streamType !== LEAD_STREAM_TYPE) return null;
  const actor = event.metadata.actor ?? null;
  const occurredAt = event.occurredAt.toISOString();
  const [line] = historyLines(
    [{ version: event.version, type: event.type, data: event.data, actor, occurredAt, commandId: event.metadata.commandId ?? null }],
    (id) => names.get(id),
  );
  return {
    id: eventIdOf(event),
    type: event.type,
    leadId: event.streamId,
    version: event.version,
    actorId: actor,
    actorName: actor === null ? null : (names.get(actor) ?? null),
    text: line?.text ?? '',
    at: occurredAt,
  };
}

/** One server-sent event. */
export function sseFrame(event: string, id: string | null, data: unknown): string {
  return `${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const SSE_HEARTBEAT = ': heartbeat\n\n';
