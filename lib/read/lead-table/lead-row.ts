// A lead's row in the lead table: the domain's own state of the lead, plus when it was created and
// last changed, by whom, and at which version. Pure: the projection and its rebuild both fold with it.
import type { StoredEvent } from '@/lib/event-store';
import { evolve, initialState, isLeadEvent, type Lead, type Phone, type RegisteredLead } from '@/lib/leads';

export type LeadRow = {
  tenant_id: string;
  lead_id: string;
  name: string;
  phones: Phone[];
  emails: string[];
  status: string;
  follow_up_at: string | null;
  owner_id: string | null;
  source: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  version: number;
};

function toState(row: LeadRow): RegisteredLead {
  return {
    kind: 'registered',
    noteCount: 0,
    callCount: 0,
    leadId: row.lead_id,
    name: row.name,
    phones: row.phones,
    emails: row.emails,
    status: row.status as RegisteredLead['status'],
    followUpAt: row.follow_up_at,
    ownerId: row.owner_id,
    source: row.source,
  };
}

/** The row after `event`; events at or below the row's version are already in it and change nothing. */
export function evolveLeadRow(row: LeadRow | null, event: StoredEvent): LeadRow | null {
  if (row && event.version <= row.version) return row;
  if (!isLeadEvent(event) || (!row && event.type !== 'LeadRegistered')) return null;
  const state: Lead = evolve(row ? toState(row) : initialState(), event);
  if (state.kind === 'initial') return null;
  const at = event.occurredAt.toISOString();
  return {
    tenant_id: event.tenantId,
    lead_id: event.streamId,
    name: state.name,
    phones: [...state.phones],
    emails: [...state.emails],
    status: state.status,
    follow_up_at: state.followUpAt,
    owner_id: state.ownerId,
    source: state.source,
    created_at: row?.created_at ?? at,
    updated_at: at,
    updated_by: event.metadata.actor ?? null,
    version: event.version,
  };
}
