import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { eventIdOf, parseLastEventId, sseFrame } from './messages';

describe('live event ids', () => {
  it('round-trips a log position through the SSE id', () => {
    const at = { txId: 9_007_199_254_740_993n, position: 42n };
    expect(parseLastEventId(eventIdOf(at))).toEqual(at);
  });

  it('treats a missing or empty Last-Event-ID as a fresh start', () => {
    expect(parseLastEventId(null)).toBeNull();
    expect(parseLastEventId(' ')).toBeNull();
  });

  it('refuses anything else, naming the header', () => {
    for (const bad of ['42', 'a-b', '1-2-3', '-1-2']) {
      expect(() => parseLastEventId(bad)).toThrow(ValidationError);
      expect(() => parseLastEventId(bad)).toThrow(/^Last-Event-ID: /);
    }
  });
});

describe('SSE frames', () => {
  it('writes the id only when there is one, and the data as one JSON line', () => {
    expect(sseFrame('change', '5-7', { text: 'Ben changed\nthe name' })).toBe('id: 5-7\nevent: change\ndata: {"text":"Ben changed\\nthe name"}\n\n');
    expect(sseFrame('reset', null, {})).toBe('event: reset\ndata: {}\n\n');
  });
});
