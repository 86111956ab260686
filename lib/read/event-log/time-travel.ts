// A lead as it stood at a moment or a version, and what changed between two such points, replayed
// from its events (never from snapshots or read models, which only know the present).
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { EventStore } from '@/lib/event-store';
import { leadAggregate, type Lead } from '@/lib/leads';
import { diffLeads, type LeadChange } from '@/lib/present/diff';

/** A point in a lead's history: a moment, a version, or both (the earlier of the two wins). */
export type PointInHistory = { readonly asOf?: Date; readonly version?: number };

export type LeadAsOf = {
  /** `kind: 'initial'` when the point is before the lead was registered. */
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
  const loaded = await store.stateAt(tenantId, leadId, leadAggregate.decider, { asOf, toVersion: version });
  if (loaded.version === 0 && (await store.streamVersion(tenantId, leadId)) === null) throw new NotFoundError('lead.not-found');
  return { state: loaded.state, version: loaded.version };
}

/** The fields that differ from point `a` to point `b` (reported reversed when `b` is the earlier). */
export async function leadChangesBetween(store: EventStore, tenantId: string, leadId: string, a: PointInHistory, b: PointInHistory): Promise<LeadChanges> {
  const [before, after] = await Promise.all([leadAsOf(store, tenantId, leadId, a), leadAsOf(store, tenantId, leadId, b)]);
  return { from: { version: before.version }, to: { version: after.version }, changes: diffLeads(before.state, after.state) };
}

export type LeadThen = {
  readonly asOf: string;
  /** `kind: 'initial'` when the moment is before the lead was registered. */
  readonly state: Lead;
  readonly version: number;
  /** Field by field, from that moment to now. */
  readonly changesSince: readonly LeadChange[];
};

/** Time travel: the lead as it stood at `asOf`, and what changed since. */
export async function leadThen(store: EventStore, tenantId: string, leadId: string, asOf: Date): Promise<LeadThen> {
  const [then, since] = await Promise.all([
    leadAsOf(store, tenantId, leadId, { asOf }),
    leadChangesBetween(store, tenantId, leadId, { asOf }, {}),
  ]);
  return { asOf: asOf.toISOString(), state: then.state, version: then.version, changesSince: since.changes };
}
