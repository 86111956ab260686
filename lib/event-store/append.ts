// The only code that writes events. An append is one statement, `leadstream_append` (a database
// function, migration 20261203140000): it claims the command id (if any), moves each stream's
// version from the expected one, inserts the events, runs the inline projections' writes and
// records the command's result. All of it is committed, or none of it, in one round trip.
// Before it, outside any transaction, the inline projections read the rows the events fold onto.
import { withSqlState } from '@/lib/db/sql';
import { ConcurrencyError } from '@/lib/errors';
import { findCommandResult } from './command-log';
import type { CarriedRows } from './aggregate';
import type { RowWrite, StoreContext } from './context';
import { streamVersion } from './read-stream';
import type { AppendResult, ExpectedVersion, NewEvent, StreamRef, VersionedEvent } from './types';

export type AppendOptions = {
  readonly expectedVersion: ExpectedVersion;
  /** Makes the append idempotent: a second append with this id returns the first one's result. */
  readonly commandId?: string;
  /** A digest of the command as sent: the same id with another digest is refused, not taken for a retry. */
  readonly commandHash?: string;
  /**
   * Events of other streams that the same command produced (a number put on the do-not-call list by
   * a call's disposition): appended in the same statement, each checked against its own expected
   * version, so all of them are stored or none.
   */
  readonly alongside?: readonly StreamAppend[];
  /** Statements of the app's own run in the same statement as the events (an erasure's key and scrubbing). */
  readonly writes?: readonly RowWrite[];
  /** The rows the inline read models read with the stream's load: used when the append starts from the version loaded. */
  readonly carried?: CarriedRows;
};

/** One stream's share of an append that writes to several. */
export type StreamAppend = {
  readonly stream: StreamRef;
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
  /** In a bulk append: the command that created the stream (an import's row), recorded with its own result. */
  readonly commandId?: string;
};

type CommandClaim = { readonly id: string; readonly hash?: string };

/** SQLSTATE raised by leadstream_append when a stream is not at its expected version. */
const STREAM_MOVED = 'LS409';
/** How often an append expecting 'any' version tries again when its stream moved under it. */
const ANY_VERSION_ATTEMPTS = 10;

export async function appendToStream(
  ctx: StoreContext,
  stream: StreamRef,
  events: readonly NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  if (events.length === 0) throw new Error('appendToStream needs at least one event');
  const parts = [{ stream, events, expectedVersion: options.expectedVersion }, ...(options.alongside ?? [])];
  const command = options.commandId ? { id: options.commandId, hash: options.commandHash } : undefined;
  const appended = await appendParts(ctx, parts, command, options.writes, options.carried);
  if (appended !== 'duplicate') return appended[0]!;
  const previous = await findCommandResult(ctx, stream.tenantId, options.commandId!, options.commandHash);
  if (!previous) throw new Error(`Command ${options.commandId} was claimed but has no result`);
  return previous;
}

/**
 * Appends to many streams in one statement: all of them are stored, or none (a stream not at its
 * expected version refuses the whole batch). For bulk writes: an import's leads, the demo data.
 * Keep batches bounded (a thousand streams or so): gap-safe readers wait for the statement to end.
 */
export async function appendStreams(ctx: StoreContext, parts: readonly StreamAppend[]): Promise<AppendResult[]> {
  if (parts.length === 0) return [];
  if (parts.some((part) => part.events.length === 0)) throw new Error('appendStreams needs at least one event per stream');
  return (await appendParts(ctx, parts)) as AppendResult[];
}

async function appendParts(
  ctx: StoreContext, parts: readonly StreamAppend[], command?: CommandClaim, extraWrites: readonly RowWrite[] = [], carried?: CarriedRows,
): Promise<AppendResult[] | 'duplicate'> {
  for (const event of parts.flatMap((part) => part.events)) ctx.registry.check(event.type, event.data);
  const keys = new Set(parts.map(({ stream }) => `${stream.tenantId}\u0000${stream.streamId}`));
  if (keys.size < parts.length) throw new Error('An append names the same stream twice');
  for (let attempt = 1; ; attempt++) {
    // 'any' appends at the version the stream has now; if it moves before the append, try again.
    const expected = await Promise.all(parts.map(async ({ stream, expectedVersion }) =>
      expectedVersion === 'any' ? ((await streamVersion(ctx, stream.tenantId, stream.streamId)) ?? 0) : expectedVersion === 'no_stream' ? 0 : expectedVersion));
    try {
      return await appendOnce(ctx, parts, expected, command, extraWrites, carried);
    } catch (error) {
      const retry = error instanceof ConcurrencyError && parts.some((part) => part.expectedVersion === 'any') && attempt < ANY_VERSION_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

async function appendOnce(
  ctx: StoreContext, parts: readonly StreamAppend[], expected: readonly number[], command: CommandClaim | undefined, extraWrites: readonly RowWrite[],
  carried: CarriedRows | undefined,
): Promise<AppendResult[] | 'duplicate'> {
  const versioned: VersionedEvent[] = parts.flatMap(({ stream, events }, p) => events.map((event, index) => ({
    tenantId: stream.tenantId,
    streamId: stream.streamId,
    streamType: stream.streamType,
    version: expected[p]! + index + 1,
    type: event.type,
    schemaVersion: ctx.registry.latestVersion(event.type),
    data: event.data,
    metadata: event.metadata ?? {},
    occurredAt: event.occurredAt,
  })));
  const writes: RowWrite[] = [];
  const main = parts[0]!;
  const current = carried && carried.tenantId === main.stream.tenantId && carried.streamId === main.stream.streamId && carried.version === expected[0] ? carried : undefined;
  for (const projection of ctx.inlineProjections) {
    const row = current && projection.name in current.byProjection
      ? { tenantId: current.tenantId, streamId: current.streamId, value: current.byProjection[projection.name] } : undefined;
    writes.push(...(await projection.plan(ctx.db, versioned, row)).filter((write) => write.rows.length > 0));
  }

  let first = 0;
  const streams = parts.map(({ stream, events, commandId }, p) => {
    const entry = {
      tenant_id: stream.tenantId, stream_id: stream.streamId, stream_type: stream.streamType, expected: expected[p], count: events.length,
      first, command_id: commandId ?? null,
    };
    first += events.length;
    return entry;
  });
  // The projections above folded the plaintext; the log gets the personal values sealed.
  const sealed = ctx.personalData ? await ctx.personalData.seal(ctx.db, ctx.registry, versioned) : { data: versioned.map((event) => event.data), writes: [] };
  writes.push(...sealed.writes, ...extraWrites);
  const events = versioned.map((event, i) => ({
    i, tenant_id: event.tenantId, stream_id: event.streamId, stream_type: event.streamType, version: event.version, type: event.type,
    schema_version: event.schemaVersion, data: sealed.data[i], metadata: event.metadata, occurred_at: event.occurredAt.toISOString(),
  }));
  const claim = command && {
    tenant_id: main.stream.tenantId, command_id: command.id, payload_hash: command.hash ?? null, stream_id: main.stream.streamId,
    next_version: expected[0]! + main.events.length, event_count: main.events.length,
  };

  let outcome: { duplicate?: true; positions?: string[] };
  try {
    const rows = await ctx.db.$queryRaw<{ appended: typeof outcome }[]>`
      SELECT leadstream_append(${JSON.stringify(streams)}::jsonb, ${JSON.stringify(events)}::jsonb,
                               ${JSON.stringify(writes)}::jsonb, ${claim ? JSON.stringify(claim) : null}::jsonb) AS appended`;
    outcome = rows[0]!.appended;
  } catch (error) {
    throw streamMoved(error, parts) ?? error;
  }
  if (outcome.duplicate) return 'duplicate';
  const positions = outcome.positions!.map(BigInt);
  let offset = 0;
  return parts.map(({ stream, events: own }, p) => {
    const first = positions[offset]!;
    const last = positions[offset + own.length - 1]!;
    offset += own.length;
    return { streamId: stream.streamId, nextExpectedVersion: expected[p]! + own.length, firstPosition: first, lastPosition: last, duplicate: false };
  });
}

/** The ConcurrencyError for a stream the append found not at its expected version, if that is what stopped it. */
function streamMoved(error: unknown, parts: readonly StreamAppend[]): ConcurrencyError | undefined {
  const moved = withSqlState(error, STREAM_MOVED);
  if (!moved?.message) return undefined;
  const details = JSON.parse(moved.message.slice(moved.message.indexOf('{'))) as { streamId: string; actual: number | null };
  const part = parts.find(({ stream }) => stream.streamId === details.streamId);
  return new ConcurrencyError(details.streamId, part?.expectedVersion ?? 'any', details.actual);
}
