// The Lead's part in the dialing loop (docs/dialing.md): claiming it for an agent, recording a call
// with the tenant's disposition and each effect the disposition declares, giving it back, and the
// person's wishes (do not call) and whereabouts (time zone). Pure: the tenant's rules, the lead's
// calling hours and the numbers on the do-not-call list arrive on the command's metadata.
import { dialability, type DialingFacts } from '@/lib/dialing/dialability';
import type { Disposition } from '@/lib/dialing/rules';
import { IllegalStateError, ValidationError } from '@/lib/errors';
import type { ClaimTier, LeadEvent, LeadStatus, RegisteredLead } from './lead';

/** The tenant's rules as they apply to one lead, resolved by the command's caller. */
export type DialingContext = DialingFacts & { readonly dispositions: readonly Disposition[]; readonly claimMinutes: number };

type Meta = { readonly now: Date; readonly dialing?: DialingContext };
type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data; readonly metadata: Meta };

export type RecordCallOutcome = Command<'RecordCallOutcome', {
  outcome: string; phone: string | null; notes: string | null; callbackAt: Date | null; agentId: string | null;
}>;
export type ClaimLead = Command<'ClaimLead', { agentId: string; tier: ClaimTier }>;
export type SkipLead = Command<'SkipLead', { agentId: string; reason: string }>;
export type SetTimeZone = Command<'SetTimeZone', { timeZone: string | null }>;
export type RequestDoNotCall = Command<'RequestDoNotCall', { reason: string }>;
export type LiftDoNotCall = Command<'LiftDoNotCall', { reason: string }>;
export type RecycleLead = Command<'RecycleLead', { reason: string }>;

export type DialingCommand = RecordCallOutcome | ClaimLead | SkipLead | SetTimeZone | RequestDoNotCall | LiftDoNotCall | RecycleLead;

/** Moves the lead to a status, with the rules of ChangeStatus (lib/leads/decide.ts). */
export type StatusMove = (lead: RegisteredLead, status: LeadStatus, followUp: { at: Date; agentId: string | null } | null, now: Date) => LeadEvent[];

function contextOf(command: DialingCommand): DialingContext {
  if (!command.metadata.dialing) throw new Error(`${command.type} needs the tenant's dialing rules on its metadata`);
  return command.metadata.dialing;
}

const activeClaim = (lead: RegisteredLead, now: Date) => (lead.claim && Date.parse(lead.claim.until) > now.getTime() ? lead.claim : null);

export function recordCallOutcome(command: RecordCallOutcome, lead: RegisteredLead, moveStatus: StatusMove): LeadEvent[] {
  const { data, metadata: { now } } = command;
  const context = contextOf(command);
  const disposition = context.dispositions.find((candidate) => candidate.code === data.outcome);
  if (!disposition) throw new ValidationError([{ field: 'outcome', code: 'disposition.unknown', params: { outcome: data.outcome, known: context.dispositions.map((d) => d.code).join(', ') } }]);
  const claim = activeClaim(lead, now);
  if (claim && claim.agentId !== data.agentId) throw new IllegalStateError('lead.held-by-other', { params: { agentId: claim.agentId, until: claim.until } });
  if (data.phone !== null && !lead.phones.some((phone) => phone.e164 === data.phone)) {
    throw new ValidationError([{ field: 'phone', code: 'phone.not-held', params: { phone: data.phone } }]);
  }
  const { effect } = disposition;
  if (effect.callback && !data.callbackAt) throw new ValidationError([{ field: 'callbackAt', code: 'callback.required', params: { outcome: disposition.label } }]);
  if (effect.callback && data.callbackAt!.getTime() <= now.getTime()) throw new ValidationError([{ field: 'callbackAt', code: 'follow-up.past' }]);

  const phone = data.phone ?? lead.phones.find((candidate) => !lead.wrongPhones.includes(candidate.e164))?.e164 ?? null;
  const events: LeadEvent[] = [{
    type: 'CallOutcomeRecorded',
    data: { outcome: disposition.code, phone, at: now.toISOString(), contact: effect.contact, notes: data.notes, agentId: data.agentId },
  }];
  let after = lead;
  if (effect.wrongNumber && phone && !lead.wrongPhones.includes(phone)) events.push({ type: 'PhoneMarkedWrong', data: { phone } });
  if (effect.doNotCall === 'lead' && lead.doNotCall === null) events.push({ type: 'DoNotCallRequested', data: { reason: `Call recorded as ${disposition.label}` } });
  if (effect.status && effect.status !== lead.status) {
    const moved = moveStatus(lead, effect.status, null, now);
    events.push(...moved);
    after = { ...lead, status: effect.status };
  }
  if (effect.callback) {
    const agentId = effect.callback === 'agent' ? data.agentId : null;
    if (after.status === 'FollowUp') events.push({ type: 'FollowUpScheduled', data: { at: data.callbackAt!.toISOString(), previousAt: lead.followUpAt, agentId } });
    else events.push(...moveStatus(after, 'FollowUp', { at: data.callbackAt!, agentId }, now));
    after = { ...after, status: 'FollowUp' };
  }
  const stillOpen = (after.status === 'Available' || after.status === 'FollowUp') && !effect.doNotCall && !effect.callback;
  if (stillOpen) events.push(...recycling(lead, disposition, context, now));
  return events;
}

/** What becomes of an open lead after a call: offered again after the disposition's delay, or exhausted. */
function recycling(lead: RegisteredLead, disposition: Disposition, context: DialingContext, now: Date): LeadEvent[] {
  if (lead.exhausted !== null) return []; // a call to a lead already out of attempts is recorded, nothing more
  const calls = lead.callCount + 1;
  if (calls >= context.attempts.perLeadTotal) return [{ type: 'AttemptsExhausted', data: { reason: 'total', outcome: disposition.code, calls } }];
  const { retry } = disposition.effect;
  if (!retry) return [];
  const attempt = (lead.streak?.outcome === disposition.code ? lead.streak.count : 0) + 1;
  if (attempt >= retry.maxAttempts) return [{ type: 'AttemptsExhausted', data: { reason: 'disposition', outcome: disposition.code, calls } }];
  return [{ type: 'RetryScheduled', data: { at: new Date(now.getTime() + retry.afterMinutes * 60_000).toISOString(), outcome: disposition.code, attempt, of: retry.maxAttempts } }];
}

export function claimLead({ data, metadata }: ClaimLead, lead: RegisteredLead): LeadEvent[] {
  const context = contextOf({ type: 'ClaimLead', data, metadata });
  const verdict = dialability(lead, context, metadata.now, data.agentId);
  if (!verdict.callable) {
    const [first] = verdict.reasons;
    const params = Object.fromEntries(Object.entries(first && 'params' in first ? first.params : {}).filter(([, value]) => value !== null)) as Record<string, string | number>;
    throw new IllegalStateError('lead.not-callable', { params: { ...params, why: first?.code ?? 'lead.no-phone' } });
  }
  const until = new Date(metadata.now.getTime() + context.claimMinutes * 60_000).toISOString();
  return [{ type: 'LeadClaimed', data: { agentId: data.agentId, until, tier: data.tier } }];
}

export function skipLead({ data, metadata }: SkipLead, lead: RegisteredLead): LeadEvent[] {
  const claim = activeClaim(lead, metadata.now);
  if (!claim || claim.agentId !== data.agentId) throw new IllegalStateError('claim.not-held');
  return [{ type: 'ClaimReleased', data: { agentId: data.agentId, reason: data.reason } }];
}

export function setTimeZone({ data }: SetTimeZone, lead: RegisteredLead): LeadEvent[] {
  if (data.timeZone === lead.timeZone) throw new IllegalStateError('time-zone.unchanged', { field: 'timeZone' });
  return [{ type: 'TimeZoneSet', data: { timeZone: data.timeZone, previous: lead.timeZone } }];
}

export function requestDoNotCall({ data }: RequestDoNotCall, lead: RegisteredLead): LeadEvent[] {
  if (lead.doNotCall !== null) throw new IllegalStateError('do-not-call.already');
  return [{ type: 'DoNotCallRequested', data: { reason: data.reason } }];
}

export function liftDoNotCall({ data }: LiftDoNotCall, lead: RegisteredLead): LeadEvent[] {
  if (lead.doNotCall === null) throw new IllegalStateError('do-not-call.not-requested');
  return [{ type: 'DoNotCallLifted', data: { reason: data.reason } }];
}

export function recycleLead({ data }: RecycleLead, lead: RegisteredLead): LeadEvent[] {
  if (lead.exhausted === null) throw new IllegalStateError('lead.not-exhausted');
  return [{ type: 'LeadRecycled', data: { reason: data.reason } }];
}
