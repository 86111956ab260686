import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { catchUp } from '../engine/run-batch';
import { searchTermsProjection } from './projection';
import { searchLeads, type SearchMatch } from './search';

const store = createSystem(testDb()).store;

// Every command one minute after the last, so "latest change first" has a known order.
let minute = 0;
const tick = () => new Date(Date.UTC(2026, 0, 5, 9, minute++));

function tenant() {
  const tenantId = `tenant-${randomUUID()}`;
  const as = (actorId: string) => (): CommandContext => ({ tenantId, actorId, region: 'GB', now: tick() });
  return { tenantId, ana: as('ana'), ben: as('ben'), cara: as('cara') };
}

async function register(context: CommandContext, name: string, phones: string[], emails: string[] = []) {
  const leadId = randomUUID();
  await executeLeadCommand(store, context, { type: 'RegisterLead', data: { leadId, name, phones, emails, source: 'web' } });
  return leadId;
}

const change = (context: CommandContext, leadId: string, type: string, data: object) => executeLeadCommand(store, context, { type, leadId, data });

const a = tenant();
const other = tenant();
const ids: Record<string, string> = {};
let anaLimaPhoneRemovedAt: Date;

beforeAll(async () => {
  const { ana, ben, cara } = a;
  ids.jose = await register(ana(), 'José García', ['07911 123456'], ['jose.garcia@example.com']);
  await register(ana(), 'Zoë Brontë', ['020 7946 0018'], ['zoe@bronte.example']);
  const stefan = await register(ana(), 'Stefan Ivanoff', ['+1 212 555 0123'], ['stefan@work.example']);
  await change(ben(), stefan, 'ChangeName', { name: 'Stefan Ivanov' });
  const anaLima = await register(ana(), 'Ana Lima', ['07456 900123'], ['ana.lima@example.com']);
  const removal = cara();
  anaLimaPhoneRemovedAt = removal.now!;
  await change(removal, anaLima, 'ChangeContactInfo', { removePhones: ['07456 900123'], addPhones: ['07456 900456'] });
  const analia = await register(ana(), 'Analia Lim', [], ['ana.lima@example.com']);
  await change(ben(), analia, 'ChangeContactInfo', { removeEmails: ['ana.lima@example.com'], addEmails: ['ana_lima@example.net'] });
  await register(ana(), 'Joana Lima', [], ['joana.lima@example.com']);
  await register(ana(), 'Priya Shah', ['020 7946 0999']);
  const omar = await register(ana(), 'Omar Haddad', ['020 7946 0999']);
  await change(ben(), omar, 'ChangeContactInfo', { removePhones: ['020 7946 0999'], addPhones: ['020 7946 0555'] });
  await register(ana(), 'Lena Park', ['+1 207 946 0999']);

  ids.otherJose = await register(other.ana(), 'José García', ['07911 123456'], ['jose.garcia@example.com']);
  await register(other.ana(), 'Zed Other', ['07912 345678']);

  await catchUp(store, searchTermsProjection);
});

const search = (text: string, tenantId = a.tenantId, limit?: number) => searchLeads(store.db, tenantId, text, { region: 'GB', limit });

type ExpectedMatch = Partial<Pick<SearchMatch, 'kind' | 'current' | 'changedBy'>>;
const current = (kind: SearchMatch['kind']): ExpectedMatch => ({ kind, current: true });
const previous = (kind: SearchMatch['kind'], changedBy: string): ExpectedMatch => ({ kind, current: false, changedBy });

describe('searching leads by what the agent types', () => {
  it.each<[string, string[], ExpectedMatch?]>([
    // phones: fragments in any format, with or without the country code or the trunk 0
    ['7911', ['José García'], current('phone')],
    ['07911 123456', ['José García'], current('phone')],
    ['+44 7911 123456', ['José García'], current('phone')],
    ['0044 7911 123456', ['José García'], current('phone')],
    ['+44 (0)7911 123456', ['José García'], current('phone')],
    ['7911-123-456', ['José García'], current('phone')],
    ['(020) 7946-0018', ['Zoë Brontë'], current('phone')],
    ['0018', ['Zoë Brontë'], current('phone')],
    ['+1 212 555 0123', ['Stefan Ivanov'], current('phone')],
    ['212.555', ['Stefan Ivanov'], current('phone')],
    ['07456 900456', ['Ana Lima'], current('phone')],
    // a removed phone, typed differently from how it was stored
    ['+44 7456 900 123', ['Ana Lima'], previous('phone', 'cara')],
    ['900-123', ['Ana Lima'], previous('phone', 'cara')],
    // equally good partial matches: the latest change first
    ['7946', ['Lena Park', 'Omar Haddad', 'Priya Shah', 'Zoë Brontë'], current('phone')],
    // exact current, then exact previous, then partial current
    ['020 7946 0999', ['Priya Shah', 'Omar Haddad', 'Lena Park'], current('phone')],
    ['ana.lima@example.com', ['Ana Lima', 'Analia Lim', 'Joana Lima'], current('email')],
    ['Ana Lima', ['Ana Lima', 'Joana Lima'], current('name')],
    // emails: local part and domain
    ['joana.li', ['Joana Lima'], current('email')],
    ['stefan@', ['Stefan Ivanov'], current('email')],
    ['@example.net', ['Analia Lim'], current('email')],
    ['example.com', ['Joana Lima', 'Ana Lima', 'José García', 'Analia Lim'], current('email')],
    // names: fragments, any case, with or without accents; a word start beats a partial match
    ['garcia', ['José García'], current('name')],
    ['JOSÉ GARCÍA', ['José García'], current('name')],
    ['jose garcia', ['José García'], current('name')],
    ['Zoe', ['Zoë Brontë'], current('name')],
    ['brontë', ['Zoë Brontë'], current('name')],
    ['bronte', ['Zoë Brontë'], current('name')],
    ['lima', ['Joana Lima', 'Ana Lima', 'Analia Lim'], current('name')],
    ['ana', ['Analia Lim', 'Ana Lima', 'Joana Lima'], current('email')],
    ['ivanov', ['Stefan Ivanov'], current('name')],
    ['ivanoff', ['Stefan Ivanov'], previous('name', 'ben')],
    // LIKE wildcards are literal
    ['ana_lima', ['Analia Lim'], current('email')],
    ['li%a', []],
    ['lim_', []],
    // another tenant's leads
    ['zed', []],
    ['07912 345678', []],
  ])('%s finds %j', async (typed, names, match) => {
    const { results } = await search(typed);
    expect(results.map((result) => result.name)).toEqual(names);
    if (match) expect(results[0]!.matched).toMatchObject(match);
  });

  it('an old phone shows how it was typed, who removed it and when', async () => {
    const { query, results } = await search('(07456) 900-123');
    expect(query.kind).toBe('phone');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      name: 'Ana Lima',
      status: 'Available',
      rank: 2,
      matched: {
        kind: 'phone',
        value: '+447456900123',
        display: '07456 900123',
        current: false,
        changedBy: 'cara',
        changedAt: anaLimaPhoneRemovedAt.toISOString(),
        lastHeldAt: anaLimaPhoneRemovedAt.toISOString(),
      },
    });
    expect(Date.parse(results[0]!.matched.firstHeldAt)).toBeLessThan(anaLimaPhoneRemovedAt.getTime());
  });

  it('ranks exact current, exact previous, then partial matches', async () => {
    const { results } = await search('020 7946 0999');
    expect(results.map((result) => [result.rank, result.matched.current])).toEqual([[1, true], [2, false], [4, true]]);
  });

  it('returns each tenant only its own leads', async () => {
    expect((await search('jose garcia')).results.map((result) => result.leadId)).toEqual([ids.jose]);
    expect((await search('jose garcia', other.tenantId)).results.map((result) => result.leadId)).toEqual([ids.otherJose]);
    expect((await search('zed', other.tenantId)).results.map((result) => result.name)).toEqual(['Zed Other']);
  });

  it('returns at most `limit` leads, the best first', async () => {
    const { results } = await search('example.com', a.tenantId, 2);
    expect(results.map((result) => result.name)).toEqual(['Joana Lima', 'Ana Lima']);
  });

  it('reads partial matches only when the better matches leave room for them in the list', async () => {
    const ranks = async (limit: number) => (await search('020 7946', a.tenantId, limit)).results.map((result) => [result.name, result.rank]);
    expect(await ranks(3)).toEqual([['Omar Haddad', 3], ['Priya Shah', 3], ['Zoë Brontë', 3]]);
    expect(await ranks(4)).toEqual([['Omar Haddad', 3], ['Priya Shah', 3], ['Zoë Brontë', 3], ['Lena Park', 4]]);
    const names = async (limit: number) => (await search('lima', a.tenantId, limit)).results.map((result) => [result.name, result.rank]);
    expect(await names(2)).toEqual([['Joana Lima', 3], ['Ana Lima', 3]]);
    expect(await names(3)).toEqual([['Joana Lima', 3], ['Ana Lima', 3], ['Analia Lim', 4]]);
  });

  it.each([
    ['ab', /at least 3 letters/],
    ['é', /at least 3 letters/],
    ['79 1', /at least 4 digits/],
    ['+44', /at least 4 digits/],
  ])('%s is too short: no results, and the reason says what to type', async (typed, reason) => {
    const { query, results } = await search(typed);
    expect(results).toEqual([]);
    expect(query).toMatchObject({ kind: 'too-short', reason: expect.stringMatching(reason) });
  });
});
