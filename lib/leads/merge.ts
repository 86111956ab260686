// Merging two leads that are the same person, and undoing it (see docs/lead-rules.md). The command
// goes to the survivor's stream; the lead it takes in arrives on the metadata, loaded by the caller,
// and its own stream records the merge in the same append. Pure: no I/O, no clock.
import { IllegalStateError, NotFoundError, ValidationError, type FieldIssue } from '@/lib/errors';
import { LEAD_LIMITS, type Lead, type LeadEvent, type LeadStatus, type MergedFields, type Phone, type RegisteredLead } from './lead';

/** Which value wins for each merged field; phones and emails name every one the survivor keeps. */
export type MergeChoices = {
  readonly name: string;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly ownerId: string | null;
  readonly status: LeadStatus;
  readonly followUpAt: string | null;
};

type MergeMeta = { readonly now: Date; readonly absorbed?: Lead };
export type MergeLead = { readonly type: 'MergeLead'; readonly data: { mergeId: string; leadId: string; choices: MergeChoices }; readonly metadata: MergeMeta };
export type UnmergeLead = { readonly type: 'UnmergeLead'; readonly data: { mergeId: string }; readonly metadata: { readonly now: Date } };
export type MergeCommand = MergeLead | UnmergeLead;

export function mergeLead({ data, metadata }: MergeLead, survivor: RegisteredLead): LeadEvent[] {
  if (data.leadId === survivor.leadId) throw new IllegalStateError('merge.same-lead', { field: 'leadId' });
  const absorbed = metadata.absorbed;
  if (!absorbed || absorbed.kind !== 'registered') throw new NotFoundError('lead.not-found', { leadId: data.leadId });
  if (absorbed.mergedInto) throw new IllegalStateError('merge.already-merged', { field: 'leadId', params: { survivorId: absorbed.mergedInto.survivorId } });
  // An erased person's data is not taken into another lead: there is nothing of it left to merge.
  if (absorbed.erased) throw new IllegalStateError('lead.erased', { field: 'leadId' });
  const before = fieldsOf(survivor);
  const after = chosenFields(data.choices, survivor, absorbed);
  return [
    { type: 'LeadAbsorbed', data: { mergeId: data.mergeId, leadId: absorbed.leadId, name: absorbed.name, before, after } },
    ...fieldEvents(before, after, data.mergeId),
  ];
}

/**
 * Undoing the survivor's latest merge: each field the merge changed and nobody changed since goes
 * back to what it was; what was done since stays. The lead it took in is restored by its own stream.
 */
export function unmergeLead({ data }: UnmergeLead, survivor: RegisteredLead): LeadEvent[] {
  const merge = survivor.lastMerge;
  if (!merge || merge.mergeId !== data.mergeId) throw new IllegalStateError('merge.cannot-undo', { field: 'mergeId' });
  const now = fieldsOf(survivor);
  const { before, after } = merge;
  const scheduleKept = now.status === after.status && now.followUpAt === after.followUpAt;
  const target: MergedFields = {
    name: now.name === after.name ? before.name : now.name,
    phones: [
      ...now.phones.filter((phone) => !added(after.phones, before.phones).has(phone.e164)),
      ...before.phones.filter((phone) => added(before.phones, after.phones).has(phone.e164) && !now.phones.some((held) => held.e164 === phone.e164)),
    ],
    emails: [
      ...now.emails.filter((email) => !after.emails.includes(email) || before.emails.includes(email)),
      ...before.emails.filter((email) => !after.emails.includes(email) && !now.emails.includes(email)),
    ],
    ownerId: now.ownerId === after.ownerId ? before.ownerId : now.ownerId,
    status: scheduleKept ? before.status : now.status,
    followUpAt: scheduleKept ? before.followUpAt : now.followUpAt,
    followUpAgentId: scheduleKept ? before.followUpAgentId : now.followUpAgentId,
  };
  return [{ type: 'MergeUndone', data: { mergeId: merge.mergeId, leadId: merge.leadId, name: merge.name } }, ...fieldEvents(now, target, merge.mergeId)];
}

/** The E.164 numbers in `these` that `those` does not hold. */
const added = (these: readonly Phone[], those: readonly Phone[]) =>
  new Set(these.map((phone) => phone.e164).filter((e164) => !those.some((phone) => phone.e164 === e164)));

export function fieldsOf(lead: RegisteredLead): MergedFields {
  return {
    name: lead.name, phones: [...lead.phones], emails: [...lead.emails], ownerId: lead.ownerId,
    status: lead.status, followUpAt: lead.followUpAt, followUpAgentId: lead.followUpAgentId,
  };
}

/** The survivor's fields as chosen: each choice must be a value one of the two leads holds. */
function chosenFields(choices: MergeChoices, survivor: RegisteredLead, absorbed: RegisteredLead): MergedFields {
  const issues: FieldIssue[] = [];
  const notHeld = (field: string, value: unknown) => issues.push({ field, code: 'merge.not-held', params: { value: String(value) } });
  const both = [survivor, absorbed];
  if (!both.some((lead) => lead.name === choices.name)) notHeld('name', choices.name);
  const phones = choices.phones.map((e164, index) => {
    const phone = both.flatMap((lead) => lead.phones).find((held) => held.e164 === e164);
    if (!phone) notHeld(`phones.${index}`, e164);
    return phone;
  });
  choices.emails.forEach((email, index) => {
    if (!both.some((lead) => lead.emails.includes(email))) notHeld(`emails.${index}`, email);
  });
  if (!both.some((lead) => lead.ownerId === choices.ownerId)) notHeld('ownerId', choices.ownerId);
  if (!both.some((lead) => lead.status === choices.status)) notHeld('status', choices.status);
  const followUpFrom = both.find((lead) => lead.followUpAt === choices.followUpAt);
  if (!followUpFrom) notHeld('followUpAt', choices.followUpAt);
  if (issues.length > 0) throw new ValidationError(issues);

  if (choices.phones.length + choices.emails.length === 0) throw new IllegalStateError('contact.required', { field: 'phones' });
  if (choices.phones.length > LEAD_LIMITS.phones) throw new IllegalStateError('phone.too-many', { field: 'phones', params: { max: LEAD_LIMITS.phones, held: choices.phones.length } });
  if (choices.emails.length > LEAD_LIMITS.emails) throw new IllegalStateError('email.too-many', { field: 'emails', params: { max: LEAD_LIMITS.emails, held: choices.emails.length } });
  if (choices.status === 'FollowUp' && !choices.followUpAt) throw new ValidationError([{ field: 'followUpAt', code: 'follow-up.required' }]);
  if ((choices.status === 'Closed' || choices.status === 'Converted') && choices.followUpAt) {
    throw new IllegalStateError('follow-up.not-allowed', { field: 'followUpAt', params: { status: choices.status } });
  }
  return {
    name: choices.name, phones: phones as Phone[], emails: [...new Set(choices.emails)], ownerId: choices.ownerId,
    status: choices.status, followUpAt: choices.followUpAt, followUpAgentId: followUpFrom!.followUpAgentId,
  };
}

/**
 * The field events that take a lead from `from` to `to`, in the order the lead's own commands would
 * write them. The status change carries the merge's id: the merge moved it, not a person's work.
 */
function fieldEvents(from: MergedFields, to: MergedFields, mergeId: string): LeadEvent[] {
  const events: LeadEvent[] = [];
  if (from.name !== to.name) events.push({ type: 'NameChanged', data: { name: to.name, previousName: from.name } });
  const keptPhones = new Set(to.phones.map((phone) => phone.e164));
  const heldPhones = new Set(from.phones.map((phone) => phone.e164));
  for (const phone of from.phones) if (!keptPhones.has(phone.e164)) events.push({ type: 'PhoneRemoved', data: { phone } });
  for (const phone of to.phones) if (!heldPhones.has(phone.e164)) events.push({ type: 'PhoneAdded', data: { phone } });
  for (const email of from.emails) if (!to.emails.includes(email)) events.push({ type: 'EmailRemoved', data: { email } });
  for (const email of to.emails) if (!from.emails.includes(email)) events.push({ type: 'EmailAdded', data: { email } });
  if (from.ownerId !== to.ownerId) events.push({ type: 'LeadAssigned', data: { ownerId: to.ownerId, previousOwnerId: from.ownerId, rule: null } });
  if (from.status !== to.status) events.push({ type: 'StatusChanged', data: { from: from.status, to: to.status, mergeId } });
  if (from.followUpAt !== to.followUpAt || from.followUpAgentId !== to.followUpAgentId) {
    events.push(to.followUpAt
      ? { type: 'FollowUpScheduled', data: { at: to.followUpAt, previousAt: from.followUpAt, agentId: to.followUpAgentId } }
      : { type: 'FollowUpCleared', data: { previousAt: from.followUpAt!, reason: from.status !== to.status ? 'status-changed' : 'cleared' } });
  }
  return events;
}
