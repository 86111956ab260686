import Link from 'next/link';
import { page, reader } from '@/lib/gate';
import { getOverview } from '@/lib/read/overview';
import { type LeadStatus } from '@/lib/leads/lead';
import { EVENT_LABELS, STATUS_LABELS } from '@/lib/present/labels';

// Read at request time: the log changes with every command.
export const dynamic = 'force-dynamic';


export default async function HomePage() {
  const user = await page();
  const overview = await getOverview(await reader(user), user.tenantId);
  if (!overview) return <p>Your organisation has no data yet.</p>;
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <h1>{overview.tenantName}</h1>
      <section className="cards" aria-label="Totals">
        <div className="card">
          <div className="figure">{overview.leadCount.toLocaleString('en-GB')}</div>
          <div className="label">Leads</div>
        </div>
        <div className="card">
          <div className="figure">{overview.eventCount.toLocaleString('en-GB')}</div>
          <div className="label">Recorded changes</div>
        </div>
        {overview.statusCounts.map(({ status, count }) => (
          <div className="card" key={status}>
            <div className="figure">{count.toLocaleString('en-GB')}</div>
            <div className="label">{STATUS_LABELS[status as LeadStatus] ?? status}</div>
          </div>
        ))}
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Latest changes</h2>
        <table>
          <thead>
            <tr><th scope="col">When (UTC)</th><th scope="col">Change</th><th scope="col">By</th><th scope="col">Lead</th></tr>
          </thead>
          <tbody>
            {overview.recent.map((event) => (
              <tr key={event.position}>
                <td>{when.format(new Date(event.occurredAt))}</td>
                <td>{EVENT_LABELS[event.type as keyof typeof EVENT_LABELS] ?? event.type}</td>
                <td>{event.actor ?? <span className="muted">system</span>}</td>
                <td><Link href={`/leads/${event.leadId}`}>{event.leadName}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
