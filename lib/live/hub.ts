// One hub per server process: it reads the log after its last checkpoint, in the store's gap-safe
// order, whenever it is woken (by a NOTIFY from an append, or a tick), and hands each lead event
// to the subscribers of that event's tenant. A subscriber resuming after an id first replays the
// log from there (its tenant only); what the hub reads meanwhile waits in a buffer and follows the
// replay without repeats, so nothing between the replay and the live events is lost.
import type { Checkpoint, EventStore, StoredEvent } from '@/lib/event-store';
import { liveChanges, type LiveChange, type LivePresence } from './messages';

export type LiveSubscriber = {
  readonly tenantId: string;
  readonly send: (change: LiveChange) => void;
  /** Who has a lead open now: not part of the log, so never replayed. */
  readonly presence: (presence: LivePresence) => void;
  /** Where the subscriber stands once caught up: what it resumes after if the connection drops. */
  readonly ready: (at: Checkpoint) => void;
  /** More was missed than the replay sends: whatever the browser shows must be read again. */
  readonly reset: () => void;
};

export type NamesOf = (tenantId: string) => Promise<ReadonlyMap<string, string>>;

export type LiveHubOptions = {
  /** Actor id to display name, asked for at send time. */
  readonly namesOf: NamesOf;
  readonly batchSize?: number;
  readonly replayLimit?: number;
};

type Pending = { readonly at: Checkpoint; readonly change: LiveChange };
type Entry = {
  readonly subscriber: LiveSubscriber;
  /** While a resume replays: what the hub read meanwhile. */
  buffer: Pending[] | null;
  /** Where the replay stopped: the hub may still read events up to there, already sent. */
  sentUpTo: Checkpoint | null;
};

export type LiveHub = ReturnType<typeof createLiveHub>;

export function createLiveHub(store: EventStore, { namesOf, batchSize = 500, replayLimit = 1000 }: LiveHubOptions) {
  let position: Checkpoint | null = null;
  let starting: Promise<Checkpoint> | null = null;
  const entries = new Map<string, Set<Entry>>();

  /** Where the hub stands; the log's present the first time (asked once, however many callers wait). */
  const present = async (): Promise<Checkpoint> => {
    if (position) return position;
    starting ??= store.presentCheckpoint().then((at) => (position ??= at), (error) => {
      starting = null;
      throw error;
    });
    return starting;
  };

  /** Reads what the log gained since the last call and hands it out. Calls must not overlap. */
  async function catchUp(): Promise<void> {
    for (;;) {
      const { events, checkpoint } = await store.readAll(await present(), { limit: batchSize });
      const names = await namesForSubscribed(events);
      // No await from here on: a subscriber added meanwhile either gets these events or replays them.
      const changes = liveChanges(events, (tenantId) => names.get(tenantId));
      events.forEach((event, index) => {
        const change = changes[index];
        if (change) for (const entry of entries.get(event.tenantId) ?? []) deliver(entry, event, change);
      });
      position = checkpoint;
      if (events.length < batchSize) return;
    }
  }

  /** Names for each tenant of the batch that has subscribers, including any that subscribe while they load. */
  async function namesForSubscribed(events: readonly StoredEvent[]) {
    const names = new Map<string, ReadonlyMap<string, string>>();
    const tenants = new Set(events.map((event) => event.tenantId));
    for (;;) {
      const missing = [...tenants].filter((tenantId) => entries.has(tenantId) && !names.has(tenantId));
      if (missing.length === 0) return names;
      await Promise.all(missing.map(async (tenantId) => names.set(tenantId, await namesOf(tenantId))));
    }
  }

  function deliver(entry: Entry, at: Checkpoint, change: LiveChange) {
    if (entry.buffer) entry.buffer.push({ at, change });
    else if (!entry.sentUpTo || isAfter(at, entry.sentUpTo)) entry.subscriber.send(change);
  }

  /** Adds a subscriber, live from now, or from just after `after` when resuming. Returns its removal. */
  async function subscribe(subscriber: LiveSubscriber, after: Checkpoint | null): Promise<() => void> {
    const live = await present();
    const entry: Entry = { subscriber, buffer: after ? [] : null, sentUpTo: null };
    const tenantEntries = entries.get(subscriber.tenantId) ?? new Set();
    entries.set(subscriber.tenantId, tenantEntries.add(entry));
    const remove = () => {
      tenantEntries.delete(entry);
      if (tenantEntries.size === 0 && entries.get(subscriber.tenantId) === tenantEntries) entries.delete(subscriber.tenantId);
    };
    if (!after) {
      subscriber.ready(live);
      return remove;
    }
    try {
      const reached = await replay(subscriber, after);
      const buffered = entry.buffer ?? [];
      entry.buffer = null;
      entry.sentUpTo = reached;
      subscriber.ready(reached);
      for (const { at, change } of buffered) if (isAfter(at, reached)) subscriber.send(change);
      return remove;
    } catch (error) {
      remove();
      throw error;
    }
  }

  /** Sends the tenant's lead events after `after`; returns where it stopped. */
  async function replay(subscriber: LiveSubscriber, after: Checkpoint): Promise<Checkpoint> {
    const names = await namesOf(subscriber.tenantId);
    let at = after;
    let sent = 0;
    for (;;) {
      const { events, checkpoint } = await store.readAll(at, { tenantId: subscriber.tenantId, limit: batchSize });
      if (events.length === 0) return at;
      sent += events.length;
      if (sent > replayLimit) {
        subscriber.reset();
        return position ?? at;
      }
      for (const change of liveChanges(events, () => names)) if (change) subscriber.send(change);
      at = checkpoint;
    }
  }

  return {
    catchUp,
    subscribe,
    /** Whether any browser of the tenant listens here. */
    serves: (tenantId: string) => entries.has(tenantId),
    announce(tenantId: string, presence: LivePresence) {
      for (const entry of entries.get(tenantId) ?? []) entry.subscriber.presence(presence);
    },
    /** How many subscribers the hub serves. */
    subscribers: () => [...entries.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

const isAfter = (a: Checkpoint, b: Checkpoint) => a.txId > b.txId || (a.txId === b.txId && a.position > b.position);
