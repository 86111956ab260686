import { describe, expect, it } from 'vitest';
import { DEFAULT_DIALING_RULES as DEFAULTS } from '@/lib/dialing/rules';
import { changeText, hoursText, sectionText } from './dialing-rules';

describe('dialing rules in words', () => {
  it('runs of days are shortened, single days listed', () => {
    expect(hoursText(DEFAULTS.hours)).toBe('Mon–Sat 08:00–21:00');
    expect(hoursText({ days: [1, 3, 5], from: '10:00', to: '12:00' })).toBe('Mon, Wed, Fri 10:00–12:00');
    expect(hoursText({ days: [6, 7], from: '10:00', to: '12:00' })).toBe('Sat, Sun 10:00–12:00');
  });

  it('a change of a value reads from the old to the new', () => {
    expect(changeText({ section: 'hours', previous: DEFAULTS.hours, value: { days: [1, 2, 3, 4, 5], from: '09:00', to: '20:00' } })).toBe('Mon–Sat 08:00–21:00 → Mon–Fri 09:00–20:00');
    expect(changeText({ section: 'claimMinutes', previous: 5, value: 8 })).toBe('5 minutes → 8 minutes');
  });

  it('a change of a list says what was added, removed, renamed and changed', () => {
    const dispositions = [
      ...DEFAULTS.dispositions.filter((d) => d.code !== 'voicemail').map((d) => (d.code === 'busy' ? { ...d, label: 'Engaged' } : d)),
      { code: 'left-message', label: 'Left a message', effect: { ...DEFAULTS.dispositions[0]!.effect, retry: { afterMinutes: 60, maxAttempts: 2 } } },
    ];
    expect(changeText({ section: 'dispositions', previous: DEFAULTS.dispositions, value: dispositions })).toBe('added Left a message; removed Voicemail; Busy renamed Engaged');
    expect(changeText({ section: 'overrides', previous: DEFAULTS.overrides, value: DEFAULTS.overrides.slice(1) })).toBe('removed US-FL Mon–Sun 08:00–20:00');
  });

  it('assignment rules name the agents', () => {
    const names = new Map([['ana', 'Ana Lima'], ['ben', 'Ben Okafor']]);
    const value = [{ source: '*', mode: 'weighted' as const, agents: [{ userId: 'ana', weight: 3 }, { userId: 'ben', weight: 1 }] }];
    expect(sectionText({ section: 'assignment', value }, (id) => names.get(id) ?? id)).toBe('every other source: weighted over Ana Lima ×3, Ben Okafor ×1');
  });
});
