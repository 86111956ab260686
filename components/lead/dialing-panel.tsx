'use client';
// The top of the lead page for an agent about to call: may the lead be called now, and if not why
// and from when, each number with a tel: link or what stands in its way, who holds the lead, and the
// call form. Words come from lib/present; times are the lead's wall clock.
import { usePhoneAsRead } from '@/components/phone-region';
import { IllegalStateError } from '@/lib/errors';
import type { DialabilityReason } from '@/lib/dialing/dialability';
import { describeError } from '@/lib/present/error-text';
import type { LeadDialingView } from '@/lib/read/event-log/lead-dialing';
import { ReasonForm, TimeZoneForm } from './dialing-controls';
import { DispositionForm } from './disposition-form';
import styles from './lead.module.css';

type Props = { view: LeadDialingView; names: Readonly<Record<string, string>>; manager: boolean };

/** A reason in words, with people named rather than by their ids and numbers as read. */
function reasonText(reason: DialabilityReason, names: Readonly<Record<string, string>>, asRead: (e164: string) => string): string {
  const params = 'params' in reason ? { ...reason.params } : {};
  for (const key of ['by', 'agentId'] as const) if (key in params && typeof params[key as keyof typeof params] === 'string') Object.assign(params, { [key]: names[params[key as keyof typeof params] as string] ?? params[key as keyof typeof params] });
  if ('phone' in params && typeof params.phone === 'string') Object.assign(params, { phone: asRead(params.phone) });
  const defined = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null)) as Record<string, string | number>;
  return describeError(new IllegalStateError(reason.code, { params: defined }));
}

const until = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export function DialingPanel({ view, names, manager }: Props) {
  const { verdict } = view;
  const asRead = usePhoneAsRead();
  const callable = new Set(verdict.callable ? verdict.phones : []);
  const holder = view.claim ? (names[view.claim.agentId] ?? view.claim.agentId) : null;
  const dialable = view.phones.filter((phone) => !phone.wrong);
  // A number called as often as the rules allow, while the lead is callable on another.
  const rested = new Map(verdict.skipped.flatMap((reason) => (reason.code === 'phone.attempts' ? [[reason.params.phone, reason] as const] : [])));
  return (
    <section aria-labelledby="dialing-heading" className={`${styles.card} ${styles.dialing}`} data-callable={verdict.callable}>
      <h2 id="dialing-heading">Calling</h2>
      <p className={styles.verdict} role="status">
        {verdict.callable ? 'Callable now' : 'Not callable now'} · {view.localTime} in {view.zone}
      </p>
      {view.zones.length > 1 && <p className={styles.zonesNote}>Its numbers may also ring in {view.zones.filter((zone) => zone !== view.zone).join(', ')}: called only while the hours are open there too.</p>}
      {!verdict.callable && (
        <>
          <ul aria-label="Why not" className={styles.reasons}>
            {verdict.reasons.map((reason, index) => <li key={index}>{reasonText(reason, names, asRead)}</li>)}
          </ul>
          <p>{view.nextCallableLocal ? `Next possible: ${view.nextCallableLocal} (${view.zones[0]})` : 'Not until someone changes what stands in the way.'}</p>
        </>
      )}
      <ul aria-label="Numbers" className={styles.plainList}>
        {view.phones.map((phone) => (
          <li key={phone.e164} className={styles.contactItem}>
            {callable.has(phone.e164) ? <a href={`tel:${phone.e164}`}>Call {asRead(phone.e164)}</a> : <span>{asRead(phone.e164)}</span>}
            {phone.blocked && <span className={styles.blocked}>Do not call since {new Date(phone.blocked.since).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}: {phone.blocked.reason}</span>}
            {phone.wrong && <span className={styles.blocked}>Wrong number</span>}
            {rested.has(phone.e164) && <span className={styles.warning}>{reasonText(rested.get(phone.e164)!, names, asRead)}</span>}
            {!phone.recognised && <span className={styles.warning}>Not in any known number range: check it</span>}
          </li>
        ))}
      </ul>
      {holder && <p>{view.heldByMe ? `You hold this lead until ${until(view.claim!.until)} UTC.` : `${holder} holds this lead until ${until(view.claim!.until)} UTC.`}</p>}
      {view.heldByMe && <ReasonForm id="lead-skip" label="Skip" button="Skip lead" command="SkipLead" hint="Why (language, wrong person…)" />}
      <DispositionForm dispositions={view.dispositions} phones={dialable} />
      {view.doNotCall === null
        ? <ReasonForm id="lead-dnc" label="Do not call" button="Mark do not call" command="RequestDoNotCall" hint="What the person said" />
        : manager && <ReasonForm id="lead-dnc-lift" label="Lift do not call" button="Lift" command="LiftDoNotCall" hint="Consent given again…" />}
      {view.exhausted && manager && <ReasonForm id="lead-recycle" label="Recycle" button="Recycle lead" command="RecycleLead" hint="New campaign…" />}
      <TimeZoneForm current={view.timeZone} />
    </section>
  );
}
