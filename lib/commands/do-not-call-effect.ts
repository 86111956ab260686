// A disposition whose effect puts the dialled number on the do-not-call list ("do not call":
// the person asked not to be called on this number): the number's NumberBlocked, appended to its
// own stream in the same transaction as the call (handleCommand's companions), so the history
// shows the call and its effect together and the list blocks the number the moment the call is
// recorded. Nothing when the number is already on the list: the call's own event still says what
// happened.
import type { Disposition } from '@/lib/dialing/rules';
import { dncStreamId, evolveDnc, initialDncState, numberBlockedByCommand, type DncEvent, type DncSource } from '@/lib/do-not-call/do-not-call';
import { dncAggregate } from '@/lib/do-not-call/aggregate';
import type { EventStore } from '@/lib/event-store';
import type { Companion } from './handle-command';

export async function numberBlockedByCall(
  store: EventStore,
  tenantId: string,
  dispositions: readonly Disposition[],
  events: readonly { type: string; data: unknown }[],
): Promise<Companion[]> {
  const call = events.find((event) => event.type === 'CallOutcomeRecorded')?.data as { outcome: string; phone: string | null } | undefined;
  const disposition = call && dispositions.find((candidate) => candidate.code === call.outcome);
  if (!call?.phone || disposition?.effect.doNotCall !== 'number') return [];
  return numbersBlocked(store, tenantId, [call.phone], `Call recorded as ${disposition.label}`, 'call');
}

/** Each of `phones` not on the list yet, put on it: the NumberBlocked of its own stream, decided on its current state. */
export async function numbersBlocked(store: EventStore, tenantId: string, phones: readonly string[], reason: string, source: DncSource): Promise<Companion[]> {
  const companions: Companion[] = [];
  for (const phone of phones) {
    const { state, version } = await store.loadState(tenantId, dncStreamId(phone), {
      initialState: initialDncState,
      evolve: (current, event) => evolveDnc(current, event as DncEvent),
    }, { snapshotShape: dncAggregate.snapshots.shape });
    const blocked = numberBlockedByCommand({ tenantId, phone, reason, source }, state);
    if (blocked) companions.push({ stream: blocked.stream, events: [blocked.event], expectedVersion: version });
  }
  return companions;
}
