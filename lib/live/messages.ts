// What travels to the browser: one message per lead event, worded the way the lead's history words
// it. Built at send time from the event as the store reads it back, kept nowhere.
import type { Checkpoint, StoredEvent } from '@/lib/event-store';
import { ValidationError } from '@/lib/errors';
import { LEAD_STREAM_TYPE } from '@/lib/leads/aggregate';
import { historyLines, type HistoryEvent } from '@/lib/present/history-lines';

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

/** Who has a lead's page open now (components/live/live-presence.tsx). */
export type LivePresence = { readonly leadId: string; readonly viewers: readonly { readonly id: string; readonly name: string }[] };

/** The log position as an SSE id: the (transaction, position) pair, so a resume is gap-safe. */
export const eventIdOf = ({ txId, position }: Checkpoint): string => `${txId}-${position}`;

/**
 * The checkpoint an event id names; null when there is none; throws, naming `field`, when it is
 * malformed. The browser sends it as the Last-Event-ID header when it reconnects by itself, or as
 * `?after=` when the page opens a new connection (which cannot set the header).
 */
export function parseLastEventId(value: string | null, field = 'Last-Event-ID'): Checkpoint | null {
  if (value === null || value.trim() === '') return null;
  const match = /^(\d{1,20})-(\d{1,20})$/.exec(value.trim());
  if (!match) throw new ValidationError([{ field, message: 'must be an id this server sent: two whole numbers joined by "-"' }]);
  return { txId: BigInt(match[1]!), position: BigInt(match[2]!) };
}

/**
 * The changes a browser is told about, one per event (null for events no screen shows live: staff,
 * views…, or of a tenant `namesOf` has no names for). Each is worded with the events of its command
 * before it, as the history words a command: the last event of a command carries the whole sentence.
 */
export function liveChanges(events: readonly StoredEvent[], namesOf: (tenantId: string) => ReadonlyMap<string, string> | undefined): (LiveChange | null)[] {
  let command: HistoryEvent[] = [];
  let commandKey: string | null = null;
  return events.map((event) => {
    const names = namesOf(event.tenantId);
    if (event.streamType !== LEAD_STREAM_TYPE || !names) return null;
    const actor = event.metadata.actor ?? null;
    const occurredAt = event.occurredAt.toISOString();
    const key = `${event.tenantId} ${event.streamId} ${event.metadata.commandId ?? `${actor}|${occurredAt}`}`;
    if (key !== commandKey) [command, commandKey] = [[], key];
    command.push({ version: event.version, type: event.type, data: event.data, actor, occurredAt, commandId: event.metadata.commandId ?? null });
    const [line] = historyLines(command, (id) => names.get(id));
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
  });
}

/** One server-sent event. */
export function sseFrame(event: string, id: string | null, data: unknown): string {
  return `${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const SSE_HEARTBEAT = ': heartbeat\n\n';
