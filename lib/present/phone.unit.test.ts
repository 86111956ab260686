import { describe, expect, it } from 'vitest';
import { phoneAsRead } from './phone';

describe('a number as people read it', () => {
  it('is written nationally within the tenant\u2019s country code, with it otherwise', () => {
    expect(phoneAsRead('+447911123456', 'GB')).toBe('07911 123456');
    expect(phoneAsRead('+442079460018', 'GB')).toBe('020 7946 0018');
    expect(phoneAsRead('+12125550123', 'GB')).toBe('+1 212 555 0123');
    expect(phoneAsRead('+12125550123', 'US')).toBe('(212) 555-0123');
    expect(phoneAsRead('+447911123456', 'IE')).toBe('+44 7911 123456');
  });

  it('is the stored text when it cannot be read as a number', () => {
    expect(phoneAsRead('+999', 'GB')).toBe('+999');
  });
});
