import Form from 'next/form';
import Link from 'next/link';
import type { LeadChange } from '@/lib/present/diff';
import { formatWhen } from '@/lib/present/history-lines';
import { type RegisteredLead } from '@/lib/leads/lead';
import { STATUS_LABELS } from '@/lib/present/labels';
import { phoneAsRead } from '@/lib/present/phone';
import type { LeadThen } from '@/lib/read/lead-detail';
import styles from './lead.module.css';

type Names = Readonly<Record<string, string>>;
type AsRead = (e164: string) => string;
/** `region`: the tenant's, that phones are read in. */
type Props = { leadId: string; then: LeadThen | null; invalid: boolean; names: Names; region: string };

const callback = (iso: string | null) => (iso ? `${formatWhen(iso)} UTC` : 'none');
const owner = (id: string | null, names: Names) => (id ? (names[id] ?? id) : 'nobody');
const listed = (items: readonly string[]) => (items.length ? items.join(', ') : 'none');

/** Time travel: pick a moment, see the lead as it was then and what has changed since. */
export function TimeTravel({ leadId, then, invalid, names, region }: Props) {
  return (
    <section aria-labelledby="time-travel-heading" className={styles.card}>
      <h2 id="time-travel-heading">Time travel</h2>
      <Form action={`/leads/${leadId}`} className={styles.inline} scroll={false}>
        <input type="hidden" name="tab" value="history" />
        <label htmlFor="time-travel-moment">Moment (UTC)</label>
        <input
          key={then?.asOf ?? 'now'}
          id="time-travel-moment"
          name="asOf"
          type="datetime-local"
          step={1}
          className={styles.input}
          defaultValue={then ? then.asOf.slice(0, 19) : ''}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? 'time-travel-error' : undefined}
        />
        <button type="submit" className={styles.secondary}>Show the lead then</button>
        {then && <Link href={`/leads/${leadId}?tab=history`} scroll={false}>Back to now</Link>}
      </Form>
      {invalid && <p id="time-travel-error" className="error">Enter a date and time.</p>}
      {then && <LeadThenView then={then} names={names} asRead={(e164) => phoneAsRead(e164, region)} />}
    </section>
  );
}

function LeadThenView({ then, names, asRead }: { then: LeadThen; names: Names; asRead: AsRead }) {
  const heading = `The lead on ${formatWhen(then.asOf, { seconds: true })} UTC`;
  if (then.state.kind === 'initial') {
    return <p role="status">{heading}: it had not been registered yet.</p>;
  }
  return (
    <div role="region" aria-label="The lead then" className={styles.then}>
      <h3>{heading} <span className="muted">(version {then.version})</span></h3>
      <LeadFields lead={then.state} names={names} asRead={asRead} />
      <h3>Changed since then</h3>
      {then.changesSince.length === 0 ? (
        <p>Nothing has changed since.</p>
      ) : (
        <ul aria-label="Changed since then">
          {then.changesSince.map((change) => (
            <li key={change.field}>{describeChange(change, names, asRead)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LeadFields({ lead, names, asRead }: { lead: RegisteredLead; names: Names; asRead: AsRead }) {
  const rows: [string, string][] = [
    ['Name', lead.name],
    ['Phones', listed(lead.phones.map((phone) => asRead(phone.e164)))],
    ['Emails', listed(lead.emails)],
    ['Status', STATUS_LABELS[lead.status]],
    ['Callback', callback(lead.followUpAt)],
    ['Owner', owner(lead.ownerId, names)],
    ['Source', lead.source],
  ];
  return (
    <dl className={styles.facts}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function describeChange(change: LeadChange, names: Names, asRead: AsRead): string {
  switch (change.field) {
    case 'name':
      return `Name: “${change.from}” → “${change.to}”`;
    case 'phones':
      return `Phones: ${addedRemoved(change.added.map((p) => asRead(p.e164)), change.removed.map((p) => asRead(p.e164)))}`;
    case 'emails':
      return `Emails: ${addedRemoved(change.added, change.removed)}`;
    case 'status':
      return `Status: ${STATUS_LABELS[change.from]} → ${STATUS_LABELS[change.to]}`;
    case 'followUpAt':
      return `Callback: ${callback(change.from)} → ${callback(change.to)}`;
    case 'ownerId':
      return `Owner: ${owner(change.from, names)} → ${owner(change.to, names)}`;
    case 'source':
      return `Source: ${change.from} → ${change.to}`;
  }
}

function addedRemoved(added: readonly string[], removed: readonly string[]): string {
  return [...(added.length ? [`added ${added.join(', ')}`] : []), ...(removed.length ? [`removed ${removed.join(', ')}`] : [])].join('; ');
}
