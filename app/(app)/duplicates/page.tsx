import type { Metadata } from 'next';
import Link from 'next/link';
import { StrengthBadge } from '@/components/duplicates/strength-badge';
import styles from '@/components/duplicates/duplicates.module.css';
import { page, reader } from '@/lib/gate';
import { mergeHref, proposedSurvivor, reasonsText } from '@/lib/present/duplicates';
import { phoneAsRead } from '@/lib/present/phone';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import { formatWhen } from '@/lib/present/history-lines';
import { STATUS_LABELS } from '@/lib/present/labels';
import { MAX_KEY_LEADS } from '@/lib/duplicates/keys';
import { duplicateGroups, MAX_PAIRS, type DuplicateLead } from '@/lib/read/duplicates/queries';
import type { LeadStatus } from '@/lib/leads';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Duplicates · Leadstream' };

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page asked for: a whole number from 1; anything else is the first page. */
function pageNumber(value: string | string[] | undefined): number {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(number) && number >= 1 && number <= 10_000 ? number : 1;
}

export default async function DuplicatesPage({ searchParams }: Props) {
  const manager = await page('merge-leads');
  const current = pageNumber((await searchParams).page);
  const db = await reader(manager);
  const [{ groups, total, truncated }, region] = await Promise.all([
    duplicateGroups(db, manager.tenantId, { offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    tenantRegion(db, manager.tenantId),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <h1>Possible duplicates</h1>
      <p>
        Leads that share a phone or an email (now, or one of them before), or share part of one and have very similar names, strongest first.{' '}
        {total === 0 ? 'None found.' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'group' : 'groups'}; page ${current} of ${pages}.`}
      </p>
      {truncated && <p role="status">The groups here are made of the {MAX_PAIRS.toLocaleString('en-GB')} strongest pairs: merge some, and the next ones appear.</p>}
      {groups.map((group, index) => {
        const byId = new Map(group.leads.map((lead) => [lead.leadId, lead]));
        const headingId = `group-${index}`;
        return (
          <section key={group.leadIds.join()} aria-labelledby={headingId} className={styles.group}>
            <h2 id={headingId}>
              <StrengthBadge strength={group.strength} />
              {group.leads.map((lead) => lead.name).join(', ')}
            </h2>
            <LeadsTable leads={group.leads} region={region} />
            <ul className={styles.pairs} aria-label="Why they match">
              {group.pairs.map((pair) => {
                const [a, b] = [byId.get(pair.a), byId.get(pair.b)];
                if (!a || !b) return null;
                const [survivor, other] = proposedSurvivor(a, b);
                return (
                  <li key={`${pair.a}-${pair.b}`}>
                    {a.name} and {b.name}: {reasonsText(pair.reasons, region)}.{' '}
                    <Link href={mergeHref(survivor.leadId, other.leadId)} aria-label={`Merge ${other.name} into ${survivor.name}`}>Merge…</Link>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {pages > 1 && (
        <nav aria-label="Pages" className={styles.pages}>
          {current > 1 && <Link href={`/duplicates?page=${current - 1}`}>Previous page</Link>}
          {current < pages && <Link href={`/duplicates?page=${current + 1}`}>Next page</Link>}
        </nav>
      )}
      <p className="muted">A phone or email more than {MAX_KEY_LEADS} leads share (a switchboard, a shared inbox) is not taken as a sign that any two of them are one person.</p>
    </>
  );
}

function LeadsTable({ leads, region }: { leads: readonly DuplicateLead[]; region: string }) {
  return (
    <table>
      <thead>
        <tr><th scope="col">Lead</th><th scope="col">Status</th><th scope="col">Phones</th><th scope="col">Emails</th><th scope="col">Registered</th></tr>
      </thead>
      <tbody>
        {leads.map((lead) => (
          <tr key={lead.leadId}>
            <th scope="row"><Link href={`/leads/${lead.leadId}`}>{lead.name}</Link></th>
            <td>{STATUS_LABELS[lead.status as LeadStatus] ?? lead.status}</td>
            <td>{lead.phones.map((phone) => phoneAsRead(phone, region)).join(', ') || '-'}</td>
            <td>{lead.emails.join(', ') || '-'}</td>
            <td>{formatWhen(lead.createdAt.toISOString())} UTC</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
