'use client';
import { setAttemptLimits, setClaimTime } from '@/app/(app)/dialing/actions';
import { InputField, typedNumber } from './fields';
import { SectionForm } from './section-form';
import type { SectionProps } from './section-props';
import { useSection } from './use-section';
import styles from './dialing.module.css';

type AttemptsForm = { perLeadPerDay: string; perLeadTotal: string; perPhonePer24h: string };

export function AttemptLimitsForm({ rules, version, history, names }: SectionProps) {
  const current: AttemptsForm = { perLeadPerDay: String(rules.attempts.perLeadPerDay), perLeadTotal: String(rules.attempts.perLeadTotal), perPhonePer24h: String(rules.attempts.perPhonePer24h) };
  const state = useSection<AttemptsForm>({
    section: 'attempts', current, version, send: setAttemptLimits,
    toInput: (form) => ({ perLeadPerDay: typedNumber(form.perLeadPerDay), perLeadTotal: typedNumber(form.perLeadTotal), perPhonePer24h: typedNumber(form.perPhonePer24h) }),
  });
  const field = (name: keyof AttemptsForm, label: string, hint: string) => (
    <InputField field={`attempts.${name}`} label={label} hint={hint} type="number" value={state.draft[name]} onChange={(value) => state.edit({ ...state.draft, [name]: value })} />
  );
  return (
    <SectionForm section="attempts" state={state} shows={/^attempts\.(perLeadPerDay|perLeadTotal|perPhonePer24h)$/} history={history} names={names}
      description={<p>How often a lead may be called. Past its calls in all, a lead waits for a manager to recycle it.</p>}>
      <div className={styles.row}>
        {field('perLeadPerDay', 'Calls a day', 'To one lead, in its local day')}
        {field('perLeadTotal', 'Calls in all', 'To one lead, ever')}
        {field('perPhonePer24h', 'Calls to a number in 24 hours', 'Rolling; 3 where the law says so')}
      </div>
    </SectionForm>
  );
}

export function ClaimTimeForm({ rules, version, history, names }: SectionProps) {
  const state = useSection<string>({ section: 'claimMinutes', current: String(rules.claimMinutes), version, send: setClaimTime, toInput: typedNumber });
  return (
    <SectionForm section="claimMinutes" state={state} shows={/^claimMinutes$/} history={history} names={names}
      description={<p>How long &ldquo;Next lead&rdquo; holds a lead for the agent who drew it, before it returns to the pool.</p>}>
      <InputField field="claimMinutes" label="Minutes" type="number" value={state.draft} onChange={state.edit} />
    </SectionForm>
  );
}
