import { describe, expect, it } from 'vitest';
import { changeDialingRules } from '@/lib/commands/dialing-rules-service';
import { DEFAULT_DIALING_RULES } from '@/lib/dialing/rules';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { currentDialingRules } from './current-rules';

const db = testDb();
const system = createSystem(db);

describe('a tenant\u2019s current dialing rules', () => {
  it('are the defaults, at version 0, until a manager changes them', async () => {
    expect(await currentDialingRules(system.store, freshId('tenant'))).toEqual({ rules: DEFAULT_DIALING_RULES, version: 0 });
  });

  it('are read again only when the rules changed, and are each tenant\u2019s own', async () => {
    const [a, b] = [freshId('tenant'), freshId('tenant')];
    const first = await currentDialingRules(system.store, a);
    expect(await currentDialingRules(system.store, a)).toBe(first);

    await changeDialingRules(system, { id: 'maria', tenantId: a }, 'claimMinutes', { claimMinutes: 9 });
    const changed = await currentDialingRules(system.store, a);
    expect(changed).toEqual({ rules: { ...DEFAULT_DIALING_RULES, claimMinutes: 9 }, version: 1 });
    expect(await currentDialingRules(system.store, a)).toBe(changed);
    expect((await currentDialingRules(system.store, b)).rules.claimMinutes).toBe(DEFAULT_DIALING_RULES.claimMinutes);
  });

  it('see a change made by another process, whose cache this one does not share', async () => {
    const tenantId = freshId('tenant');
    await currentDialingRules(system.store, tenantId);
    await changeDialingRules(createSystem(db), { id: 'paul', tenantId }, 'claimMinutes', { claimMinutes: 12 });
    expect((await currentDialingRules(system.store, tenantId)).rules.claimMinutes).toBe(12);
  });

  it('take one small read when unchanged', async () => {
    const tenantId = freshId('tenant');
    await changeDialingRules(system, { id: 'maria', tenantId }, 'claimMinutes', { claimMinutes: 7 });
    await currentDialingRules(system.store, tenantId);
    const started = performance.now();
    for (let i = 0; i < 50; i++) await currentDialingRules(system.store, tenantId);
    const each = (performance.now() - started) / 50;
    console.log(`current dialing rules, unchanged: ${each.toFixed(2)} ms per read`);
    expect(each).toBeLessThan(20);
  });
});
