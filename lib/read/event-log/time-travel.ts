// A lead as it stood at a moment or a version, and what changed between two such points, replayed
// from its events (never from snapshots or read models, which only know the present).
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { EventStore } from '@/lib/event-store';
import { leadDecider, type Lead } from '@/lib/leads';
import { diffLeads, type LeadChange } from '@/lib/present/diff';

/** A point in a lead's history: a moment, a version, or both (the earlier of the two wins). */
export type PointInHistory = { readonly asOf?: Date; readonly version?: number };

export type LeadAsOf = {
  /** `exists` is false when the point is before the lead was registered. */
  readonly state: Lead;
  /** The version of the last event folded in; 0 before the lead was registered. */
  readonly version: number;
};

export type LeadChanges = {
  readonly from: { readonly version: number };
  readonly to: { readonly version: number };
  readonly changes: LeadChange[];
};

/** Throws NotFoundError when the tenant has no such lead at all. */
export async function leadAsOf(store: EventStore, tenantId: string, leadId: string, { asOf, version }: PointInHistory): Promise<LeadAsOf> {
  const loaded = await store.stateAt(tenantId, leadId, leadDecider, { asOf, toVersion: version });
  if (loaded.version === 0 && (await store.streamVersion(tenantId, leadId)) === null) throw new NotFoundError('Lead not found');
  return { state: loaded.state, version: loaded.version };
}

/** The fields that differ from point `a` to point `b` (reported reversed when `b` is the earlier). */
export async function leadChangesBetween(store: EventStore, tenantId: string, leadId: string, a: PointInHistory, b: PointInHistory): Promise<LeadChanges> {
  const [before, after] = await Promise.all([leadAsOf(store, tenantId, leadId, a), leadAsOf(store, tenantId, leadId, b)]);
  return { from: { version: before.version }, to: { version: after.version }, changes: diffLeads(before.state, after.state) };
}
