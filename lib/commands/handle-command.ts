// The generic command handler: load (snapshot + tail), decide, append with the version that was
// loaded. When the caller acted on an older version, the events they had not seen are checked
// against the command ("optimistic on steroids"): no collision, the command is decided again on the
// current state; a collision is refused with those events, so the user can see what changed.
import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { ConcurrencyError, ConflictError, type InterveningChange } from '@/lib/errors';
import { type EventMetadata, type EventStore, type ExpectedVersion, type NewEvent, type RowWrite, type StoredEvent, type StreamRef } from '@/lib/event-store';
import { loadAggregate, type Aggregate } from './aggregate';

export type CommandEnvelope<Command> = {
  readonly tenantId: string;
  readonly streamId: string;
  readonly command: Command;
  /** The stream version the caller last saw; omitted, the command applies to whatever is current. */
  readonly expectedVersion?: number;
  /** Same id twice: the first result is returned and nothing is appended again. */
  readonly commandId: string;
  readonly actor: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly now: Date;
};

export type CommandResult<Event> = {
  readonly streamId: string;
  /** The stream's version after the command: the next expected version. */
  readonly version: number;
  /** Global position of the last event written: wait for projections to pass it to read your write. */
  readonly position: bigint;
  readonly events: readonly Event[];
  /** The command id had been handled before; nothing new was written. */
  readonly duplicate: boolean;
  /** The caller's version was behind, and the command was merged onto changes they had not seen. */
  readonly merged: boolean;
};

/** Events of another stream that a command's own events bring with them, appended in the same transaction. */
export type Companion = {
  readonly stream: StreamRef;
  readonly events: readonly { type: string; data: unknown }[];
  readonly expectedVersion: ExpectedVersion;
};

export type HandlerOptions = {
  readonly maxAttempts?: number;
  readonly snapshotEvery?: number;
  /**
   * For a command whose effects reach another aggregate (a disposition that puts the dialled
   * number on the do-not-call list): given the events decided, the other streams' events, decided
   * on their current state. Asked again on every retry.
   */
  readonly companions?: (events: readonly { type: string; data: unknown }[]) => Promise<readonly Companion[]>;
  /**
   * For a command whose rules depend on the stream's current state (a claim needs the lead's calling
   * hours, from its phones): completes the command once the state is loaded, on every attempt.
   */
  readonly prepare?: (command: any, state: any) => Promise<any>;
  /**
   * Statements of the app's own written in the same statement as the events (an erasure's: the
   * lead's key, its snapshot, its older plaintext). Asked again on every attempt.
   */
  readonly writes?: () => Promise<readonly RowWrite[]>;
};

export async function handleCommand<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  aggregate: Aggregate<Command, Event, State>,
  envelope: CommandEnvelope<Command>,
  { maxAttempts = 10, snapshotEvery = aggregate.snapshots.every ?? 100, companions, prepare, writes }: HandlerOptions = {},
): Promise<CommandResult<Event>> {
  const { tenantId, streamId, command, expectedVersion, commandId } = envelope;
  const stream: StreamRef = { tenantId, streamId, streamType: aggregate.streamType };
  const commandHash = digestOf(stream, command, expectedVersion);
  const claim = { id: commandId, hash: commandHash };
  for (let attempt = 1; ; attempt++) {
    // One statement: the stream, and the command's row of the command log. A command carried out
    // before (by a retry sent while the first was in flight, too) is answered with its result.
    const loaded = await loadAggregate(store, aggregate, tenantId, streamId, { command: claim });
    if (loaded.previous) return duplicateResult(loaded.previous);
    if (expectedVersion !== undefined && expectedVersion < loaded.version) {
      await refuseIfColliding(store, aggregate, envelope, loaded.version);
    } else if (expectedVersion !== undefined && expectedVersion > loaded.version) {
      throw new ConcurrencyError(streamId, expectedVersion, loaded.version);
    }
    const prepared: Command = prepare ? await prepare(command, loaded.state) : command;
    const events = aggregate.decider.decide(prepared, loaded.state);
    if (events.length === 0) throw new Error('A command must produce at least one event');
    const stamp = stampFor(envelope);
    try {
      const alongside = (await companions?.(events)) ?? [];
      const appended = await store.append(stream, events.map(stamp), {
        expectedVersion: loaded.version,
        commandId,
        commandHash,
        alongside: alongside.map((part) => ({ stream: part.stream, events: part.events.map(stamp), expectedVersion: part.expectedVersion })),
        writes: await writes?.(),
        carried: loaded.carried,
      });
      if (appended.duplicate) return duplicateResult(appended);
      if (appended.nextExpectedVersion - loaded.snapshotVersion >= snapshotEvery) {
        const state = events.reduce(aggregate.decider.evolve, loaded.state);
        await saveSnapshot(store, stream, aggregate.snapshots.shape, state, appended.nextExpectedVersion);
      }
      return {
        streamId,
        version: appended.nextExpectedVersion,
        position: appended.lastPosition,
        events,
        duplicate: false,
        merged: expectedVersion !== undefined && expectedVersion < loaded.version,
      };
    } catch (error) {
      // Someone appended between our load and our append: load again and re-check.
      if (error instanceof ConcurrencyError && attempt < maxAttempts) continue;
      throw error;
    }
  }
}

/** A command of a new stream, as handleCommand takes it, with the options of its kind. */
export type NewStreamStep<Command> = { readonly envelope: CommandEnvelope<Command>; readonly options?: Pick<HandlerOptions, 'prepare' | 'companions'> };

/**
 * A new stream's commands decided one after another, each on the state the ones before it left:
 * the events handleCommand would append for each in turn, ready for one bulk append (imports, demo
 * data). A command whose events reach other streams is refused here: it is carried out on its own.
 */
export async function decideNewStream<Command, Event extends { type: string; data: unknown }, State>(
  aggregate: Aggregate<Command, Event, State>,
  steps: readonly NewStreamStep<Command>[],
): Promise<NewEvent[]> {
  let state = aggregate.decider.initialState();
  const decided: NewEvent[] = [];
  for (const { envelope, options = {} } of steps) {
    const prepared: Command = options.prepare ? await options.prepare(envelope.command, state) : envelope.command;
    const events = aggregate.decider.decide(prepared, state);
    if (((await options.companions?.(events)) ?? []).length > 0) {
      throw new Error(`Command ${envelope.commandId} writes to other streams too: it cannot be part of a bulk append`);
    }
    decided.push(...events.map(stampFor(envelope)));
    state = events.reduce(aggregate.decider.evolve, state);
  }
  return decided;
}

const stampFor = (envelope: CommandEnvelope<unknown>) => <E extends { type: string; data: unknown }>(event: E) =>
  ({ ...event, metadata: metadataOf(envelope), occurredAt: envelope.now });

async function refuseIfColliding<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  aggregate: Aggregate<Command, Event, State>,
  envelope: CommandEnvelope<Command>,
  currentVersion: number,
): Promise<void> {
  const unseen = await store.readStream(envelope.tenantId, envelope.streamId, {
    fromVersion: envelope.expectedVersion! + 1,
    toVersion: currentVersion,
  });
  const colliding = unseen.filter((event) => aggregate.conflictsWith(envelope.command, event));
  if (colliding.length > 0) throw new ConflictError(envelope.streamId, currentVersion, colliding.map(toChange));
}

/**
 * For a command that also decides on another stream it read at `seenVersion` (a merge's other
 * lead): refused with every change to that stream since, as a conflict on the command's own stream is.
 */
export async function refuseUnseenChanges(store: EventStore, tenantId: string, streamId: string, seenVersion: number, currentVersion: number): Promise<void> {
  if (seenVersion >= currentVersion) return;
  const unseen = await store.readStream(tenantId, streamId, { fromVersion: seenVersion + 1, toVersion: currentVersion });
  throw new ConflictError(streamId, currentVersion, unseen.map(toChange));
}

function toChange(event: StoredEvent): InterveningChange {
  return {
    version: event.version,
    type: event.type,
    actor: event.metadata.actor ?? null,
    occurredAt: event.occurredAt.toISOString(),
    data: event.data,
  };
}

/**
 * What makes a command the same command when it is sent again: its stream, its content (without
 * its metadata, which carries the time it arrived) and the version it was based on.
 */
function digestOf(stream: StreamRef, command: unknown, expectedVersion: number | undefined): string {
  const { metadata: _arrival, ...content } = command as { metadata?: unknown };
  return createHash('sha256').update(stringify({ stream: [stream.streamType, stream.streamId], content, expectedVersion: expectedVersion ?? null }) ?? '').digest('hex');
}

function metadataOf(envelope: CommandEnvelope<unknown>): EventMetadata {
  return {
    commandId: envelope.commandId,
    correlationId: envelope.correlationId ?? envelope.commandId,
    causationId: envelope.causationId ?? envelope.commandId,
    actor: envelope.actor,
  };
}

function duplicateResult<Event>(previous: { streamId: string; nextExpectedVersion: number; lastPosition: bigint }): CommandResult<Event> {
  return { streamId: previous.streamId, version: previous.nextExpectedVersion, position: previous.lastPosition, events: [], duplicate: true, merged: false };
}

// A snapshot only saves work on later loads: failing to write one must not fail the command.
async function saveSnapshot<State>(store: EventStore, stream: StreamRef, shape: number, state: State, version: number) {
  try {
    await store.saveSnapshot(stream.tenantId, stream.streamId, shape, { version, state });
  } catch (error) {
    console.warn(`Could not save a snapshot of ${stream.streamId}:`, error);
  }
}
