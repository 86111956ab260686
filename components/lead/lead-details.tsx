import type { DoNotCallNote } from '@/components/do-not-call/do-not-call-mark';
import type { LeadNow, Person } from '@/lib/read/lead-detail';
import { ContactEditor } from './contact-editor';
import { FollowUpEditor } from './follow-up-editor';
import styles from './lead.module.css';
import { NameEditor } from './name-editor';
import { NoteForm } from './note-form';
import { OwnerEditor } from './owner-editor';
import { StatusEditor } from './status-editor';

/** The Details tab: every edit an agent makes on a lead. Keys reset an editor when its value changes underneath it. */
export function LeadDetails({ lead, owners, ownerName, blockedPhones }: {
  lead: LeadNow; owners: readonly Person[]; ownerName: string | null;
  /** The lead's phones on the do-not-call list, by E.164. */
  blockedPhones: Readonly<Record<string, DoNotCallNote>>;
}) {
  return (
    <div className={styles.grid}>
      <section aria-labelledby="contact-heading" className={styles.card}>
        <h2 id="contact-heading">Contact</h2>
        {/* Not keyed by the name: a rename by someone else (components/live) keeps what is being typed. */}
        <NameEditor name={lead.name} />
        <ContactEditor kind="phone" values={lead.phones} leadId={lead.leadId} blocked={blockedPhones} />
        <ContactEditor kind="email" values={lead.emails} leadId={lead.leadId} />
      </section>
      <div className={styles.column}>
        <section aria-labelledby="work-heading" className={styles.card}>
          <h2 id="work-heading">Status and callback</h2>
          <StatusEditor key={lead.status} status={lead.status} />
          <FollowUpEditor key={`${lead.status}-${lead.followUpAt}`} status={lead.status} followUpAt={lead.followUpAt} />
          <OwnerEditor key={lead.ownerId ?? 'nobody'} ownerId={lead.ownerId} ownerName={ownerName} owners={owners} />
        </section>
        <section aria-labelledby="note-heading" className={styles.card}>
          <h2 id="note-heading">Add a note</h2>
          <NoteForm />
        </section>
      </div>
    </div>
  );
}
