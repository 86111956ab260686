import { describe, expect, it } from 'vitest';
import { hoursFor, localDay, windowAt, windowEverywhere, windowInZones } from './calling-hours';
import { DEFAULT_DIALING_RULES, type CallingHours, type Weekday } from './rules';

const EVERY_DAY: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const hours = (from: string, to: string, days: Weekday[] = EVERY_DAY): CallingHours => ({ days, from, to });
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

/** given calling hours, when it is `iso` (UTC) in `zone`, then: the state, with dates as ISO text. */
function given(callingHours: CallingHours) {
  return {
    in: (zone: string) => ({
      at: (iso: string) => {
        const state = windowAt(callingHours, zone, new Date(iso));
        return state.open ? state : { ...state, opensAt: state.opensAt?.toISOString() ?? null };
      },
    }),
  };
}
const open = (zone: string, localTime: string) => ({ open: true, zone, localTime });
const closed = (zone: string, localTime: string, opensAt: string | null, opensLocal: string | null) => ({ open: false, zone, localTime, opensAt, opensLocal });

describe('Europe/London, when the clocks go forward (Sunday 29 March 2026, 01:00 GMT becomes 02:00 BST)', () => {
  const daily = hours('08:00', '21:00');

  it('opens at 08:00 local time on the change day, an hour earlier in UTC than the day before', () => {
    expect(given(daily).in(LONDON).at('2026-03-28T07:30:00Z')).toEqual(closed(LONDON, '07:30', '2026-03-28T08:00:00.000Z', '08:00'));
    expect(given(daily).in(LONDON).at('2026-03-29T06:30:00Z')).toEqual(closed(LONDON, '07:30', '2026-03-29T07:00:00.000Z', '08:00'));
    expect(given(daily).in(LONDON).at('2026-03-29T07:00:00Z')).toEqual(open(LONDON, '08:00'));
  });

  it('from the evening before, across the change, the next opening is 08:00 BST', () => {
    expect(given(daily).in(LONDON).at('2026-03-28T21:30:00Z')).toEqual(closed(LONDON, '21:30', '2026-03-29T07:00:00.000Z', '08:00'));
  });

  it('a window over the skipped hour is an hour shorter, and open on both sides of the jump', () => {
    const night = hours('00:30', '03:00');
    expect(given(night).in(LONDON).at('2026-03-29T00:59:00Z')).toEqual(open(LONDON, '00:59'));
    expect(given(night).in(LONDON).at('2026-03-29T01:00:00Z')).toEqual(open(LONDON, '02:00'));
    expect(given(night).in(LONDON).at('2026-03-29T02:00:00Z')).toEqual(closed(LONDON, '03:00', '2026-03-29T23:30:00.000Z', '00:30'));
  });
});

describe('Europe/London, when the clocks go back (Sunday 25 October 2026, 02:00 BST becomes 01:00 GMT)', () => {
  it('opens at 08:00 local time on the change day, an hour later in UTC than the day before', () => {
    const daily = hours('08:00', '21:00');
    expect(given(daily).in(LONDON).at('2026-10-24T06:00:00Z')).toEqual(closed(LONDON, '07:00', '2026-10-24T07:00:00.000Z', '08:00'));
    expect(given(daily).in(LONDON).at('2026-10-24T22:00:00Z')).toEqual(closed(LONDON, '23:00', '2026-10-25T08:00:00.000Z', '08:00'));
    expect(given(daily).in(LONDON).at('2026-10-25T07:59:00Z')).toEqual(closed(LONDON, '07:59', '2026-10-25T08:00:00.000Z', '08:00'));
  });

  it('a window over the repeated hour is open through both passes of it', () => {
    const night = hours('01:00', '02:00');
    expect(given(night).in(LONDON).at('2026-10-25T00:30:00Z')).toEqual(open(LONDON, '01:30'));
    expect(given(night).in(LONDON).at('2026-10-25T01:30:00Z')).toEqual(open(LONDON, '01:30'));
    expect(given(night).in(LONDON).at('2026-10-25T02:00:00Z')).toEqual(closed(LONDON, '02:00', '2026-10-26T01:00:00.000Z', '01:00'));
  });
});

describe('America/New_York, when the clocks go forward (Sunday 8 March 2026, 02:00 EST becomes 03:00 EDT)', () => {
  it('opens at 08:00 local time on the change day', () => {
    const daily = hours('08:00', '21:00');
    expect(given(daily).in(NEW_YORK).at('2026-03-08T03:00:00Z')).toEqual(closed(NEW_YORK, '22:00', '2026-03-08T12:00:00.000Z', '08:00'));
    expect(given(daily).in(NEW_YORK).at('2026-03-07T12:59:00Z')).toEqual(closed(NEW_YORK, '07:59', '2026-03-07T13:00:00.000Z', '08:00'));
  });

  it('a window over the skipped hour is open on both sides of the jump and shorter by an hour', () => {
    const night = hours('01:00', '04:00');
    expect(given(night).in(NEW_YORK).at('2026-03-08T06:59:00Z')).toEqual(open(NEW_YORK, '01:59'));
    expect(given(night).in(NEW_YORK).at('2026-03-08T07:00:00Z')).toEqual(open(NEW_YORK, '03:00'));
    expect(given(night).in(NEW_YORK).at('2026-03-08T08:00:00Z')).toEqual(closed(NEW_YORK, '04:00', '2026-03-09T05:00:00.000Z', '01:00'));
  });

  it('a window that starts inside the skipped hour opens when the clocks jump', () => {
    expect(given(hours('02:30', '05:00')).in(NEW_YORK).at('2026-03-08T06:00:00Z')).toEqual(closed(NEW_YORK, '01:00', '2026-03-08T07:00:00.000Z', '03:00'));
  });
});

describe('America/New_York, when the clocks go back (Sunday 1 November 2026, 02:00 EDT becomes 01:00 EST)', () => {
  it('opens at 08:00 local time on the change day', () => {
    expect(given(hours('08:00', '21:00')).in(NEW_YORK).at('2026-11-01T02:00:00Z')).toEqual(closed(NEW_YORK, '22:00', '2026-11-01T13:00:00.000Z', '08:00'));
  });

  it('a window over the repeated hour is open in both passes, and opens again when the clocks fall back into it', () => {
    const night = hours('00:30', '01:30');
    expect(given(night).in(NEW_YORK).at('2026-11-01T05:15:00Z')).toEqual(open(NEW_YORK, '01:15'));
    expect(given(night).in(NEW_YORK).at('2026-11-01T05:45:00Z')).toEqual(closed(NEW_YORK, '01:45', '2026-11-01T06:00:00.000Z', '01:00'));
    expect(given(night).in(NEW_YORK).at('2026-11-01T06:15:00Z')).toEqual(open(NEW_YORK, '01:15'));
    expect(given(night).in(NEW_YORK).at('2026-11-01T06:30:00Z')).toEqual(closed(NEW_YORK, '01:30', '2026-11-02T05:30:00.000Z', '00:30'));
  });

  it('a window that starts inside the repeated hour opens at its first pass', () => {
    expect(given(hours('01:30', '05:00')).in(NEW_YORK).at('2026-11-01T04:00:00Z')).toEqual(closed(NEW_YORK, '00:00', '2026-11-01T05:30:00.000Z', '01:30'));
  });
});

describe('days of the week', () => {
  const weekdays = hours('09:00', '17:00', [1, 2, 3, 4, 5]);

  it('from Friday evening, Saturday or Sunday, weekday hours open on Monday', () => {
    expect(given(weekdays).in(LONDON).at('2026-03-06T17:00:00Z')).toEqual(closed(LONDON, '17:00', '2026-03-09T09:00:00.000Z', '09:00'));
    expect(given(weekdays).in(LONDON).at('2026-03-07T10:00:00Z')).toEqual(closed(LONDON, '10:00', '2026-03-09T09:00:00.000Z', '09:00'));
    expect(given(weekdays).in(LONDON).at('2026-03-08T23:59:00Z')).toEqual(closed(LONDON, '23:59', '2026-03-09T09:00:00.000Z', '09:00'));
  });

  it('Monday to Saturday: open late on Saturday, closed all Sunday', () => {
    const sixDays = hours('08:00', '21:00', [1, 2, 3, 4, 5, 6]);
    expect(given(sixDays).in(LONDON).at('2026-03-07T20:59:00Z')).toEqual(open(LONDON, '20:59'));
    expect(given(sixDays).in(LONDON).at('2026-03-08T12:00:00Z')).toEqual(closed(LONDON, '12:00', '2026-03-09T08:00:00.000Z', '08:00'));
  });

  it('counts the day in the lead\u2019s zone, not in UTC: Sunday 23:30 in New York is Monday in UTC', () => {
    expect(given(weekdays).in(NEW_YORK).at('2026-03-09T03:30:00Z')).toEqual(closed(NEW_YORK, '23:30', '2026-03-09T13:00:00.000Z', '09:00'));
  });

  it('one day a week: from the day after, the next opening is six days ahead', () => {
    expect(given(hours('10:00', '12:00', [2])).in(LONDON).at('2026-03-04T10:30:00Z')).toEqual(closed(LONDON, '10:30', '2026-03-10T10:00:00.000Z', '10:00'));
  });
});

describe('the end of the window', () => {
  it('is exclusive: open at 20:59:59, closed at 21:00 exactly, opening at 08:00 next day', () => {
    const daily = hours('08:00', '21:00');
    expect(given(daily).in(LONDON).at('2026-06-01T19:59:59Z')).toEqual(open(LONDON, '20:59'));
    expect(given(daily).in(LONDON).at('2026-06-01T20:00:00Z')).toEqual(closed(LONDON, '21:00', '2026-06-02T07:00:00.000Z', '08:00'));
  });

  it('the start is inclusive', () => {
    expect(given(hours('08:00', '21:00')).in(LONDON).at('2026-06-01T07:00:00Z')).toEqual(open(LONDON, '08:00'));
  });
});

describe('several zones', () => {
  const daily = hours('08:00', '21:00');
  const both = (iso: string) => {
    const state = windowInZones(daily, [LONDON, NEW_YORK], new Date(iso));
    return { open: state.open, zone: state.zone, localTime: state.localTime, opensAt: state.open ? undefined : state.opensAt?.toISOString() ?? null, opensLocal: state.open ? undefined : state.opensLocal };
  };

  it('are open only while open in every zone', () => {
    expect(both('2026-06-01T12:00:00Z')).toEqual({ open: true, zone: LONDON, localTime: '13:00', opensAt: undefined, opensLocal: undefined });
    expect(both('2026-06-01T11:59:00Z')).toEqual({ open: false, zone: NEW_YORK, localTime: '07:59', opensAt: '2026-06-01T12:00:00.000Z', opensLocal: '08:00' });
  });

  it('open next at the first moment open in all: after London closes, tomorrow when New York opens', () => {
    expect(both('2026-06-01T20:00:00Z')).toEqual({ open: false, zone: LONDON, localTime: '21:00', opensAt: '2026-06-02T12:00:00.000Z', opensLocal: '13:00' });
  });

  it('never open together: no next opening', () => {
    const state = windowInZones(hours('09:00', '12:00'), ['Asia/Tokyo', LONDON], new Date('2026-06-01T12:00:00Z'));
    expect(state.open).toBe(false);
    expect(state.open ? null : state.opensAt).toBeNull();
  });

  it('each with its own hours: Florida until 20:00 and London until 21:00', () => {
    const state = windowEverywhere([{ zone: 'America/New_York', hours: hours('08:00', '20:00') }, { zone: LONDON, hours: hours('08:00', '21:00') }], new Date('2026-06-01T19:30:00Z'));
    expect(state).toMatchObject({ open: true, places: [{ open: true, localTime: '15:30' }, { open: true, localTime: '20:30' }] });
  });

  it('need at least one zone', () => {
    expect(() => windowInZones(daily, [], new Date())).toThrow();
  });
});

describe('an unknown zone', () => {
  it('is refused loudly rather than read as UTC', () => {
    expect(() => windowAt(hours('08:00', '21:00'), 'Mars/Olympus_Mons', new Date())).toThrow(/Unknown time zone/);
  });
});

describe('overrides', () => {
  const rules = {
    hours: hours('08:00', '21:00', [1, 2, 3, 4, 5, 6]),
    overrides: [
      { region: 'US', hours: hours('09:00', '21:00') },
      { region: 'US-FL', hours: hours('08:00', '20:00') },
    ],
  };

  it('the most specific wins: Florida\u2019s own, then the country\u2019s, then the default', () => {
    expect(hoursFor(rules, 'US-FL')).toEqual(hours('08:00', '20:00'));
    expect(hoursFor(rules, 'US-NY')).toEqual(hours('09:00', '21:00'));
    expect(hoursFor(rules, 'US')).toEqual(hours('09:00', '21:00'));
    expect(hoursFor(rules, 'CA-ON')).toEqual(rules.hours);
    expect(hoursFor(rules, null)).toEqual(rules.hours);
  });

  it('the defaults keep Florida, Oklahoma and Washington to 20:00', () => {
    for (const region of ['US-FL', 'US-OK', 'US-WA']) expect(hoursFor(DEFAULT_DIALING_RULES, region).to).toBe('20:00');
    expect(hoursFor(DEFAULT_DIALING_RULES, 'US-NY').to).toBe('21:00');
  });
});

describe('the local day', () => {
  it('is the zone\u2019s calendar day, and the next starts at local midnight', () => {
    expect(localDay(new Date('2026-03-09T03:30:00Z'), NEW_YORK)).toEqual({ day: '2026-03-08', nextStartsAt: new Date('2026-03-09T04:00:00Z') });
    expect(localDay(new Date('2026-03-28T23:30:00Z'), LONDON)).toEqual({ day: '2026-03-28', nextStartsAt: new Date('2026-03-29T00:00:00Z') });
  });
});
