import { formatWhen } from '@/lib/present/history-lines';
import { STATUS_LABELS } from '@/lib/present/labels';
import type { LeadNow } from '@/lib/read/lead-detail';
import styles from './lead.module.css';

/** The lead's name and status, and the facts an agent looks at first. */
export function LeadHeader({ lead, ownerName }: { lead: LeadNow; ownerName: string | null }) {
  return (
    <section aria-label="Lead summary" className={styles.header}>
      <div className={styles.title}>
        <h1 tabIndex={-1}>{lead.name}</h1>
        <span className={styles.status} data-status={lead.status}>
          <span className="visually-hidden">Status: </span>
          {STATUS_LABELS[lead.status]}
        </span>
      </div>
      <p className={styles.meta}>
        <span>Owner: {ownerName ?? 'nobody'}</span>
        <span>Callback: {lead.followUpAt ? `${formatWhen(lead.followUpAt)} UTC` : 'none'}</span>
        <span>Source: {lead.source}</span>
        <span>Version {lead.version}, last changed {formatWhen(lead.updatedAt)} UTC</span>
      </p>
    </section>
  );
}
