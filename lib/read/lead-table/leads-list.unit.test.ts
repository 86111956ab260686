import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, parseLeadListParams, toSearchString, withChange } from '@/lib/read/lead-table/list-params';
import { dueWindow } from './leads-list';

const owners = ['ana', 'ben'];
const parse = (search: string) => parseLeadListParams(Object.fromEntries(new URLSearchParams(search)), owners);

describe('reading the lead list state from the URL', () => {
  it('no parameters: the 25 most recently updated leads, unfiltered', () => {
    expect(parse('')).toEqual(DEFAULT_PARAMS);
  });

  it('reads every parameter it knows', () => {
    expect(parse('sort=name&dir=desc&status=FollowUp,Closed&owner=ben&due=overdue&updatedFrom=2026-01-01&updatedTo=2026-01-31&hide=emails&size=50&page=3')).toEqual({
      page: 3, size: 50, sort: 'name', dir: 'desc', statuses: ['FollowUp', 'Closed'], owner: 'ben', due: 'overdue',
      updatedFrom: '2026-01-01', updatedTo: '2026-01-31', hidden: ['emails'],
    });
  });

  it('a column sorted without a direction takes its first direction: names A to Z, updates newest first', () => {
    expect(parse('sort=name')).toMatchObject({ sort: 'name', dir: 'asc' });
    expect(parse('sort=updated')).toMatchObject({ sort: 'updated', dir: 'desc' });
  });

  it('statuses may repeat the parameter; unknown ones and repeats are dropped, in the statuses\' own order', () => {
    expect(parseLeadListParams({ status: ['Closed', 'Bogus,Available', 'Closed'] }).statuses).toEqual(['Available', 'Closed']);
  });

  it('owner: me, unassigned or a user of the tenant; anyone else is ignored', () => {
    expect(parse('owner=me').owner).toBe('me');
    expect(parse('owner=unassigned').owner).toBe('unassigned');
    expect(parse('owner=ana').owner).toBe('ana');
    expect(parse('owner=sam').owner).toBeNull();
  });

  it.each([
    ['page=0', { page: 1 }], ['page=-2', { page: 1 }], ['page=2.5', { page: 1 }], ['page=abc', { page: 1 }],
    ['size=30', { size: 25 }], ['size=', { size: 25 }], ['sort=phone', { sort: 'updated', dir: 'desc' }],
    ['sort=name&dir=up', { sort: 'name', dir: 'asc' }], ['due=tomorrow', { due: null }],
    ['updatedFrom=2026-02-30', { updatedFrom: null }], ['updatedTo=yesterday', { updatedTo: null }], ['owner=', { owner: null }],
  ])('a bad value (%s) falls back to its default and leaves the others alone', (search, expected) => {
    expect(parse(`${search}&status=Closed`)).toMatchObject({ ...expected, statuses: ['Closed'] });
  });

  it('hides the columns named, known ones only, in the table\'s order; never the name or the status', () => {
    expect(parse('hide=updated,bogus,phones').hidden).toEqual(['phones', 'updated']);
    expect(parse('hide=name,status').hidden).toEqual([]);
    expect(parse('').hidden).toEqual([]);
  });

  it('pages stop where counting stops: 400 pages of 25, 100 of 100', () => {
    expect(parse('page=100000').page).toBe(400);
    expect(parse('page=100000&size=100').page).toBe(100);
  });
});

describe('writing the state back to the URL', () => {
  it('leaves out what holds its default', () => {
    expect(toSearchString(DEFAULT_PARAMS)).toBe('');
    expect(toSearchString({ ...DEFAULT_PARAMS, sort: 'name', dir: 'asc' })).toBe('?sort=name');
  });

  it('reads back as the same state', () => {
    const search = '?sort=followUp&dir=desc&status=Available,FollowUp&owner=unassigned&due=week&updatedFrom=2026-03-01&updatedTo=2026-03-02&hide=phones,emails&size=100&page=2';
    expect(toSearchString(parse(search))).toBe(search);
  });

  it('any change but a page turn starts again at page 1', () => {
    const onPage3 = { ...DEFAULT_PARAMS, page: 3 };
    expect(withChange(onPage3, { statuses: ['Closed'] }).page).toBe(1);
    expect(withChange(onPage3, { page: 4 }).page).toBe(4);
  });
});

describe('follow-up due windows', () => {
  const now = new Date('2026-03-10T15:30:00Z');

  it('overdue: before now; next 7 days: from now for a week; today: the whole UTC day', () => {
    expect(dueWindow('overdue', now)).toEqual({ before: now });
    expect(dueWindow('week', now)).toEqual({ from: now, before: new Date('2026-03-17T15:30:00Z') });
    expect(dueWindow('today', now)).toEqual({ from: new Date('2026-03-10T00:00:00Z'), before: new Date('2026-03-11T00:00:00Z') });
    expect(dueWindow('none', now)).toBe('none');
  });
});
