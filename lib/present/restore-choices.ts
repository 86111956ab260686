// What an agent may put back from one line of a lead's history: the previous value of each field
// the line changed, where that is not the lead's value now and the rules could take it. Pure: the
// command it names goes the usual way, with the version the agent saw, so a change made meanwhile
// by someone else is a conflict and a refusal is the rule's own.
import { ALLOWED_TRANSITIONS, type LeadCommandType } from '@/lib/leads/decide';
import { isLeadEventOfType, type LeadEvent, type RegisteredLead } from '@/lib/leads/lead';
import { formatWhen, type HistoryEvent, type NameOf } from './history-lines';
import { STATUS_LABELS } from './labels';
import { phoneAsRead } from './phone';

/** The lead as the page shows it now. */
export type LeadNowFields = Pick<RegisteredLead, 'name' | 'phones' | 'emails' | 'status' | 'followUpAt' | 'ownerId'>;

type RestoreCommandType = Extract<LeadCommandType, 'ChangeName' | 'AssignLead' | 'ChangeStatus' | 'SetFollowUp' | 'ChangeContactInfo'>;

export type RestoreChoice = {
  readonly key: string;
  /** The button's accessible name, naming the field and the value: Restore name “Ana Lopez”. */
  readonly label: string;
  /** The button's visible words, the start of its label. */
  readonly text: string;
  readonly command: { readonly type: RestoreCommandType; readonly data: Record<string, unknown> };
};

export type RestoreContext = {
  readonly current: LeadNowFields;
  readonly nameOf: NameOf;
  /** The tenant's region, that phones are read in. */
  readonly region?: string;
  /** A callback in the past cannot be put back. */
  readonly now: Date;
};

type Of = <T extends LeadEvent['type']>(type: T) => Extract<LeadEvent, { type: T }>['data'][];

/** `line`: the events of one history line (one command). */
export function restoreChoices(line: readonly HistoryEvent[], context: RestoreContext): RestoreChoice[] {
  const events: readonly LeadEvent[] = line.filter(isLeadEventOfType);
  const of: Of = (type) => events.filter((event) => event.type === type).map((event) => event.data as never);
  return [
    ...of('NameChanged').flatMap(({ previousName }) => nameChoice(previousName, context)),
    ...of('LeadAssigned').flatMap(({ previousOwnerId }) => ownerChoice(previousOwnerId, context)),
    ...scheduleChoices(of, context),
    ...contactChoices('phone', of('PhoneRemoved').map(({ phone }) => phone.e164), of('PhoneAdded').map(({ phone }) => phone.e164), context),
    ...contactChoices('email', of('EmailRemoved').map(({ email }) => email), of('EmailAdded').map(({ email }) => email), context),
  ];
}

function nameChoice(name: string, { current }: RestoreContext): RestoreChoice[] {
  if (name === current.name) return [];
  return [{ key: 'name', label: `Restore name “${name}”`, text: 'Restore', command: { type: 'ChangeName', data: { name } } }];
}

function ownerChoice(ownerId: string | null, { current, nameOf }: RestoreContext): RestoreChoice[] {
  if (ownerId === current.ownerId) return [];
  const who = ownerId === null ? 'nobody' : (nameOf(ownerId) ?? ownerId);
  return [{ key: 'owner', label: `Restore owner ${who}`, text: 'Restore', command: { type: 'AssignLead', data: { ownerId } } }];
}

const future = (iso: string, now: Date) => new Date(iso).getTime() > now.getTime();
const when = (iso: string) => `${formatWhen(iso)} UTC`;

/** A status change puts back the status (with the callback it ended); a callback alone, the callback. */
function scheduleChoices(of: Of, context: RestoreContext): RestoreChoice[] {
  const { current, now } = context;
  const [status] = of('StatusChanged');
  const [cleared] = of('FollowUpCleared');
  if (status) {
    const previous = status.from;
    if (previous === current.status || !ALLOWED_TRANSITIONS[current.status].includes(previous)) return [];
    if (previous !== 'FollowUp') {
      return [{ key: 'status', label: `Restore status ${STATUS_LABELS[previous]}`, text: 'Restore', command: { type: 'ChangeStatus', data: { status: previous } } }];
    }
    if (!cleared || !future(cleared.previousAt, now)) return [];
    const label = `Restore status ${STATUS_LABELS[previous]} (callback ${when(cleared.previousAt)})`;
    return [{ key: 'status', label, text: 'Restore', command: { type: 'ChangeStatus', data: { status: previous, followUpAt: cleared.previousAt } } }];
  }
  const [scheduled] = of('FollowUpScheduled');
  const previousAt = scheduled ? scheduled.previousAt : (cleared?.previousAt ?? null);
  if (previousAt === null || previousAt === current.followUpAt || !future(previousAt, now)) return [];
  return [{ key: 'follow-up', label: `Restore callback ${when(previousAt)}`, text: 'Restore', command: { type: 'SetFollowUp', data: { at: previousAt } } }];
}

/**
 * A removed value the lead no longer holds is added back, an added one it still holds removed;
 * one of each (a replacement) is put back as one replacement.
 */
function contactChoices(kind: 'phone' | 'email', removed: readonly string[], added: readonly string[], { current, region }: RestoreContext): RestoreChoice[] {
  const held = new Set(kind === 'phone' ? current.phones.map((phone) => phone.e164) : current.emails);
  const show = (value: string) => (kind === 'phone' ? phoneAsRead(value, region) : value);
  const [addField, removeField] = kind === 'phone' ? ['addPhones', 'removePhones'] : ['addEmails', 'removeEmails'];
  const addBack = removed.filter((value) => !held.has(value));
  const takeOut = added.filter((value) => held.has(value));
  if (addBack.length === 1 && takeOut.length === 1) {
    const [back, out] = [addBack[0]!, takeOut[0]!];
    const label = `Restore ${kind} ${show(back)} instead of ${show(out)}`;
    return [{ key: `${kind}-${back}`, label, text: 'Restore', command: { type: 'ChangeContactInfo', data: { [addField]: [back], [removeField]: [out] } } }];
  }
  const one = (value: string, text: string, label: string, field: string): RestoreChoice => ({
    key: `${kind}-${value}`, label: `${label} ${kind} ${show(value)}`, text, command: { type: 'ChangeContactInfo', data: { [field]: [value] } },
  });
  return [...addBack.map((value) => one(value, 'Add back', 'Add back', addField)), ...takeOut.map((value) => one(value, 'Remove', 'Remove added', removeField))];
}
