import { describe, expect, it } from 'vitest';
import { duration, preciseDuration } from './duration';

describe('durations', () => {
  it('says durations the way people do', () => {
    expect([duration(30), duration(5 * 60), duration(3 * 3600 + 120), duration(2 * 86_400 + 3600)]).toEqual(['under a minute', '5 min', '3 h 2 min', '2 d 1 h']);
  });

  it('says short durations to the second, long ones to the minute', () => {
    expect([preciseDuration(0.4), preciseDuration(42), preciseDuration(125), preciseDuration(3 * 3600 + 150)]).toEqual(['0 s', '42 s', '2 min 5 s', '3 h 2 min']);
  });
});
