import { describe, expect, it } from 'vitest';
import { IllegalStateError } from '@/lib/errors';
import { deciderSpec } from '@/lib/testing/decider-spec';
import { DEFAULT_DIALING_RULES as DEFAULTS, type Disposition, type DispositionEffect } from './rules';
import { decideDialingRules, dialingRulesConflict, type DialingRulesCommand } from './rules-decide';
import { evolveDialingRules, initialDialingRules, type DialingRulesEvent } from './rules-events';

const spec = deciderSpec({ decide: decideDialingRules, evolve: evolveDialingRules, initialState: initialDialingRules });
const refused = (code: string, field: string) => (error: IllegalStateError) => {
  expect(error.code).toBe(code);
  expect(error.field).toBe(field);
};

const weekdays = { days: [1, 2, 3, 4, 5] as const, from: '09:00', to: '20:00' };
const hoursSet: DialingRulesEvent = { type: 'CallingHoursSet', data: { hours: { ...weekdays, days: [1, 2, 3, 4, 5] }, previous: DEFAULTS.hours } };
const effect = (parts: Partial<DispositionEffect> = {}): DispositionEffect => ({ contact: false, retry: null, status: null, callback: null, doNotCall: null, wrongNumber: false, ...parts });
const disposition = (code: string, label: string, parts: Partial<DispositionEffect> = {}): Disposition => ({ code, label, effect: effect(parts) });
const setDispositions = (dispositions: Disposition[], codesInUse: string[] = []): DialingRulesCommand => ({ type: 'SetDispositions', data: { dispositions, codesInUse } });
const withoutCode = (code: string) => DEFAULTS.dispositions.filter((entry) => entry.code !== code);

describe('calling hours', () => {
  it('a manager sets them; the event carries the new hours and the ones they replaced', () => {
    spec.given([]).when({ type: 'SetCallingHours', data: { hours: { days: [1, 2, 3, 4, 5], from: '09:00', to: '20:00' } } }).then([hoursSet]);
  });

  it('days are a set: their order and repeats do not matter', () => {
    spec.given([]).when({ type: 'SetCallingHours', data: { hours: { days: [5, 3, 1, 2, 4, 3], from: '09:00', to: '20:00' } } }).then([hoursSet]);
  });

  it('refuses hours that are the current ones', () => {
    spec.given([]).when({ type: 'SetCallingHours', data: { hours: DEFAULTS.hours } }).thenThrows(IllegalStateError, refused('dialing.unchanged', 'hours'));
    spec.given([hoursSet]).when({ type: 'SetCallingHours', data: { hours: { days: [1, 2, 3, 4, 5], from: '09:00', to: '20:00' } } }).thenThrows(IllegalStateError, refused('dialing.unchanged', 'hours'));
  });

  it('going back to the defaults is a change, from the hours set before', () => {
    spec.given([hoursSet]).when({ type: 'SetCallingHours', data: { hours: DEFAULTS.hours } }).then([
      { type: 'CallingHoursSet', data: { hours: DEFAULTS.hours, previous: hoursSet.data.hours } } as DialingRulesEvent,
    ]);
  });
});

describe('overrides by region', () => {
  const texas = { region: 'US-TX', hours: { days: [1, 2, 3, 4, 5, 6] as (1 | 2 | 3 | 4 | 5 | 6)[], from: '09:00', to: '20:00' } };

  it('are kept in region order, whatever order they were typed in', () => {
    spec.given([]).when({ type: 'SetHoursOverrides', data: { overrides: [texas, ...DEFAULTS.overrides] } }).then([
      { type: 'HoursOverridesSet', data: { overrides: [DEFAULTS.overrides[0]!, DEFAULTS.overrides[1]!, texas, DEFAULTS.overrides[2]!], previous: DEFAULTS.overrides } },
    ]);
  });

  it('refuses a list that only reorders the current one', () => {
    spec.given([]).when({ type: 'SetHoursOverrides', data: { overrides: [...DEFAULTS.overrides].reverse() } }).thenThrows(IllegalStateError, refused('dialing.unchanged', 'overrides'));
  });

  it('refuses two overrides for one region, naming the second', () => {
    spec.given([]).when({ type: 'SetHoursOverrides', data: { overrides: [texas, DEFAULTS.overrides[0]!, texas] } }).thenThrows(IllegalStateError, refused('dialing.duplicate-region', 'overrides.2.region'));
  });

  it('refuses a region the phone data cannot tell: unknown countries, and regions outside the US and Canada', () => {
    for (const region of ['ZZ', 'US-XX', 'GB-ENG']) {
      spec.given([]).when({ type: 'SetHoursOverrides', data: { overrides: [{ ...texas, region }] } }).thenThrows(IllegalStateError, refused('dialing.unknown-region', 'overrides.0.region'));
    }
  });

  it('takes a country, or a Canadian province', () => {
    spec.given([]).when({ type: 'SetHoursOverrides', data: { overrides: [{ ...texas, region: 'GB' }, { ...texas, region: 'CA-QC' }] } }).then([
      { type: 'HoursOverridesSet', data: { overrides: [{ ...texas, region: 'CA-QC' }, { ...texas, region: 'GB' }], previous: DEFAULTS.overrides } },
    ]);
  });

  it('may all be removed', () => {
    spec.given([]).when({ type: 'SetHoursOverrides', data: { overrides: [] } }).then([{ type: 'HoursOverridesSet', data: { overrides: [], previous: DEFAULTS.overrides } }]);
  });
});

describe('attempt limits', () => {
  it('a manager sets them', () => {
    const attempts = { perLeadPerDay: 2, perLeadTotal: 10, perPhonePer24h: 3 };
    spec.given([]).when({ type: 'SetAttemptLimits', data: { attempts } }).then([{ type: 'AttemptLimitsSet', data: { attempts, previous: DEFAULTS.attempts } }]);
  });

  it('refuses more calls a day than in all', () => {
    spec.given([]).when({ type: 'SetAttemptLimits', data: { attempts: { perLeadPerDay: 12, perLeadTotal: 10, perPhonePer24h: 3 } } }).thenThrows(IllegalStateError, refused('dialing.daily-above-total', 'attempts.perLeadPerDay'));
  });

  it('refuses the current limits', () => {
    spec.given([]).when({ type: 'SetAttemptLimits', data: { attempts: { ...DEFAULTS.attempts } } }).thenThrows(IllegalStateError, refused('dialing.unchanged', 'attempts'));
  });
});

describe('dispositions', () => {
  it('a code leads\u2019 histories use may be relabelled', () => {
    const relabelled = DEFAULTS.dispositions.map((entry) => (entry.code === 'no-answer' ? { ...entry, label: 'Rang out' } : entry));
    spec.given([]).when(setDispositions(relabelled, ['no-answer'])).then([{ type: 'DispositionsSet', data: { dispositions: relabelled, previous: DEFAULTS.dispositions } }]);
  });

  it('refuses removing a code leads\u2019 histories use', () => {
    spec.given([]).when(setDispositions(withoutCode('busy'), ['busy'])).thenThrows(IllegalStateError, (error) => {
      refused('dialing.code-in-use', 'dispositions')(error);
      expect(error.details.params).toEqual({ code: 'busy', label: 'Busy' });
    });
  });

  it('removes a code no history uses, and adds a new one', () => {
    const next = [...withoutCode('voicemail'), disposition('left-message', 'Left a message', { retry: { afterMinutes: 1440, maxAttempts: 2 } })];
    spec.given([]).when(setDispositions(next, ['no-answer', 'busy'])).then([{ type: 'DispositionsSet', data: { dispositions: next, previous: DEFAULTS.dispositions } }]);
  });

  it('refuses two dispositions with one code, or one label', () => {
    spec.given([]).when(setDispositions([...DEFAULTS.dispositions, disposition('busy', 'Engaged')])).thenThrows(IllegalStateError, refused('dialing.duplicate-code', 'dispositions.8.code'));
    spec.given([]).when(setDispositions([...DEFAULTS.dispositions, disposition('engaged', 'busy')])).thenThrows(IllegalStateError, refused('dialing.duplicate-label', 'dispositions.8.label'));
  });

  it('refuses effects that contradict each other', () => {
    const cases: [Partial<DispositionEffect>, string, string][] = [
      [{ retry: { afterMinutes: 60, maxAttempts: 3 }, callback: 'agent' }, 'dialing.retry-and-callback', 'effect.callback'],
      [{ retry: { afterMinutes: 60, maxAttempts: 3 }, doNotCall: 'lead' }, 'dialing.do-not-call-comes-back', 'effect.doNotCall'],
      [{ callback: 'anyone', status: 'Converted' }, 'dialing.closed-comes-back', 'effect.status'],
      [{ status: 'FollowUp' }, 'dialing.follow-up-without-callback', 'effect.status'],
    ];
    for (const [parts, code, field] of cases) {
      spec.given([]).when(setDispositions([disposition('odd', 'Odd', parts)])).thenThrows(IllegalStateError, refused(code, `dispositions.0.${field}`));
    }
  });

  it('takes a number put on the do-not-call list with a retry of the lead\u2019s other numbers', () => {
    const next = [...DEFAULTS.dispositions, disposition('not-this-number', 'Not this number', { doNotCall: 'number', retry: { afterMinutes: 30, maxAttempts: 2 } })];
    spec.given([]).when(setDispositions(next)).then([{ type: 'DispositionsSet', data: { dispositions: next, previous: DEFAULTS.dispositions } }]);
  });

  it('refuses the current list', () => {
    spec.given([]).when(setDispositions(DEFAULTS.dispositions)).thenThrows(IllegalStateError, refused('dialing.unchanged', 'dispositions'));
  });
});

describe('claim time, time zone and source priorities', () => {
  it('a manager sets each', () => {
    spec.given([]).when({ type: 'SetClaimTime', data: { claimMinutes: 8 } }).then([{ type: 'ClaimTimeSet', data: { claimMinutes: 8, previous: 5 } }]);
    spec.given([]).when({ type: 'SetDialingTimeZone', data: { timeZone: 'America/Chicago' } }).then([{ type: 'DialingTimeZoneSet', data: { timeZone: 'America/Chicago', previous: 'Europe/London' } }]);
    spec.given([]).when({ type: 'SetSourcePriorities', data: { sourcePriorities: { web: 10, fair: -5 } } }).then([{ type: 'SourcePrioritiesSet', data: { sourcePriorities: { web: 10, fair: -5 }, previous: {} } }]);
  });

  it('refuses a time zone that does not exist', () => {
    spec.given([]).when({ type: 'SetDialingTimeZone', data: { timeZone: 'Europe/Londn' } }).thenThrows(IllegalStateError, refused('dialing.unknown-zone', 'timeZone'));
  });

  it('refuses values that are the current ones', () => {
    spec.given([]).when({ type: 'SetClaimTime', data: { claimMinutes: 5 } }).thenThrows(IllegalStateError, refused('dialing.unchanged', 'claimMinutes'));
    spec.given([]).when({ type: 'SetDialingTimeZone', data: { timeZone: 'Europe/London' } }).thenThrows(IllegalStateError, refused('dialing.unchanged', 'timeZone'));
    const set: DialingRulesEvent = { type: 'SourcePrioritiesSet', data: { sourcePriorities: { web: 10, fair: -5 }, previous: {} } };
    spec.given([set]).when({ type: 'SetSourcePriorities', data: { sourcePriorities: { fair: -5, web: 10 } } }).thenThrows(IllegalStateError, refused('dialing.unchanged', 'sourcePriorities'));
  });
});

describe('assignment rules', () => {
  const rule = (source: string, ...userIds: string[]) => ({ source, mode: 'weighted' as const, agents: userIds.map((userId) => ({ userId, weight: 2 })) });
  const assign = (assignment: ReturnType<typeof rule>[], assignable = ['ana', 'ben']): DialingRulesCommand => ({ type: 'SetAssignmentRules', data: { assignment, assignable } });
  const assigned: DialingRulesEvent = { type: 'AssignmentRulesSet', data: { assignment: [rule('web', 'ana', 'chloe')], previous: [] } };

  it('hand a source\u2019s leads to agents who may take leads, kept in source order', () => {
    spec.given([]).when(assign([rule('web', 'ana'), rule('*', 'ben')])).then([
      { type: 'AssignmentRulesSet', data: { assignment: [rule('*', 'ben'), rule('web', 'ana')], previous: [] } },
    ]);
  });

  it('refuse someone who may not take leads (deactivated, of another organisation, or not an agent)', () => {
    spec.given([]).when(assign([rule('web', 'ana', 'zoe')])).thenThrows(IllegalStateError, refused('dialing.agent-not-assignable', 'assignment.0.agents.1.userId'));
  });

  it('keep an agent already named who was deactivated since (assignment skips them)', () => {
    spec.given([assigned]).when(assign([rule('web', 'ana', 'chloe'), rule('fair', 'ben')])).then([
      { type: 'AssignmentRulesSet', data: { assignment: [rule('fair', 'ben'), rule('web', 'ana', 'chloe')], previous: [rule('web', 'ana', 'chloe')] } },
    ]);
  });

  it('refuse two rules for one source, and one agent twice in a rule', () => {
    spec.given([]).when(assign([rule('web', 'ana'), rule('web', 'ben')])).thenThrows(IllegalStateError, refused('dialing.duplicate-source', 'assignment.1.source'));
    spec.given([]).when(assign([rule('web', 'ana', 'ben', 'ana')])).thenThrows(IllegalStateError, refused('dialing.duplicate-agent', 'assignment.0.agents.2.userId'));
  });
});

describe('the state', () => {
  it('is the defaults with each section as last set', () => {
    const events: DialingRulesEvent[] = [hoursSet, { type: 'ClaimTimeSet', data: { claimMinutes: 8, previous: 5 } }, { type: 'ClaimTimeSet', data: { claimMinutes: 3, previous: 8 } }];
    expect(events.reduce(evolveDialingRules, initialDialingRules())).toEqual({ ...DEFAULTS, hours: hoursSet.data.hours, claimMinutes: 3 });
  });
});

describe('edits made from a version someone else has since changed', () => {
  const command: DialingRulesCommand = { type: 'SetCallingHours', data: { hours: DEFAULTS.hours } };

  it('collide when the other change was to the same section', () => {
    expect(dialingRulesConflict(command, { type: 'CallingHoursSet' })).toBe(true);
  });

  it('merge when it was to another section', () => {
    for (const type of ['HoursOverridesSet', 'AttemptLimitsSet', 'DispositionsSet', 'ClaimTimeSet', 'SourcePrioritiesSet', 'AssignmentRulesSet', 'DialingTimeZoneSet']) {
      expect(dialingRulesConflict(command, { type }), type).toBe(false);
    }
  });
});
