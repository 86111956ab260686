import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IllegalStateError, NotFoundError, ValidationError } from '@/lib/errors';
import { describeError, errorText, issueText, WORDED_CODES } from './error-text';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Every refusal code the code base throws, read from its sources (not a list kept by hand). */
function codesThrown(): string[] {
  const codes = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated' && entry.name !== 'node_modules') visit(file);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(/new (?:IllegalStateError|NotFoundError)\('([a-z.-]+)'|code: '([a-z]+\.[a-z.-]+)'|\? '([a-z]+\.[a-z-]+)' : '([a-z]+\.[a-z-]+)'|return '([a-z]+\.[a-z-]+)'/g)) {
          for (const code of match.slice(1)) if (code) codes.add(code);
        }
      }
    }
  };
  for (const dir of ['lib', 'app']) visit(path.join(ROOT, dir));
  return [...codes].sort();
}

describe('the words for refusals', () => {
  it('exist for every code the domain and the edges throw', () => {
    const thrown = codesThrown();
    expect(thrown.length).toBeGreaterThan(20);
    expect(thrown.filter((code) => !WORDED_CODES.includes(code))).toEqual([]);
  });

  it('fill in the values a refusal carries', () => {
    expect(errorText('status.transition-not-allowed', { from: 'FollowUp', to: 'Available' })).toBe('A lead cannot move from Follow-up to Available');
    expect(describeError(new IllegalStateError('follow-up.not-allowed', { field: 'at', params: { status: 'Closed' } }))).toBe('A closed lead cannot have a follow-up');
    expect(describeError(new NotFoundError('lead.not-found'))).toBe('Lead not found');
  });

  it('join a validation error\u2019s issues, domain codes and schema messages alike', () => {
    const error = new ValidationError([
      { field: 'addPhones.0', code: 'phone.already-held', params: { phone: '+447911123456' } },
      { field: 'name', message: 'Name is required' },
    ]);
    expect(describeError(error)).toBe("+447911123456 is already one of this lead's phones; Name is required");
    expect(issueText(error.issues[1]!)).toBe('Name is required');
  });

  it('fall back to the code itself for one not worded yet, rather than saying nothing', () => {
    expect(errorText('lead.never-heard-of')).toBe('lead.never-heard-of');
  });
});
