'use client';
import { setDispositions } from '@/app/(app)/dialing/actions';
import type { Disposition } from '@/lib/dialing/rules';
import { LEAD_STATUSES } from '@/lib/leads/values';
import { STATUS_LABELS } from '@/lib/present/labels';
import { CheckField, InputField, SelectField, typedNumber } from './fields';
import { SectionForm } from './section-form';
import type { SectionProps } from './section-props';
import { useSection } from './use-section';
import styles from './dialing.module.css';

type Row = {
  readonly code: string; readonly label: string; readonly contact: boolean; readonly retryAfter: string; readonly retryMax: string;
  readonly status: string; readonly callback: string; readonly doNotCall: string; readonly wrongNumber: boolean;
  /** Saved codes are fixed: a code is how leads' histories name the outcome. */
  readonly saved: boolean;
};

const toRow = ({ code, label, effect }: Disposition): Row => ({
  code, label, contact: effect.contact, retryAfter: effect.retry ? String(effect.retry.afterMinutes) : '', retryMax: effect.retry ? String(effect.retry.maxAttempts) : '',
  status: effect.status ?? '', callback: effect.callback ?? '', doNotCall: effect.doNotCall ?? '', wrongNumber: effect.wrongNumber, saved: true,
});

const toInput = (rows: readonly Row[]) => rows.map((row) => ({
  code: row.code.trim(),
  label: row.label,
  effect: {
    contact: row.contact,
    retry: row.retryAfter.trim() === '' && row.retryMax.trim() === '' ? null : { afterMinutes: typedNumber(row.retryAfter), maxAttempts: typedNumber(row.retryMax) },
    status: row.status || null,
    callback: row.callback || null,
    doNotCall: row.doNotCall || null,
    wrongNumber: row.wrongNumber,
  },
}));

const NEW_ROW: Row = { code: '', label: '', contact: false, retryAfter: '', retryMax: '', status: '', callback: '', doNotCall: '', wrongNumber: false, saved: false };
const STATUS_OPTIONS = [['', 'Unchanged'], ...LEAD_STATUSES.map((status) => [status, STATUS_LABELS[status]] as const)] as const;
const CALLBACK_OPTIONS = [['', 'None'], ['agent', 'By the same agent'], ['anyone', 'By anyone']] as const;
const DO_NOT_CALL_OPTIONS = [['', 'No'], ['number', 'The number dialled'], ['lead', 'The whole lead']] as const;

export function DispositionsForm({ rules, version, history, names }: SectionProps) {
  const state = useSection<readonly Row[]>({ section: 'dispositions', current: rules.dispositions.map(toRow), version, send: setDispositions, toInput });
  const rows = state.draft;
  const change = (index: number, parts: Partial<Row>) => state.edit(rows.map((row, at) => (at === index ? { ...row, ...parts } : row)));
  return (
    <SectionForm section="dispositions" state={state} history={history} names={names}
      shows={/^dispositions\.\d+\.(code|label|effect\.(contact|retry\.afterMinutes|retry\.maxAttempts|status|callback|doNotCall|wrongNumber))$/}
      description={<p>What an agent records after each call, and what each outcome does next. A code in leads&rsquo; call history can be relabelled, not removed.</p>}>
      {rows.map((row, index) => {
        const at = `dispositions.${index}`;
        const name = row.label || row.code || 'New disposition';
        return (
          <fieldset key={index} className={styles.item}>
            <legend>{name}</legend>
            <div className={styles.row}>
              <InputField field={`${at}.code`} label="Code" value={row.code} readOnly={row.saved} onChange={(code) => change(index, { code })} hint={row.saved ? undefined : 'Lower-case letters, digits and dashes'} />
              <InputField field={`${at}.label`} label="Label" value={row.label} onChange={(label) => change(index, { label })} />
              <InputField field={`${at}.effect.retry.afterMinutes`} label="Retry after (minutes)" type="number" value={row.retryAfter} onChange={(retryAfter) => change(index, { retryAfter })} hint="Blank: no retry" />
              <InputField field={`${at}.effect.retry.maxAttempts`} label="Retries at most" type="number" value={row.retryMax} onChange={(retryMax) => change(index, { retryMax })} />
            </div>
            <div className={styles.row}>
              <SelectField field={`${at}.effect.status`} label="Status" value={row.status} options={STATUS_OPTIONS} onChange={(status) => change(index, { status })} />
              <SelectField field={`${at}.effect.callback`} label="Callback" value={row.callback} options={CALLBACK_OPTIONS} onChange={(callback) => change(index, { callback })} />
              <SelectField field={`${at}.effect.doNotCall`} label="Do not call" value={row.doNotCall} options={DO_NOT_CALL_OPTIONS} onChange={(doNotCall) => change(index, { doNotCall })} />
            </div>
            <div className={styles.row}>
              <CheckField field={`${at}.effect.contact`} label="Counts as a contact" checked={row.contact} onChange={(contact) => change(index, { contact })} />
              <CheckField field={`${at}.effect.wrongNumber`} label="Marks the number wrong" checked={row.wrongNumber} onChange={(wrongNumber) => change(index, { wrongNumber })} />
              <button type="button" className={styles.remove} onClick={() => state.edit(rows.filter((_, other) => other !== index))}>Remove {name}</button>
            </div>
          </fieldset>
        );
      })}
      <div><button type="button" className={styles.secondary} onClick={() => state.edit([...rows, NEW_ROW])}>Add a disposition</button></div>
    </SectionForm>
  );
}
