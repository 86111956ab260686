// Dialing facts for pure tests: calling hours in UTC (the real zones are tested in
// lib/dialing/calling-hours.unit.test.ts), the day as the UTC date, and the numbers blocked.
import type { BlockedNumber, DialingFacts, WindowState } from '@/lib/dialing/dialability';
import { DEFAULT_DIALING_RULES, type AttemptLimits } from '@/lib/dialing/rules';
import type { DialingContext } from '@/lib/leads/dialing';

const hhmm = (at: Date) => at.toISOString().slice(11, 16);

/** Hours open from `from` to `to` (whole UTC hours) every day. */
export function utcWindow(from = 8, to = 21): (at: Date) => WindowState {
  return (at) => {
    const hour = at.getUTCHours();
    if (hour >= from && hour < to) return { open: true, localTime: hhmm(at), zone: 'UTC' };
    const opensAt = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + (hour >= to ? 1 : 0), from));
    return { open: false, localTime: hhmm(at), zone: 'UTC', opensAt, opensLocal: hhmm(opensAt) };
  };
}

export function testFacts(parts: { attempts?: Partial<AttemptLimits>; blocked?: Record<string, BlockedNumber>; window?: (at: Date) => WindowState } = {}): DialingFacts {
  return {
    attempts: { ...DEFAULT_DIALING_RULES.attempts, ...parts.attempts },
    window: parts.window ?? utcWindow(),
    dayOf: (at) => ({ day: at.toISOString().slice(0, 10), nextStartsAt: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1)) }),
    blocked: new Map(Object.entries(parts.blocked ?? {})),
  };
}

export function testDialingContext(parts: Parameters<typeof testFacts>[0] = {}): DialingContext {
  return { ...testFacts(parts), dispositions: DEFAULT_DIALING_RULES.dispositions, claimMinutes: DEFAULT_DIALING_RULES.claimMinutes };
}
