// A lead's events as sentences an agent reads: who did what, from what to what. Pure, so the lead
// page (server) and the conflict dialog (browser) word the same change the same way.
import { isLeadEventOfType, type LeadEvent, type LeadStatus, type Phone } from '@/lib/leads/lead';
import { CLAIM_TIER_WORDS, outcomeLabel, STATUS_LABELS } from './labels';
import { phoneAsRead, phoneAsReadAndTyped } from './phone';

/** An event as the history needs it: stored events and a conflict's changes both fit. */
export type HistoryEvent = {
  readonly version: number;
  readonly type: string;
  readonly data: unknown;
  readonly actor: string | null;
  readonly occurredAt: string;
  /** Events of one command share it; without it, one actor at one moment counts as one command. */
  readonly commandId?: string | null;
};

export type HistoryLine = {
  readonly key: string;
  /** The versions the line covers (one command can write several events). */
  readonly versions: readonly number[];
  readonly at: string;
  readonly who: string;
  /** The whole sentence, starting with who. */
  readonly text: string;
};

export type NameOf = (userId: string) => string | undefined;


const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "24 Nov 2026, 10:00" in UTC. Written out by hand: browsers' and Node's ICU data disagree on "Sep". */
export function formatWhen(iso: string, { seconds = false } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds ? `:${pad(date.getUTCSeconds())}` : ''}`;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${time}`;
}

/**
 * One line per command, oldest first; calls named by the tenant's own disposition labels (code to
 * label), phones as read in the tenant's `region` with what was typed beside them.
 */
export function historyLines(events: readonly HistoryEvent[], nameOf: NameOf, outcomes: ReadonlyMap<string, string> = new Map(), region?: string): HistoryLine[] {
  const lines: HistoryLine[] = [];
  for (const group of byCommand(events)) {
    const first = group[0]!;
    const who = first.actor === null ? 'The system' : (nameOf(first.actor) ?? first.actor);
    const phrases = describe(group, nameOf, outcomes, region);
    lines.push({ key: `v${first.version}`, versions: group.map((e) => e.version), at: first.occurredAt, who, text: `${who} ${joinPhrases(phrases)}` });
  }
  return lines;
}

function byCommand(events: readonly HistoryEvent[]): HistoryEvent[][] {
  const groups: HistoryEvent[][] = [];
  const keyOf = (e: HistoryEvent) => e.commandId ?? `${e.actor}|${e.occurredAt}`;
  for (const event of events) {
    const last = groups.at(-1);
    if (last && keyOf(last[0]!) === keyOf(event)) last.push(event);
    else groups.push([event]);
  }
  return groups;
}

function describe(group: readonly HistoryEvent[], nameOf: NameOf, outcomes: ReadonlyMap<string, string>, region?: string): string[] {
  const showPhone = (phone: Phone) => phoneAsReadAndTyped(phone, region);
  const events: readonly LeadEvent[] = group.filter(isLeadEventOfType);
  const of = <T extends LeadEvent['type']>(type: T) => events.filter((e): e is Extract<LeadEvent, { type: T }> => e.type === type);
  const owner = (id: string | null) => (id === null ? 'nobody' : (nameOf(id) ?? id));
  const phrases: string[] = [];
  for (const { data } of of('LeadRegistered')) phrases.push(registered(data, owner, showPhone));
  for (const { data } of of('LeadAbsorbed')) phrases.push(`absorbed ${quote(data.name)}: merged it into this lead`);
  for (const { data } of of('LeadMergedInto')) phrases.push(`merged the lead into ${quote(data.survivorName)}`);
  for (const { data } of of('MergeUndone')) phrases.push(`undid the merge that absorbed ${quote(data.name)}`);
  for (const _ of of('LeadUnmerged')) phrases.push('undid the merge: the lead is its own again');
  for (const { data } of of('PersonalDataErased')) phrases.push(`erased the person’s data (${quote(data.reason)})`);
  for (const { data } of of('NameChanged')) phrases.push(`changed the name from ${quote(data.previousName)} to ${quote(data.name)}`);
  phrases.push(...contactChange('phone', of('PhoneRemoved').map((e) => showPhone(e.data.phone)), of('PhoneAdded').map((e) => showPhone(e.data.phone))));
  phrases.push(...contactChange('email', of('EmailRemoved').map((e) => e.data.email), of('EmailAdded').map((e) => e.data.email)));
  phrases.push(...scheduleChange(of('StatusChanged')[0]?.data, of('FollowUpScheduled')[0]?.data, of('FollowUpCleared')[0]?.data));
  for (const { data } of of('LeadAssigned')) {
    if (data.ownerId === null) phrases.push(`unassigned the lead from ${owner(data.previousOwnerId)}`);
    else if (data.previousOwnerId === null) phrases.push(`assigned the lead to ${owner(data.ownerId)}`);
    else phrases.push(`reassigned the lead from ${owner(data.previousOwnerId)} to ${owner(data.ownerId)}`);
  }
  for (const { data } of of('NoteAdded')) phrases.push(`added a note: ${quote(shorten(data.text))}`);
  for (const { data } of of('CallOutcomeRecorded')) {
    const dialled = data.phone ? ` to ${phoneAsRead(data.phone, region)}` : '';
    phrases.push(`recorded a call${dialled}: ${outcomeLabel(data.outcome, outcomes)}${data.notes ? ` (${quote(shorten(data.notes))})` : ''}`);
  }
  for (const { data } of of('PhoneMarkedWrong')) phrases.push(`marked ${phoneAsRead(data.phone, region)} as a wrong number`);
  for (const { data } of of('RetryScheduled')) phrases.push(`scheduled another try from ${formatWhen(data.at)} UTC (${outcomeLabel(data.outcome, outcomes).toLowerCase()}, ${data.attempt} of ${data.of})`);
  for (const { data } of of('AttemptsExhausted')) {
    phrases.push(data.reason === 'total' ? `used up the lead's calls (${data.calls} in all)` : `used up the lead's tries after ${outcomeLabel(data.outcome ?? '', outcomes).toLowerCase()}`);
  }
  for (const { data } of of('LeadRecycled')) phrases.push(`recycled the lead: ${quote(shorten(data.reason))}`);
  for (const { data } of of('DoNotCallRequested')) phrases.push(`marked the lead do not call: ${quote(shorten(data.reason))}`);
  for (const { data } of of('DoNotCallLifted')) phrases.push(`lifted do not call: ${quote(shorten(data.reason))}`);
  for (const { data } of of('TimeZoneSet')) phrases.push(data.timeZone ? `set the time zone to ${data.timeZone}` : 'set the time zone back to what the phones say');
  for (const { data } of of('LeadClaimed')) phrases.push(`drew the lead to call (${CLAIM_TIER_WORDS[data.tier]}), held until ${formatWhen(data.until)} UTC`);
  for (const { data } of of('ClaimReleased')) phrases.push(`skipped the lead: ${quote(shorten(data.reason))}`);
  for (const event of group) if (!isLeadEventOfType(event)) phrases.push(`made a change (${event.type})`);
  return phrases;
}

function registered(data: Extract<LeadEvent, { type: 'LeadRegistered' }>['data'], owner: (id: string | null) => string, showPhone: (phone: Phone) => string): string {
  const contact = [
    ...(data.phones.length ? [`${plural('phone', data.phones.length)} ${list(data.phones.map(showPhone))}`] : []),
    ...(data.emails.length ? [`${plural('email', data.emails.length)} ${list(data.emails)}`] : []),
  ];
  const assigned = data.ownerId ? `, assigned to ${owner(data.ownerId)}` : '';
  return `registered the lead ${quote(data.name)} with ${list(contact)} (source: ${data.source}${assigned})`;
}

/** Removing one value and adding one in the same command is a replacement: "changed ... from ... to". */
function contactChange(kind: 'phone' | 'email', removed: string[], added: string[]): string[] {
  if (removed.length === 1 && added.length === 1) return [`changed the ${kind} from ${removed[0]} to ${added[0]}`];
  return [
    ...(removed.length ? [`removed the ${plural(kind, removed.length)} ${list(removed)}`] : []),
    ...(added.length ? [`added the ${plural(kind, added.length)} ${list(added)}`] : []),
  ];
}

type StatusData = { from: LeadStatus; to: LeadStatus };
type ScheduledData = { at: string; previousAt: string | null };
type ClearedData = { previousAt: string; reason: string };

function scheduleChange(status?: StatusData, scheduled?: ScheduledData, cleared?: ClearedData): string[] {
  if (status) {
    const callback = scheduled ? ` (callback ${formatWhen(scheduled.at)})` : '';
    const ended = cleared ? ` and ended the callback of ${formatWhen(cleared.previousAt)}` : '';
    return [`set the status to ${label(status.to)}${callback} from ${label(status.from)}${ended}`];
  }
  if (scheduled) {
    return [scheduled.previousAt ? `moved the callback from ${formatWhen(scheduled.previousAt)} to ${formatWhen(scheduled.at)}` : `set a callback for ${formatWhen(scheduled.at)}`];
  }
  if (cleared) return [`cleared the callback of ${formatWhen(cleared.previousAt)}`];
  return [];
}

const label = (status: LeadStatus) => STATUS_LABELS[status] ?? status;
const quote = (text: string) => `“${text}”`;
const shorten = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const plural = (word: string, count: number) => (count === 1 ? word : `${word}s`);

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function joinPhrases(phrases: readonly string[]): string {
  return phrases.length === 0 ? 'made a change' : list(phrases);
}
