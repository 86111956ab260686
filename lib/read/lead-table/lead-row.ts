// A lead's row in the lead table: the domain's own state of the lead, plus when it was created and
// last changed, by whom, and at which version. Pure: the projection and its rebuild both fold with it.
import { ERASED_VALUE, type VersionedEvent } from '@/lib/event-store';
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
  follow_up_agent_id: string | null;
  /** When a lead that was called is due again: its retry, or at once (its last call) when none was set. */
  retry_at: string | null;
  call_count: number;
  last_call_at: string | null;
  claimed_by: string | null;
  claim_until: string | null;
  do_not_call: boolean;
  exhausted: boolean;
  wrong_phones: string[];
  time_zone: string | null;
  /** The lead it was merged into: a merged lead is left out of lists, queues and next lead. */
  merged_into: string | null;
};

/** The lead's state as far as its row tells it; what the row does not hold starts empty (it does not read it). */
function toState(row: LeadRow): RegisteredLead {
  return {
    kind: 'registered',
    noteCount: 0,
    callCount: row.call_count,
    followUpAgentId: row.follow_up_agent_id,
    // The last call is all the row needs of the calls: when the lead was last tried.
    calls: row.last_call_at ? [{ at: row.last_call_at, phone: null, outcome: '' }] : [],
    retryAt: row.retry_at,
    streak: null,
    exhausted: row.exhausted ? 'total' : null,
    wrongPhones: row.wrong_phones,
    doNotCall: row.do_not_call ? 'yes' : null,
    timeZone: row.time_zone,
    claim: row.claimed_by && row.claim_until ? { agentId: row.claimed_by, until: row.claim_until } : null,
    mergedInto: row.merged_into ? { survivorId: row.merged_into, mergeId: '' } : null,
    lastMerge: null,
    // The row keeps no flag of its own: an erased lead's name is the erased value.
    erased: row.name === ERASED_VALUE,
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

function dialingColumns(state: RegisteredLead) {
  const lastCallAt = state.calls.at(-1)?.at ?? null;
  return {
    follow_up_agent_id: state.followUpAgentId,
    retry_at: state.retryAt ?? (state.callCount > 0 ? lastCallAt : null),
    call_count: state.callCount,
    last_call_at: lastCallAt,
    claimed_by: state.claim?.agentId ?? null,
    claim_until: state.claim?.until ?? null,
    do_not_call: state.doNotCall !== null,
    exhausted: state.exhausted !== null,
    wrong_phones: [...state.wrongPhones],
    time_zone: state.timeZone,
    merged_into: state.mergedInto?.survivorId ?? null,
  };
}

/** The row after `event`; events at or below the row's version are already in it and change nothing. */
export function evolveLeadRow(row: LeadRow | null, event: VersionedEvent): LeadRow | null {
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
    ...dialingColumns(state),
  };
}
