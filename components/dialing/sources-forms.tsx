'use client';
import { setAssignmentRules, setSourcePriorities } from '@/app/(app)/dialing/actions';
import type { AssignmentRule } from '@/lib/dialing/rules';
import { CheckField, InputField, SelectField, typedNumber, useField, FieldMessage } from './fields';
import { SectionForm } from './section-form';
import type { SectionProps } from './section-props';
import { useSection } from './use-section';
import styles from './dialing.module.css';

type PriorityRow = { readonly source: string; readonly priority: string };

export function SourcePrioritiesForm({ rules, version, history, names, sources }: SectionProps & { sources: readonly string[] }) {
  const current = Object.entries(rules.sourcePriorities).map(([source, priority]) => ({ source, priority: String(priority) }));
  const state = useSection<readonly PriorityRow[]>({
    section: 'sourcePriorities', current, version, send: setSourcePriorities,
    toInput: (rows) => rows.map((row) => ({ source: row.source, priority: typedNumber(row.priority) })),
  });
  const rows = state.draft;
  const change = (index: number, parts: Partial<PriorityRow>) => state.edit(rows.map((row, at) => (at === index ? { ...row, ...parts } : row)));
  return (
    <SectionForm section="sourcePriorities" state={state} shows={/^sourcePriorities\.\d+\.(source|priority)$/} history={history} names={names}
      description={<p>Fresh leads are drawn highest priority first (from -100 to 100), then oldest first. Sources not listed have priority 0.</p>}>
      {rows.map((row, index) => (
        <div key={index} className={styles.row}>
          <InputField field={`sourcePriorities.${index}.source`} label={`Source ${index + 1}`} value={row.source} list="dialing-sources" onChange={(source) => change(index, { source })} />
          <InputField field={`sourcePriorities.${index}.priority`} label={`Priority of source ${index + 1}`} type="number" value={row.priority} onChange={(priority) => change(index, { priority })} />
          <button type="button" className={styles.remove} onClick={() => state.edit(rows.filter((_, at) => at !== index))}>Remove {row.source || `source ${index + 1}`}</button>
        </div>
      ))}
      <datalist id="dialing-sources">{sources.map((source) => <option key={source} value={source} />)}</datalist>
      <div><button type="button" className={styles.secondary} onClick={() => state.edit([...rows, { source: '', priority: '10' }])}>Add a source</button></div>
    </SectionForm>
  );
}

type Person = { readonly id: string; readonly name: string };
type RuleForm = { readonly source: string; readonly mode: AssignmentRule['mode']; readonly agents: Readonly<Record<string, string>> };

const toForm = (rule: AssignmentRule): RuleForm => ({ source: rule.source, mode: rule.mode, agents: Object.fromEntries(rule.agents.map((agent) => [agent.userId, String(agent.weight)])) });

export function AssignmentForm({ rules, version, history, names, agents }: SectionProps & { agents: readonly Person[] }) {
  const state = useSection<readonly RuleForm[]>({
    section: 'assignment', current: rules.assignment.map(toForm), version, send: setAssignmentRules,
    toInput: (forms) => forms.map((form) => ({
      source: form.source,
      mode: form.mode,
      agents: Object.entries(form.agents).map(([userId, weight]) => ({ userId, weight: form.mode === 'weighted' ? typedNumber(weight) : 1 })),
    })),
  });
  const forms = state.draft;
  const change = (index: number, next: RuleForm) => state.edit(forms.map((form, at) => (at === index ? next : form)));
  return (
    <SectionForm section="assignment" state={state} shows={/^assignment\.\d+\.(source|mode|agents|agents\.\d+\.(userId|weight))$/} history={history} names={names}
      description={<p>Who new and imported leads of a source are given to: in turn (round-robin), or in proportion to each agent&rsquo;s weight. Deactivated agents are skipped. Source <code>*</code> is every source without a rule of its own.</p>}>
      {forms.map((form, index) => (
        <RuleFields key={index} index={index} form={form} people={agents} names={names} onChange={(next) => change(index, next)} onRemove={() => state.edit(forms.filter((_, at) => at !== index))} />
      ))}
      <div><button type="button" className={styles.secondary} onClick={() => state.edit([...forms, { source: forms.some((form) => form.source === '*') ? '' : '*', mode: 'round-robin', agents: {} }])}>Add a rule</button></div>
    </SectionForm>
  );
}

function RuleFields({ index, form, people, names, onChange, onRemove }: { index: number; form: RuleForm; people: readonly Person[]; names: Readonly<Record<string, string>>; onChange(form: RuleForm): void; onRemove(): void }) {
  const at = `assignment.${index}`;
  const title = form.source === '*' ? 'Every other source' : form.source || 'New rule';
  // Agents named before who can no longer take leads stay listed until unticked.
  const listed = [...people, ...Object.keys(form.agents).filter((id) => !people.some((person) => person.id === id)).map((id) => ({ id, name: `${names[id] ?? id} (cannot take leads now)` }))];
  const chosen = Object.keys(form.agents);
  const agentsField = useField(`${at}.agents`);
  const toggle = (id: string, on: boolean) => {
    const agents = { ...form.agents };
    if (on) agents[id] = '1';
    else delete agents[id];
    onChange({ ...form, agents });
  };
  return (
    <fieldset className={styles.item}>
      <legend>{title}</legend>
      <div className={styles.row}>
        <InputField field={`${at}.source`} label="Source" value={form.source} list="dialing-sources" onChange={(source) => onChange({ ...form, source })} />
        <SelectField field={`${at}.mode`} label="Mode" value={form.mode} options={[['round-robin', 'Round-robin'], ['weighted', 'Weighted']]} onChange={(mode) => onChange({ ...form, mode: mode as RuleForm['mode'] })} />
        <button type="button" className={styles.remove} onClick={onRemove}>Remove the rule for {title.toLowerCase()}</button>
      </div>
      <fieldset className={styles.days} aria-describedby={agentsField.message ? agentsField.errorId : undefined}>
        <legend>Agents</legend>
        {listed.map((person) => {
          const position = chosen.indexOf(person.id);
          return (
            <div key={person.id} className={styles.row}>
              <CheckField field={position >= 0 ? `${at}.agents.${position}.userId` : `${at}.candidates.${person.id}`} label={person.name} checked={position >= 0} onChange={(on) => toggle(person.id, on)} />
              {form.mode === 'weighted' && position >= 0 && (
                <InputField field={`${at}.agents.${position}.weight`} label={`Weight of ${person.name}`} type="number" value={form.agents[person.id]!} onChange={(weight) => onChange({ ...form, agents: { ...form.agents, [person.id]: weight } })} />
              )}
            </div>
          );
        })}
        <FieldMessage field={`${at}.agents`} />
      </fieldset>
    </fieldset>
  );
}
