// Status periods and callbacks from lead events. Pure: given the rows still open before a batch and
// the batch's events (in log order), it returns every row the batch created or changed.
import type { StoredEvent } from '@/lib/event-store';
import { isLeadEvent } from '@/lib/leads';

export type PeriodRow = {
  tenant_id: string;
  lead_id: string;
  entered_version: number;
  status: string;
  /**
   * The status someone changed the lead from to begin this period; null when nobody did: the lead's
   * first period, and one a merge or the undoing of one began. Only periods with one are changes.
   */
  previous_status: string | null;
  entered_at: string;
  entered_by: string | null;
  left_at: string | null;
  left_by: string | null;
  duration_seconds: number | null;
  follow_up_at: string | null;
};

export type FollowUpRow = {
  tenant_id: string;
  lead_id: string;
  scheduled_version: number;
  due_at: string;
  set_at: string;
  set_by: string | null;
  handled_at: string | null;
  handled_by: string | null;
  ended_at: string | null;
  end_reason: string | null;
};

export type HistoryRows = { periods: PeriodRow[]; followUps: FollowUpRow[] };

const leadKey = (tenantId: string, leadId: string) => `${tenantId}\u0000${leadId}`;
const rowKey = (row: { tenant_id: string; lead_id: string }, version: number) => `${leadKey(row.tenant_id, row.lead_id)}\u0000${version}`;

export function historyRows(open: HistoryRows, events: readonly StoredEvent[]): HistoryRows {
  const openPeriods = new Map(open.periods.map((row) => [leadKey(row.tenant_id, row.lead_id), { ...row }]));
  const openFollowUps = new Map(open.followUps.map((row) => [leadKey(row.tenant_id, row.lead_id), { ...row }]));
  const periods = new Map<string, PeriodRow>();
  const followUps = new Map<string, FollowUpRow>();
  const touchPeriod = (row: PeriodRow) => periods.set(rowKey(row, row.entered_version), row);
  const touchFollowUp = (row: FollowUpRow) => followUps.set(rowKey(row, row.scheduled_version), row);

  // The event being folded, for the helpers below: made once, not once per event (a rebuild folds
  // millions, and each closure made costs, more so where names are kept on functions, as under tsx).
  let event: StoredEvent = events[0]!;
  let key = '';
  let at = '';
  let actor: string | null = null;
  const openPeriod = (status: string, previous: string | null) => {
    const row: PeriodRow = {
      tenant_id: event.tenantId, lead_id: event.streamId, entered_version: event.version, status, previous_status: previous,
      entered_at: at, entered_by: actor, left_at: null, left_by: null, duration_seconds: null, follow_up_at: null,
    };
    openPeriods.set(key, row);
    touchPeriod(row);
  };
  const handleFollowUp = () => {
    const followUp = openFollowUps.get(key);
    if (followUp && !followUp.handled_at) {
      Object.assign(followUp, { handled_at: at, handled_by: actor });
      touchFollowUp(followUp);
    }
  };
  const closePeriod = () => {
    const current = openPeriods.get(key);
    if (!current) return undefined;
    const seconds = (event.occurredAt.getTime() - new Date(current.entered_at).getTime()) / 1000;
    Object.assign(current, { left_at: at, left_by: actor, duration_seconds: seconds });
    touchPeriod(current);
    openPeriods.delete(key);
    return current;
  };
  const endFollowUp = (reason: string) => {
    const followUp = openFollowUps.get(key);
    if (!followUp) return;
    Object.assign(followUp, { ended_at: at, end_reason: reason });
    touchFollowUp(followUp);
    openFollowUps.delete(key);
  };

  for (const next of events) {
    if (!isLeadEvent(next)) continue;
    const lead = next;
    event = next;
    key = leadKey(event.tenantId, event.streamId);
    at = event.occurredAt.toISOString();
    actor = event.metadata.actor ?? null;

    switch (lead.type) {
      case 'LeadRegistered':
        if (!openPeriods.has(key)) openPeriod('Available', null);
        break;
      case 'StatusChanged': {
        const current = closePeriod();
        // A status a merge moved is no change anybody made: no "from", no callback handled.
        if (lead.data.mergeId !== undefined) {
          openPeriod(lead.data.to, null);
          break;
        }
        handleFollowUp();
        openPeriod(lead.data.to, current?.status ?? lead.data.from);
        break;
      }
      case 'FollowUpScheduled': {
        const current = openPeriods.get(key);
        if (current) {
          current.follow_up_at = lead.data.at;
          touchPeriod(current);
        }
        endFollowUp('rescheduled');
        const row: FollowUpRow = {
          tenant_id: event.tenantId, lead_id: event.streamId, scheduled_version: event.version, due_at: lead.data.at,
          set_at: at, set_by: actor, handled_at: null, handled_by: null, ended_at: null, end_reason: null,
        };
        openFollowUps.set(key, row);
        touchFollowUp(row);
        break;
      }
      case 'FollowUpCleared':
        endFollowUp(lead.data.reason);
        break;
      case 'CallOutcomeRecorded':
        handleFollowUp();
        break;
      // A merged lead's time ends at the merge (its survivor's periods go on); undone, it starts again.
      case 'LeadMergedInto':
        closePeriod();
        endFollowUp('merged');
        break;
      case 'LeadUnmerged':
        openPeriod(lead.data.status, null);
        break;
      default:
        break;
    }
  }
  return { periods: [...periods.values()], followUps: [...followUps.values()] };
}
