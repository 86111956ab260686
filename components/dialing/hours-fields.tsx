'use client';
import { WEEKDAYS, type Weekday } from '@/lib/dialing/rules';
import { WEEKDAY_NAMES } from '@/lib/present/dialing-rules';
import { FieldMessage, InputField, useField } from './fields';
import styles from './dialing.module.css';

export type HoursForm = { readonly days: readonly Weekday[]; readonly from: string; readonly to: string };

/** Days of the week and the local hours, `field` being where they sit in the rules (`hours`, `overrides.0.hours`). */
export function HoursFields({ field, hours, onChange }: { field: string; hours: HoursForm; onChange: (hours: HoursForm) => void }) {
  const days = useField(`${field}.days`);
  const toggle = (day: Weekday, on: boolean) => onChange({ ...hours, days: on ? [...hours.days, day].sort((a, b) => a - b) : hours.days.filter((held) => held !== day) });
  return (
    <div className={styles.row}>
      <fieldset className={styles.days} aria-describedby={days.message ? days.errorId : undefined}>
        <legend>Days</legend>
        {WEEKDAYS.map((day) => (
          <span key={day} className={styles.check}>
            <input id={`${days.id}-${day}`} type="checkbox" checked={hours.days.includes(day)} onChange={(event) => toggle(day, event.target.checked)} />
            <label htmlFor={`${days.id}-${day}`}>{WEEKDAY_NAMES[day - 1]}</label>
          </span>
        ))}
        <FieldMessage field={`${field}.days`} />
      </fieldset>
      <InputField field={`${field}.from`} label="From" type="time" value={hours.from} onChange={(from) => onChange({ ...hours, from })} />
      <InputField field={`${field}.to`} label="To" type="time" value={hours.to} onChange={(to) => onChange({ ...hours, to })} hint="Until, not including" />
    </div>
  );
}
