// Whether a lead may be called now, why not, and when it may be next: one pure function of the
// lead's state, the tenant's rules as they apply to the lead, and a moment. The lead page shows its
// answer on top, "next lead" only hands out leads it says are callable, and the claim records it.
// The rules that need time zones (calling hours, the lead's local day) come in as functions of an
// instant, made by the caller from the lead's zones (lib/dialing/calling-hours.ts).
import type { RegisteredLead } from '@/lib/leads/lead';
import type { AttemptLimits } from './rules';

/** The calling hours at an instant, in the lead's zone (the first closed one, when it has several). */
export type WindowState =
  | { readonly open: true; readonly localTime: string; readonly zone: string }
  | { readonly open: false; readonly localTime: string; readonly zone: string; readonly opensAt: Date | null; readonly opensLocal: string | null };

/** The lead's local calendar day of an instant, and when the next one starts. */
export type LocalDay = { readonly day: string; readonly nextStartsAt: Date };

export type BlockedNumber = { readonly reason: string; readonly since: string; readonly by: string | null };

/** What the rules say about this lead, resolved for it by the caller. */
export type DialingFacts = {
  readonly attempts: AttemptLimits;
  readonly window: (at: Date) => WindowState;
  readonly dayOf: (at: Date) => LocalDay;
  /** The lead's numbers that are on the do-not-call list. */
  readonly blocked: ReadonlyMap<string, BlockedNumber>;
};

/** Each time a reason names is also given as the lead's local wall clock ("14:05", or "4 Dec 14:05" on another day). */
export type DialabilityReason =
  | { readonly code: 'lead.status'; readonly params: { status: string } }
  | { readonly code: 'lead.do-not-call'; readonly params: { reason: string } }
  | { readonly code: 'lead.exhausted'; readonly params: { calls: number; limit: number; why: 'total' | 'disposition' } }
  | { readonly code: 'lead.no-phone' }
  | { readonly code: 'phone.blocked'; readonly params: { phone: string; reason: string; since: string; by: string | null } }
  | { readonly code: 'phone.wrong'; readonly params: { phone: string } }
  | { readonly code: 'phone.attempts'; readonly params: { phone: string; calls: number; limit: number; next: string; nextLocal: string } }
  | { readonly code: 'lead.attempts-today'; readonly params: { calls: number; limit: number; next: string; nextLocal: string } }
  | { readonly code: 'lead.retry-later'; readonly params: { at: string; atLocal: string } }
  | { readonly code: 'lead.claimed'; readonly params: { agentId: string; until: string; untilLocal: string } }
  | { readonly code: 'hours.closed'; readonly params: { localTime: string; zone: string; opens: string | null; opensAt: string | null } };

export type Verdict = {
  readonly callable: boolean;
  /** Why not, most fundamental first; empty when callable. */
  readonly reasons: readonly DialabilityReason[];
  /** The numbers that may be dialled now, in the lead's order. */
  readonly phones: readonly string[];
  /**
   * The numbers not to dial now and why, while others may be: a blocked, wrong or rested number
   * does not stop a lead with another number free (when none is free, they are the reasons).
   */
  readonly skipped: readonly DialabilityReason[];
  /** The next moment every reason has passed, or null when one of them never passes by itself. */
  readonly nextCallableAt: string | null;
};

const DAY_MS = 86_400_000;

/** The verdict for `lead` at `now`; a claim held by `agentId` itself does not stand in its way. */
export function dialability(lead: RegisteredLead, facts: DialingFacts, now: Date, agentId: string | null = null): Verdict {
  const local = localClock(facts, now);
  const reasons: DialabilityReason[] = [];
  /** When each passing reason passes; a permanent reason makes the lead wait for a person instead. */
  const passes: number[] = [];
  let permanent = false;

  if (lead.status === 'Closed' || lead.status === 'Converted') {
    reasons.push({ code: 'lead.status', params: { status: lead.status } });
    permanent = true;
  }
  if (lead.doNotCall !== null) {
    reasons.push({ code: 'lead.do-not-call', params: { reason: lead.doNotCall } });
    permanent = true;
  }
  if (lead.exhausted !== null) {
    reasons.push({ code: 'lead.exhausted', params: { calls: lead.callCount, limit: facts.attempts.perLeadTotal, why: lead.exhausted } });
    permanent = true;
  }

  // Each number on its own: blocked, wrong, or called too often in the last 24 hours.
  const phones: string[] = [];
  const phoneWaits: number[] = [];
  const phoneReasons: DialabilityReason[] = [];
  for (const { e164 } of lead.phones) {
    const blocked = facts.blocked.get(e164);
    if (blocked) {
      phoneReasons.push({ code: 'phone.blocked', params: { phone: e164, ...blocked } });
      continue;
    }
    if (lead.wrongPhones.includes(e164)) {
      phoneReasons.push({ code: 'phone.wrong', params: { phone: e164 } });
      continue;
    }
    const recent = callTimes(lead, now.getTime() - DAY_MS, now.getTime(), e164);
    if (recent.length >= facts.attempts.perPhonePer24h) {
      // Free again when enough of them are more than 24 hours old.
      const next = recent[recent.length - facts.attempts.perPhonePer24h]! + DAY_MS;
      phoneReasons.push({ code: 'phone.attempts', params: { phone: e164, calls: recent.length, limit: facts.attempts.perPhonePer24h, next: iso(next), nextLocal: local(next) } });
      phoneWaits.push(next);
      continue;
    }
    phones.push(e164);
  }
  if (lead.phones.length === 0) {
    reasons.push({ code: 'lead.no-phone' });
    permanent = true;
  } else if (phones.length === 0) {
    reasons.push(...phoneReasons);
    if (phoneWaits.length === 0) permanent = true; // every number is blocked or wrong
    else passes.push(Math.min(...phoneWaits));
  }

  const today = facts.dayOf(now);
  const callsToday = callTimes(lead, now.getTime() - 2 * DAY_MS, now.getTime()).filter((at) => facts.dayOf(new Date(at)).day === today.day).length;
  if (callsToday >= facts.attempts.perLeadPerDay) {
    reasons.push({ code: 'lead.attempts-today', params: { calls: callsToday, limit: facts.attempts.perLeadPerDay, next: iso(today.nextStartsAt.getTime()), nextLocal: local(today.nextStartsAt.getTime()) } });
    passes.push(today.nextStartsAt.getTime());
  }
  if (lead.retryAt !== null && Date.parse(lead.retryAt) > now.getTime()) {
    reasons.push({ code: 'lead.retry-later', params: { at: lead.retryAt, atLocal: local(Date.parse(lead.retryAt)) } });
    passes.push(Date.parse(lead.retryAt));
  }
  if (lead.claim !== null && lead.claim.agentId !== agentId && Date.parse(lead.claim.until) > now.getTime()) {
    reasons.push({ code: 'lead.claimed', params: { ...lead.claim, untilLocal: local(Date.parse(lead.claim.until)) } });
    passes.push(Date.parse(lead.claim.until));
  }
  const window = facts.window(now);
  if (!window.open) {
    reasons.push({ code: 'hours.closed', params: { localTime: window.localTime, zone: window.zone, opens: window.opensLocal, opensAt: window.opensAt?.toISOString() ?? null } });
    if (window.opensAt === null) permanent = true;
  }

  return { callable: reasons.length === 0 && phones.length > 0, reasons, phones, skipped: phones.length > 0 ? phoneReasons : [], nextCallableAt: permanent ? null : nextMoment(passes, now, facts) };
}

/** The first moment from when the waits have passed at which the hours are open too. */
function nextMoment(passes: readonly number[], now: Date, facts: DialingFacts): string | null {
  let at = Math.max(now.getTime(), ...passes);
  for (let tries = 0; tries < 14; tries++) {
    const window = facts.window(new Date(at));
    if (window.open) return iso(at);
    if (window.opensAt === null) return null;
    at = window.opensAt.getTime();
    // Opening on a new day may meet that day's own limit again: the day's count starts afresh there.
  }
  return null;
}

/** The times (ms) of the lead's calls after `from` and up to `to`, oldest first; of one number when given. */
function callTimes(lead: RegisteredLead, from: number, to: number, phone?: string): number[] {
  return lead.calls
    .filter((call) => call.at !== null && (phone === undefined || call.phone === phone))
    .map((call) => Date.parse(call.at!))
    .filter((at) => at > from && at <= to)
    .sort((a, b) => a - b);
}

const iso = (ms: number) => new Date(ms).toISOString();

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An instant on the lead's wall clock: "14:05" today, "4 Dec 14:05" on another local day. */
function localClock(facts: DialingFacts, now: Date) {
  const today = facts.dayOf(now).day;
  return (ms: number): string => {
    const at = new Date(ms);
    const { day } = facts.dayOf(at);
    const time = facts.window(at).localTime;
    if (day === today) return time;
    const [, month, date] = day.split('-').map(Number);
    return `${date} ${MONTHS[month! - 1]} ${time}`;
  };
}
