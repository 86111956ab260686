// What an agent's own pending edit would do, and what others changed meanwhile, in words, for the
// conflict dialogs. Pure.
import type { WordedChange } from '@/components/changes-dialog';
import type { ActionError } from '@/lib/gate/result';
import { formatWhen, historyLines } from '@/lib/present/history-lines';
import { type LeadStatus } from '@/lib/leads/lead';
import { outcomeLabel, STATUS_LABELS } from '@/lib/present/labels';
import type { Edit } from './lead-command';

const quote = (text: unknown) => `“${String(text)}”`;
const when = (iso: unknown) => (typeof iso === 'string' ? `${formatWhen(iso)} UTC` : 'no date');
const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** `asRead` shows a stored number (a phone to remove); a phone to add is shown as the agent typed it. */
export function summariseEdit({ type, data }: Edit, names: Readonly<Record<string, string>>, asRead: (e164: string) => string): string {
  switch (type) {
    case 'ChangeName':
      return `Change the name to ${quote(data.name)}`;
    case 'ChangeContactInfo': {
      const parts = [
        ...listOf(data.removePhones).map((phone) => `remove the phone ${asRead(phone)}`),
        ...listOf(data.addPhones).map((phone) => `add the phone ${phone}`),
        ...listOf(data.removeEmails).map((email) => `remove the email ${email}`),
        ...listOf(data.addEmails).map((email) => `add the email ${email}`),
      ];
      const text = parts.join(', ');
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case 'ChangeStatus': {
      const label = STATUS_LABELS[data.status as LeadStatus] ?? String(data.status);
      return `Set the status to ${label}${data.followUpAt ? ` (callback ${when(data.followUpAt)})` : ''}`;
    }
    case 'SetFollowUp':
      return `Set the callback for ${when(data.at)}`;
    case 'ClearFollowUp':
      return 'Clear the callback';
    case 'AssignLead':
      return data.ownerId ? `Assign the lead to ${names[String(data.ownerId)] ?? String(data.ownerId)}` : 'Unassign the lead';
    case 'AddNote':
      return `Add a note: ${quote(data.text)}`;
    case 'RecordCallOutcome':
      return `Record a call: ${outcomeLabel(String(data.outcome))}`;
    case 'SkipLead':
      return `Skip the lead: ${quote(data.reason)}`;
    case 'SetTimeZone':
      return data.timeZone ? `Set the time zone to ${String(data.timeZone)}` : 'Use the time zone the phones tell';
    case 'RequestDoNotCall':
      return `Mark the lead do not call: ${quote(data.reason)}`;
    case 'LiftDoNotCall':
      return `Lift do not call: ${quote(data.reason)}`;
    case 'RecycleLead':
      return `Recycle the lead: ${quote(data.reason)}`;
  }
}

/** A conflict's changes to a lead, as sentences of its history, phones read in the tenant's region. */
export function leadChanges(error: ActionError, names: Readonly<Record<string, string>>, region?: string): WordedChange[] {
  return historyLines((error.changes ?? []).map((change) => ({ ...change, commandId: null })), (userId) => names[userId], new Map(), region);
}
