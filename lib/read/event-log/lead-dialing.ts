import 'server-only';
// What the lead page shows about calling the lead: whether it may be called now and why not
// (lib/dialing/dialability.ts), its numbers with what stands in their way, its zones and local
// time, who holds it, and the tenant's dispositions for the call form. The lead's state comes from
// its own stream (snapshot and tail), the rules from the dialing sources.
import { dialingContextFor, type DialingSources } from '@/lib/dialing/context';
import { dialability, type BlockedNumber, type Verdict } from '@/lib/dialing/dialability';
import type { EventStore } from '@/lib/event-store';
import { isRecognisedPhone } from '@/lib/leads/contact';
import { leadAggregate, type Lead } from '@/lib/leads';

export type DialingPhone = {
  readonly e164: string;
  readonly raw: string;
  readonly wrong: boolean;
  readonly blocked: BlockedNumber | null;
  /** False for a number from a range the phone metadata does not know yet: shown with a warning. */
  readonly recognised: boolean;
};

export type LeadDialingView = {
  readonly verdict: Verdict;
  /** When it may be called next, on the lead's wall clock ("Wed 4 Mar, 14:05"). */
  readonly nextCallableLocal: string | null;
  readonly phones: readonly DialingPhone[];
  /** The zones its calling hours are read in; the time now in the one that speaks (the first closed, else the first). */
  readonly zones: readonly string[];
  readonly zone: string;
  readonly localTime: string;
  readonly region: string | null;
  /** The zone an agent set, if any (else the phones tell). */
  readonly timeZone: string | null;
  readonly dispositions: readonly { readonly code: string; readonly label: string; readonly needsCallbackTime: boolean }[];
  readonly claim: { readonly agentId: string; readonly until: string } | null;
  readonly heldByMe: boolean;
  readonly doNotCall: string | null;
  readonly exhausted: boolean;
  readonly callCount: number;
};

export async function leadDialingView(store: EventStore, sources: DialingSources, tenantId: string, leadId: string, agentId: string, now: Date): Promise<LeadDialingView | null> {
  const { state } = await store.loadState<Lead>(tenantId, leadId, leadAggregate.decider, { snapshotShape: leadAggregate.snapshots.shape });
  if (state.kind !== 'registered') return null;
  const context = await dialingContextFor(sources, tenantId, state);
  const claim = state.claim && Date.parse(state.claim.until) > now.getTime() ? state.claim : null;
  const verdict = dialability(state, context, now, agentId);
  const window = context.window(now);
  return {
    verdict,
    nextCallableLocal: verdict.nextCallableAt ? wallClock(context.zones[0]!, new Date(verdict.nextCallableAt)) : null,
    phones: state.phones.map(({ e164, raw }) => ({ e164, raw, wrong: state.wrongPhones.includes(e164), blocked: context.blocked.get(e164) ?? null, recognised: isRecognisedPhone(e164) })),
    zones: context.zones,
    zone: window.zone,
    localTime: window.localTime,
    region: context.region,
    timeZone: state.timeZone,
    dispositions: context.dispositions.map(({ code, label, effect }) => ({ code, label, needsCallbackTime: effect.callback !== null })),
    claim,
    heldByMe: claim?.agentId === agentId,
    doNotCall: state.doNotCall,
    exhausted: state.exhausted !== null,
    callCount: state.callCount,
  };
}

const wallClock = (zone: string, at: Date) =>
  at.toLocaleString('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
