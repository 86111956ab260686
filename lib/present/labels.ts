// The words a lead's values read as, wherever the app shows them (pages, conflict dialog, CSV).
import type { LeadEventType } from '@/lib/leads/events';
import { DEFAULT_DIALING_RULES } from '@/lib/dialing/rules';
import type { CallOutcome, ClaimTier, LeadStatus } from '@/lib/leads/values';

export const STATUS_LABELS: Record<LeadStatus, string> = {
  Available: 'Available',
  FollowUp: 'Follow-up',
  Closed: 'Closed',
  Converted: 'Converted',
};

/** A status as read, or the stored value itself for one this code does not know. */
export const statusLabel = (status: string): string => STATUS_LABELS[status as LeadStatus] ?? status;

export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  'no-answer': 'No answer',
  voicemail: 'Voicemail',
  busy: 'Busy',
  'wrong-number': 'Wrong number',
  'not-interested': 'Not interested',
  interested: 'Interested',
  'callback-requested': 'Callback requested',
  sale: 'Sale',
};

/** Why "next lead" offered a lead. */
export const CLAIM_TIER_WORDS: Record<ClaimTier, string> = {
  'own-callback': 'their own callback, due',
  'overdue-callback': 'a callback open to anyone, overdue',
  retry: 'due for another try',
  fresh: 'a fresh lead',
};

/**
 * A call's disposition as people read it: the tenant's label when given, else the label of the
 * default or older outcome with that code, else the code itself.
 */
export function outcomeLabel(code: string, labels: ReadonlyMap<string, string> = DEFAULT_OUTCOME_LABELS): string {
  return labels.get(code) ?? DEFAULT_OUTCOME_LABELS.get(code) ?? code;
}

const DEFAULT_OUTCOME_LABELS: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.entries(OUTCOME_LABELS),
  ...DEFAULT_DIALING_RULES.dispositions.map((disposition) => [disposition.code, disposition.label] as const),
]);

/** What each kind of change is called in the latest-changes list. */
export const EVENT_LABELS: Record<LeadEventType, string> = {
  LeadRegistered: 'Lead registered',
  NameChanged: 'Name changed',
  PhoneAdded: 'Phone added',
  PhoneRemoved: 'Phone removed',
  EmailAdded: 'Email added',
  EmailRemoved: 'Email removed',
  StatusChanged: 'Status changed',
  FollowUpScheduled: 'Follow-up scheduled',
  FollowUpCleared: 'Follow-up cleared',
  LeadAssigned: 'Lead assigned',
  NoteAdded: 'Note added',
  CallOutcomeRecorded: 'Call recorded',
  RetryScheduled: 'Retry scheduled',
  AttemptsExhausted: 'Attempts used up',
  LeadRecycled: 'Lead recycled',
  PhoneMarkedWrong: 'Phone marked wrong',
  DoNotCallRequested: 'Marked do not call',
  DoNotCallLifted: 'Do not call lifted',
  TimeZoneSet: 'Time zone set',
  LeadClaimed: 'Drawn by an agent',
  ClaimReleased: 'Skipped',
  LeadAbsorbed: 'Merged with another lead',
  LeadMergedInto: 'Merged into another lead',
  MergeUndone: 'Merge undone',
  LeadUnmerged: 'Merge undone',
  PersonalDataErased: 'Personal data erased',
};
