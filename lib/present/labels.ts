// The words a lead's values read as, wherever the app shows them (pages, conflict dialog, CSV).
import type { LeadEventType } from '@/lib/leads/events';
import type { CallOutcome, LeadStatus } from '@/lib/leads/values';

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
  CallOutcomeRecorded: 'Call outcome recorded',
};
