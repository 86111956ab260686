import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { headers } from 'next/headers';
import { LeadDuplicates } from '@/components/duplicates/lead-duplicates';
import { LiveLead } from '@/components/live/live-lead';
import { DialingPanel } from '@/components/lead/dialing-panel';
import { HistoryList } from '@/components/lead/history-list';
import { LeadCommandProvider } from '@/components/lead/lead-command';
import { LeadDetails } from '@/components/lead/lead-details';
import { LeadHeader } from '@/components/lead/lead-header';
import { LeadNeighbours } from '@/components/lead/lead-neighbours';
import { LeadTabs } from '@/components/lead/lead-tabs';
import { StatusTimeline } from '@/components/lead/status-timeline';
import { TimeTravel } from '@/components/lead/time-travel';
import { UndoMergeButton } from '@/components/lead/undo-merge-button';
import { EraseButton } from '@/components/erasure/erase-dialog';
import { ERASED_VALUE } from '@/lib/event-store';
import styles from '@/components/lead/lead.module.css';
import { can } from '@/lib/auth/roles';
import { clockOf } from '@/lib/clock';
import { page, reader } from '@/lib/gate';
import { duplicatesOfLead } from '@/lib/read/duplicates/queries';
import { leadDialingView } from '@/lib/read/event-log/lead-dialing';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import { parseInstant } from '@/lib/input/time';
import { system } from '@/lib/system/server';
import { leadThen, loadLeadDetail } from '@/lib/read/lead-detail';
import { parseOrigin } from '@/lib/read/lead-table/list-origin';
import { leadNeighbours } from '@/lib/read/lead-table/neighbours';
import { leadById } from '@/lib/read/lead-table/lead-by-id';

// Every request reads the lead's current version: edits are checked against it.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// No loading.tsx here on purpose: a streamed page starts with status 200, and an unknown lead
// must answer 404.
const loadForUser = cache(async (id: string) => {
  const user = await page('work-leads');
  const { store, dialing } = system();
  const [detail, calling, region, duplicates] = await Promise.all([
    loadLeadDetail(store, user.tenantId, id),
    leadDialingView(store, dialing, user.tenantId, id, user.id, clockOf(await headers())),
    tenantRegion(store.db, user.tenantId),
    duplicatesOfLead(store.db, user.tenantId, id),
  ]);
  return { user, store, detail, calling, region, duplicates };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { detail } = await loadForUser((await params).id);
  return { title: detail ? `${detail.lead.name} · Leadstream` : 'Lead not found · Leadstream' };
}

/** "2026-11-24T10:00" or "…:30" typed (UTC), or a full ISO time from a history link. */
function parseMoment(value: string | undefined): Date | 'invalid' | null {
  if (!value) return null;
  return parseInstant(value) ?? 'invalid';
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LeadPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { user, store, detail, calling, region, duplicates } = await loadForUser(id);
  if (!detail || !calling) notFound();
  // A merged lead's page and old links lead to the lead it was merged into.
  if (detail.lead.mergedInto) redirect(`/leads/${detail.lead.mergedInto}?merged=${encodeURIComponent(id)}`);
  const mergedFrom = single(query.merged);
  const merged = mergedFrom ? await leadById(store.db, user.tenantId, mergedFrom) : null;

  const moment = parseMoment(single(query.asOf));
  const then = moment instanceof Date ? await leadThen(store, user.tenantId, id, moment) : null;
  const names = Object.fromEntries(detail.people.map((person) => [person.id, person.name]));
  const { lead } = detail;
  const outcomes = Object.fromEntries(calling.dispositions.map(({ code, label }) => [code, label]));
  const tab = single(query.tab) === 'history' || moment ? 'history' : 'details';
  const origin = parseOrigin(single(query.from), detail.owners.map((owner) => owner.id));
  const neighbours = origin && await leadNeighbours(await reader(user), user, origin, id);

  return (
    <LeadCommandProvider leadId={lead.leadId} version={lead.version} names={names}>
      {origin && <LeadNeighbours origin={origin} neighbours={neighbours} />}
      <LeadHeader lead={lead} ownerName={lead.ownerId ? (names[lead.ownerId] ?? lead.ownerId) : null} />
      <LiveLead leadId={lead.leadId} claimedBy={calling.claim && !calling.heldByMe ? (names[calling.claim.agentId] ?? calling.claim.agentId) : null} />
      {merged?.mergedInto === lead.leadId && (
        <p role="note" className={styles.note}>“{merged.name}”, the lead you opened, was merged into this lead.</p>
      )}
      {detail.undoableMerge && can(user.role, 'merge-leads') && <UndoMergeButton leadId={lead.leadId} merge={detail.undoableMerge} />}
      {lead.name === ERASED_VALUE && <p role="note" className={styles.note}>This person’s data was erased: the lead keeps its status and dates only.</p>}
      {lead.name !== ERASED_VALUE && can(user.role, 'erase-personal-data') && <EraseButton leadId={lead.leadId} />}
      <LeadDuplicates lead={{ leadId: lead.leadId, name: lead.name, createdAt: new Date(lead.createdAt) }} duplicates={duplicates} canMerge={can(user.role, 'merge-leads')} region={region} />
      <DialingPanel view={calling} names={names} manager={can(user.role, 'manage-dialing')} />
      <LeadTabs
        initial={tab}
        details={<LeadDetails lead={lead} owners={detail.owners} ownerName={lead.ownerId ? (names[lead.ownerId] ?? lead.ownerId) : null} blockedPhones={detail.blockedPhones} />}
        history={
          <>
            <TimeTravel leadId={lead.leadId} then={then} invalid={moment === 'invalid'} names={names} region={region} />
            <HistoryList leadId={lead.leadId} events={detail.history} names={names} outcomes={outcomes} region={region} current={lead} now={detail.asOf} />
            <StatusTimeline periods={detail.timeline} callbacks={detail.callbacks} names={names} now={detail.asOf} />
            {detail.absorbed.map((merged) => (
              <HistoryList key={merged.leadId} leadId={merged.leadId} events={merged.history} names={names} outcomes={outcomes} region={region} mergedLead={merged} />
            ))}
          </>
        }
      />
    </LeadCommandProvider>
  );
}
