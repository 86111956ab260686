'use client';
import { setCallingHours, setDialingTimeZone, setHoursOverrides } from '@/app/(app)/dialing/actions';
import type { CallingHours, HoursOverride } from '@/lib/dialing/rules';
import { HoursFields } from './hours-fields';
import { InputField } from './fields';
import { SectionForm } from './section-form';
import type { SectionProps } from './section-props';
import { useSection } from './use-section';
import styles from './dialing.module.css';

export function CallingHoursForm({ rules, version, history, names }: SectionProps) {
  const state = useSection<CallingHours>({ section: 'hours', current: rules.hours, version, send: setCallingHours, toInput: (hours) => hours });
  return (
    <SectionForm section="hours" state={state} shows={/^hours\.(days|from|to)$/} history={history} names={names}
      description={<p>When leads may be called, in each lead&rsquo;s own local time (from its phone numbers), unless its region has hours of its own below.</p>}>
      <HoursFields field="hours" hours={state.draft} onChange={(hours) => state.edit(hours as CallingHours)} />
    </SectionForm>
  );
}

const BLANK_OVERRIDE: HoursOverride = { region: '', hours: { days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' } };

export function OverridesForm({ rules, version, history, names }: SectionProps) {
  const state = useSection<readonly HoursOverride[]>({ section: 'overrides', current: rules.overrides, version, send: setHoursOverrides, toInput: (overrides) => overrides });
  const overrides = state.draft;
  const change = (index: number, next: HoursOverride) => state.edit(overrides.map((entry, at) => (at === index ? next : entry)));
  return (
    <SectionForm section="overrides" state={state} shows={/^overrides\.\d+\.(region|hours\.(days|from|to))$/} history={history} names={names}
      description={<p>Hours for a country (<code>US</code>) or a US state or Canadian province (<code>US-FL</code>, <code>CA-QC</code>), where the law is stricter. The most specific region wins.</p>}>
      {overrides.map((override, index) => (
        <fieldset key={index} className={styles.item}>
          <legend>{override.region || 'New region'}</legend>
          <div className={styles.row}>
            <InputField field={`overrides.${index}.region`} label="Region" value={override.region} onChange={(region) => change(index, { ...override, region: region.toUpperCase() })} />
            <button type="button" className={styles.remove} onClick={() => state.edit(overrides.filter((_, at) => at !== index))}>Remove {override.region || 'this region'}</button>
          </div>
          <HoursFields field={`overrides.${index}.hours`} hours={override.hours} onChange={(hours) => change(index, { ...override, hours: hours as CallingHours })} />
        </fieldset>
      ))}
      <div><button type="button" className={styles.secondary} onClick={() => state.edit([...overrides, BLANK_OVERRIDE])}>Add a region</button></div>
    </SectionForm>
  );
}

export function TimeZoneForm({ rules, version, history, names, zones }: SectionProps & { zones: readonly string[] }) {
  const state = useSection<string>({ section: 'timeZone', current: rules.timeZone, version, send: setDialingTimeZone, toInput: (zone) => zone.trim() });
  return (
    <SectionForm section="timeZone" state={state} shows={/^timeZone$/} history={history} names={names}
      description={<p>Leads whose phone numbers tell no time zone are called in this one.</p>}>
      <InputField field="timeZone" label="Time zone" value={state.draft} onChange={state.edit} list="dialing-zones" hint="An IANA zone, such as Europe/London or America/New_York" />
      <datalist id="dialing-zones">{zones.map((zone) => <option key={zone} value={zone} />)}</datalist>
    </SectionForm>
  );
}
