import { describe, expect, it } from 'vitest';
import { createEventRegistry } from '@/lib/event-store/registry';
import { evolve, initialState, LEAD_EVENTS, type LeadEvent } from '@/lib/leads';

const registry = createEventRegistry([LEAD_EVENTS]);
const phone = { e164: '+442079460018', raw: '020 7946 0018' };
const v1 = { leadId: 'lead-1', name: 'Jane Doe', phone, email: 'jane@example.com', source: 'import' };

describe('LeadRegistered written as v1 (one phone, one email)', () => {
  it('is written as v2 today', () => {
    expect(registry.latestVersion('LeadRegistered')).toBe(2);
  });

  it('reads as lists of phones and emails, with no owner when v1 had none', () => {
    expect(registry.decode('LeadRegistered', 1, v1)).toEqual({
      leadId: 'lead-1',
      name: 'Jane Doe',
      phones: [phone],
      emails: ['jane@example.com'],
      source: 'import',
      ownerId: null,
    });
  });

  it('reads a missing phone and email as empty lists and keeps the owner', () => {
    expect(registry.decode('LeadRegistered', 1, { ...v1, phone: null, email: null, ownerId: 'agent-1' })).toEqual({
      leadId: 'lead-1',
      name: 'Jane Doe',
      phones: [],
      emails: [],
      source: 'import',
      ownerId: 'agent-1',
    });
  });

  it('folds into a lead like a v2 registration', () => {
    const data = registry.decode('LeadRegistered', 1, v1) as Extract<LeadEvent, { type: 'LeadRegistered' }>['data'];
    const lead = evolve(initialState(), { type: 'LeadRegistered', data });
    expect(lead).toMatchObject({ kind: 'registered', phones: [phone], emails: ['jane@example.com'], ownerId: null });
  });
});

describe('events already in the latest shape', () => {
  it('reads a v2 LeadRegistered unchanged', () => {
    const v2 = { leadId: 'lead-1', name: 'Jane Doe', phones: [phone], emails: [], source: 'manual', ownerId: null };
    expect(registry.decode('LeadRegistered', 2, v2)).toBe(v2);
  });

  it('reads event types with a single version unchanged', () => {
    const data = { name: 'Jo', previousName: 'Jane' };
    expect(registry.decode('NameChanged', 1, data)).toBe(data);
  });

  it('refuses data that does not match the event\u2019s schema', () => {
    expect(() => registry.decode('StatusChanged', 1, { from: 'Available', to: 'Sleeping' })).toThrow(/does not match the StatusChanged schema/);
  });
});
