'use client';
import type { DialingSection } from '@/lib/dialing/rules-events';
import { AssignmentForm, SourcePrioritiesForm } from './sources-forms';
import { AttemptLimitsForm, ClaimTimeForm } from './limits-forms';
import { DispositionsForm } from './dispositions-form';
import { CallingHoursForm, OverridesForm, TimeZoneForm } from './hours-forms';
import type { HistoryEntry } from './section-history';
import type { SectionProps } from './section-props';

type Props = Omit<SectionProps, 'history'> & {
  readonly history: readonly HistoryEntry[];
  readonly zones: readonly string[];
  readonly sources: readonly string[];
  readonly agents: readonly { id: string; name: string }[];
};

/** Every section of the tenant's dialing rules, each its own form with its own history. */
export function DialingSettings({ history, zones, sources, agents, ...shared }: Props) {
  const of = (section: DialingSection) => ({ ...shared, history: history.filter((entry) => entry.section === section) });
  return (
    <>
      <CallingHoursForm {...of('hours')} />
      <OverridesForm {...of('overrides')} />
      <TimeZoneForm {...of('timeZone')} zones={zones} />
      <AttemptLimitsForm {...of('attempts')} />
      <DispositionsForm {...of('dispositions')} />
      <ClaimTimeForm {...of('claimMinutes')} />
      <SourcePrioritiesForm {...of('sourcePriorities')} sources={sources} />
      <AssignmentForm {...of('assignment')} agents={agents} />
    </>
  );
}
