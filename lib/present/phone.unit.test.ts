import { describe, expect, it } from 'vitest';
import { phoneAsRead, phoneAsReadAndTyped } from './phone';

describe('a number as people read it', () => {
  it('is written nationally within the tenant\u2019s country code, with it otherwise', () => {
    expect(phoneAsRead('+447911123456', 'GB')).toBe('07911 123456');
    expect(phoneAsRead('+442079460018', 'GB')).toBe('020 7946 0018');
    expect(phoneAsRead('+12125550123', 'GB')).toBe('+1 212 555 0123');
    expect(phoneAsRead('+12125550123', 'US')).toBe('(212) 555-0123');
    expect(phoneAsRead('+447911123456', 'IE')).toBe('+44 7911 123456');
  });

  it('reads a Guernsey number like any other of the tenant\u2019s country code', () => {
    expect(phoneAsRead('+447781123456', 'GB')).toBe('07781 123456');
  });

  it('is written with its country code when the tenant has no region, or one no number belongs to', () => {
    expect(phoneAsRead('+442079460018')).toBe('+44 20 7946 0018');
    expect(phoneAsRead('+442079460018', 'XX')).toBe('+44 20 7946 0018');
  });

  it('is the stored text when it cannot be read as a number', () => {
    expect(phoneAsRead('+999', 'GB')).toBe('+999');
  });
});

describe('a number in the history', () => {
  it('adds what was typed when it reads differently', () => {
    expect(phoneAsReadAndTyped({ e164: '+442079460018', raw: '+44(0)20-7946-0018' }, 'GB')).toBe('020 7946 0018 (typed as +44(0)20-7946-0018)');
    expect(phoneAsReadAndTyped({ e164: '+442079460018', raw: '+442079460018' }, 'GB')).toBe('020 7946 0018 (typed as +442079460018)');
  });

  it('is the number alone when it was typed as it reads', () => {
    expect(phoneAsReadAndTyped({ e164: '+442079460018', raw: '020 7946 0018' }, 'GB')).toBe('020 7946 0018');
    expect(phoneAsReadAndTyped({ e164: '+442079460018', raw: '' }, 'GB')).toBe('020 7946 0018');
  });
});
