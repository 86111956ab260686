// The only code that writes events. One transaction claims the command id (if any), moves the
// stream's version from the expected one, inserts the events, runs the inline projections and
// records the command's result: all of it is committed, or none of it.
import { isUniqueViolation } from '@/lib/db/sql';
import { ConcurrencyError, IllegalStateError } from '@/lib/errors';
import { APPEND_LOCK_KEY } from './append-lock';
import type { StoreContext, Tx } from './context';
import type { AppendResult, ExpectedVersion, NewEvent, StoredEvent, StreamRef } from './types';

export type AppendOptions = {
  readonly expectedVersion: ExpectedVersion;
  /** Makes the append idempotent: a second append with this id returns the first one's result. */
  readonly commandId?: string;
  /** A digest of the command as sent: the same id with another digest is refused, not taken for a retry. */
  readonly commandHash?: string;
  /**
   * Events of other streams that the same command produced (a number put on the do-not-call list by
   * a call's disposition): appended in the same transaction, each checked against its own expected
   * version, so all of them are stored or none.
   */
  readonly alongside?: readonly StreamAppend[];
};

/** One stream's share of a command that writes to several. */
export type StreamAppend = { readonly stream: StreamRef; readonly events: readonly NewEvent[]; readonly expectedVersion: ExpectedVersion };


export async function appendToStream(
  ctx: StoreContext,
  stream: StreamRef,
  events: readonly NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  if (events.length === 0) throw new Error('appendToStream needs at least one event');
  const alongside = options.alongside ?? [];
  for (const event of [...events, ...alongside.flatMap((part) => part.events)]) ctx.registry.check(event.type, event.data);
  try {
    const appended = await ctx.db.$transaction(async (tx) => {
      // First, before any position is drawn: lets the export wait for appends in flight (horizon.ts).
      await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock_shared(${APPEND_LOCK_KEY}::bigint)`;
      if (options.commandId && !(await claimCommand(tx, stream, options.commandId, options.commandHash))) return null;
      const lastVersion = await reserveVersions(tx, stream, events.length, options.expectedVersion);
      const stored = await insertEvents(ctx, tx, stream, events, lastVersion - events.length + 1);
      const storedAlongside: StoredEvent[] = [];
      for (const part of alongside) {
        const last = await reserveVersions(tx, part.stream, part.events.length, part.expectedVersion);
        storedAlongside.push(...(await insertEvents(ctx, tx, part.stream, part.events, last - part.events.length + 1)));
      }
      for (const projection of ctx.inlineProjections) await projection.apply(tx, [...stored, ...storedAlongside]);
      const result = toResult(stream.streamId, stored);
      if (options.commandId) await recordCommandResult(tx, stream, options.commandId, result);
      return result;
    });
    if (appended) return appended;
    const previous = await findCommandResult(ctx, stream.tenantId, options.commandId!, options.commandHash);
    if (!previous) throw new Error(`Command ${options.commandId} was claimed but has no result`);
    return previous;
  } catch (error) {
    // Two writers that both believed a stream was new race on its first row.
    if (!(error instanceof ConcurrencyError) && isUniqueViolation(error)) {
      throw new ConcurrencyError(stream.streamId, String(options.expectedVersion), null);
    }
    throw error;
  }
}

/**
 * The result of a command already carried out, or null if this command id is new. Given the digest
 * of the command in hand, a different command recorded under the same id is refused.
 */
export async function findCommandResult(ctx: StoreContext, tenantId: string, commandId: string, commandHash?: string): Promise<AppendResult | null> {
  const row = await ctx.db.processedCommand.findUnique({ where: { tenantId_commandId: { tenantId, commandId } }, select: { result: true, payloadHash: true } });
  const result = row?.result as SerialisedResult | undefined;
  if (!result || result.streamId === undefined) return null;
  // A client reused an id for another command: refused, never taken for a retry of the first.
  if (commandHash && row!.payloadHash && row!.payloadHash !== commandHash) throw new IllegalStateError('command.id-reused', { field: 'commandId' });
  return {
    streamId: result.streamId,
    nextExpectedVersion: result.nextExpectedVersion,
    firstPosition: BigInt(result.firstPosition),
    lastPosition: BigInt(result.lastPosition),
    duplicate: true,
  };
}

type SerialisedResult = { streamId: string; nextExpectedVersion: number; firstPosition: string; lastPosition: string };

// A concurrent append of the same command id blocks on this insert until the first one commits,
// then finds the row taken: so two identical commands never both append.
async function claimCommand(tx: Tx, stream: StreamRef, commandId: string, commandHash: string | undefined): Promise<boolean> {
  const claimed = await tx.$queryRaw<unknown[]>`
    INSERT INTO processed_commands (tenant_id, command_id, stream_id, result, payload_hash)
    VALUES (${stream.tenantId}, ${commandId}, ${stream.streamId}, '{}'::jsonb, ${commandHash ?? null})
    ON CONFLICT DO NOTHING RETURNING 1 AS claimed`;
  return claimed.length === 1;
}

async function recordCommandResult(tx: Tx, stream: StreamRef, commandId: string, result: AppendResult): Promise<void> {
  const serialised: SerialisedResult = {
    streamId: result.streamId,
    nextExpectedVersion: result.nextExpectedVersion,
    firstPosition: result.firstPosition.toString(),
    lastPosition: result.lastPosition.toString(),
  };
  await tx.$executeRaw`
    UPDATE processed_commands SET result = ${JSON.stringify(serialised)}::jsonb
    WHERE tenant_id = ${stream.tenantId} AND command_id = ${commandId}`;
}

/** Moves the stream row to its new version, returning it; the row lock serialises writers. */
async function reserveVersions(tx: Tx, stream: StreamRef, count: number, expected: ExpectedVersion): Promise<number> {
  const { tenantId, streamId, streamType } = stream;
  let rows: { version: number }[];
  if (expected === 'any') {
    rows = await tx.$queryRaw`
      INSERT INTO streams (tenant_id, stream_id, stream_type, version) VALUES (${tenantId}, ${streamId}, ${streamType}, ${count})
      ON CONFLICT (tenant_id, stream_id) DO UPDATE SET version = streams.version + ${count}, updated_at = now()
      RETURNING version`;
  } else if (expected === 'no_stream' || expected === 0) {
    rows = await tx.$queryRaw`
      INSERT INTO streams (tenant_id, stream_id, stream_type, version) VALUES (${tenantId}, ${streamId}, ${streamType}, ${count})
      ON CONFLICT DO NOTHING RETURNING version`;
  } else {
    rows = await tx.$queryRaw`
      UPDATE streams SET version = ${expected + count}, updated_at = now()
      WHERE tenant_id = ${tenantId} AND stream_id = ${streamId} AND version = ${expected}
      RETURNING version`;
  }
  const reserved = rows[0];
  if (reserved) return reserved.version;
  const actual = await tx.$queryRaw<{ version: number }[]>`
    SELECT version FROM streams WHERE tenant_id = ${tenantId} AND stream_id = ${streamId}`;
  throw new ConcurrencyError(streamId, expected, actual[0]?.version ?? null);
}

async function insertEvents(
  ctx: StoreContext,
  tx: Tx,
  stream: StreamRef,
  events: readonly NewEvent[],
  firstVersion: number,
): Promise<StoredEvent[]> {
  const records = events.map((event, index) => ({
    version: firstVersion + index,
    type: event.type,
    schema_version: ctx.registry.latestVersion(event.type),
    data: event.data,
    metadata: event.metadata ?? {},
    occurred_at: event.occurredAt.toISOString(),
  }));
  const rows = await tx.$queryRaw<{ position: bigint; tx_id: string; version: number }[]>`
    INSERT INTO events (tenant_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at)
    SELECT ${stream.tenantId}, ${stream.streamId}, ${stream.streamType}, r.version, r.type, r.schema_version, r.data, r.metadata, r.occurred_at
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
      AS r(version int, type text, schema_version int, data jsonb, metadata jsonb, occurred_at timestamptz)
    RETURNING position, tx_id::text AS tx_id, version`;
  const stored = new Map(rows.map((row) => [row.version, row]));
  // The events as written: what was sent, with the position and transaction the database gave them.
  return records.map((record, index) => {
    const row = stored.get(record.version)!;
    return {
      position: BigInt(row.position),
      txId: BigInt(row.tx_id),
      tenantId: stream.tenantId,
      streamId: stream.streamId,
      streamType: stream.streamType,
      version: record.version,
      type: record.type,
      schemaVersion: record.schema_version,
      data: events[index]!.data,
      metadata: record.metadata,
      occurredAt: events[index]!.occurredAt,
    };
  });
}

function toResult(streamId: string, stored: readonly StoredEvent[]): AppendResult {
  return {
    streamId,
    nextExpectedVersion: stored[stored.length - 1]!.version,
    firstPosition: stored[0]!.position,
    lastPosition: stored[stored.length - 1]!.position,
    duplicate: false,
  };
}
