import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeLeadCommand, type CommandContext } from '@/lib/commands/lead-commands';
import { mergeLeads } from '@/lib/commands/merge-service';
import { createSystem } from '@/lib/system';
import { testDb } from '@/lib/testing/database';
import { catchUp } from '../engine/run-batch';
import { searchTermsProjection } from '../search-terms/projection';
import { duplicateKeysProjection } from './projection';
import { MAX_KEY_LEADS } from '@/lib/duplicates/keys';
import { duplicateGroups, duplicatesOfLead } from './queries';

const store = createSystem(testDb()).store;

function tenant() {
  const tenantId = `tenant-${randomUUID()}`;
  let minute = 0;
  const context = (): CommandContext => ({ tenantId, actorId: 'ana', region: 'GB', now: new Date(Date.UTC(2026, 0, 5, 9, minute++)) });
  const register = async (name: string, phones: string[], emails: string[] = []) => {
    const leadId = randomUUID();
    await executeLeadCommand(store, context(), { type: 'RegisterLead', data: { leadId, name, phones, emails, source: 'web' } });
    return leadId;
  };
  const change = (leadId: string, type: string, data: object) => executeLeadCommand(store, context(), { type, leadId, data });
  return { tenantId, register, change, context };
}

const catchUpAll = async () => {
  await catchUp(store, searchTermsProjection);
  await catchUp(store, duplicateKeysProjection);
};

const a = tenant();
const other = tenant();
const ids: Record<string, string> = {};

beforeAll(async () => {
  ids.jose = await a.register('José García', ['07911 123456'], ['jose.garcia@example.com']);
  // The same person typed again, with the number written another way: same phone, same name.
  ids.joseAgain = await a.register('Jose Garcia', ['+44 7911 123456']);
  // Held José's email once, and gave it up: a weaker candidate.
  ids.formerHolder = await a.register('Maria Santos', ['020 7946 0555'], ['jose.garcia@example.com']);
  await a.change(ids.formerHolder, 'ChangeContactInfo', { removeEmails: ['jose.garcia@example.com'], addEmails: ['maria@example.com'] });
  // Only a fragment in common (the mailbox name at another domain) and a very similar name.
  ids.priya = await a.register('Priya Shah', [], ['priya.shah@example.com']);
  ids.priyaWork = await a.register('Priya Shah', [], ['priya.shah@work.example']);
  // A fragment in common but unrelated names: not candidates.
  ids.tom = await a.register('Tom Baker', [], ['tbaker@example.com']);
  ids.tina = await a.register('Tina Bakerloo-Smythe', [], ['tbaker@other.example']);
  ids.alone = await a.register('Lena Park', ['020 7946 0999']);
  // Another call center's look-alike never shows up in this one's answers.
  ids.otherJose = await other.register('José García', ['07911 123456'], ['jose.garcia@example.com']);
  await catchUpAll();
});

const namesOf = (duplicates: readonly { name: string }[]) => duplicates.map((duplicate) => duplicate.name);

describe('one lead’s possible duplicates', () => {
  it('finds every lead that held the same phone or email, now or before, strongest first, with why', async () => {
    const found = await duplicatesOfLead(store.db, a.tenantId, ids.jose!);
    expect(namesOf(found)).toEqual(['Jose Garcia', 'Maria Santos']);
    expect(found[0]!.verdict).toMatchObject({ strength: 'strong', reasons: [{ kind: 'same-phone', value: '447911123456', current: true }, { kind: 'similar-name' }] });
    expect(found[1]!.verdict).toEqual({ score: 30, strength: 'possible', reasons: [{ kind: 'same-email', value: 'jose.garcia@example.com', current: false }] });
  });

  it('takes a shared fragment only together with a very similar name', async () => {
    expect(namesOf(await duplicatesOfLead(store.db, a.tenantId, ids.priya!))).toEqual(['Priya Shah']);
    expect(await duplicatesOfLead(store.db, a.tenantId, ids.tom!)).toEqual([]);
    expect(await duplicatesOfLead(store.db, a.tenantId, ids.alone!)).toEqual([]);
  });

  it('never looks into another call center', async () => {
    expect(await duplicatesOfLead(store.db, other.tenantId, ids.otherJose!)).toEqual([]);
    expect(await duplicatesOfLead(store.db, other.tenantId, ids.jose!)).toEqual([]);
  });

  it('finds a lead that takes up a number later, once the read model has caught up', async () => {
    const later = await a.register('Lena Parks', ['07700 900123']);
    await a.change(later, 'ChangeContactInfo', { addPhones: ['020 7946 0999'] });
    await catchUpAll();
    expect(namesOf(await duplicatesOfLead(store.db, a.tenantId, ids.alone!))).toEqual(['Lena Parks']);
  });
});

describe('the call center’s candidate groups', () => {
  it('lists groups strongest first, each with its leads and its pairs’ reasons', async () => {
    const page = await duplicateGroups(store.db, a.tenantId);
    expect(page.truncated).toBe(false);
    expect(page.groups.map((group) => [group.strength, namesOf(group.leads).sort()])).toEqual([
      ['strong', ['Jose Garcia', 'José García', 'Maria Santos']],
      ['strong', ['Lena Park', 'Lena Parks']],
      ['likely', ['Priya Shah', 'Priya Shah']],
    ]);
    expect(page.total).toBe(3);
    const [jose] = page.groups;
    expect(jose!.pairs.map((pair) => pair.reasons.map((reason) => reason.kind))).toEqual([['same-phone', 'similar-name'], ['same-email']]);
  });

  it('pages through the groups', async () => {
    const second = await duplicateGroups(store.db, a.tenantId, { offset: 1, limit: 1 });
    expect(second.groups.map((group) => namesOf(group.leads).sort())).toEqual([['Lena Park', 'Lena Parks']]);
    expect(second.total).toBe(3);
  });

  it('takes a key held by more leads than a person could be as no evidence', async () => {
    const office = tenant();
    for (let index = 0; index <= MAX_KEY_LEADS; index++) await office.register(`Caller ${index}`, ['020 7946 0000']);
    await catchUpAll();
    expect((await duplicateGroups(store.db, office.tenantId)).groups).toEqual([]);
  });
});

describe('after a merge', () => {
  it('neither lead lists the other, and the group is gone from the page', async () => {
    const center = tenant();
    const kept = await center.register('Ada Byron', ['07700 900777'], ['ada@example.com']);
    const merged = await center.register('Ada Byron', ['+44 7700 900777']);
    await catchUpAll();
    expect(namesOf(await duplicatesOfLead(store.db, center.tenantId, kept))).toEqual(['Ada Byron']);
    await mergeLeads(store, center.context(), {
      survivorId: kept, leadId: merged, survivorVersion: 1, leadVersion: 1,
      choices: { name: 'Ada Byron', phones: ['+447700900777'], emails: ['ada@example.com'], ownerId: null, status: 'Available' },
    });
    await catchUpAll();
    expect(await duplicatesOfLead(store.db, center.tenantId, kept)).toEqual([]);
    expect((await duplicateGroups(store.db, center.tenantId)).groups).toEqual([]);
  });
});
