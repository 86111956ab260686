// What the lead page shows: the lead as it is now (with the version every edit must send), its
// events for the history, its status periods, the people who can own it, and the other leads that
// already hold a phone or email.
import 'server-only';
import type { Db } from '@/lib/db/client';
import type { EventStore } from '@/lib/event-store';
import { can } from '@/lib/auth/roles';
import { normalisePhone, normaliseEmail, type Region } from '@/lib/leads/contact';
import type { HistoryEvent } from '@/lib/present/history-lines';
import type { LeadChange } from '@/lib/present/diff';
import type { Lead, LeadStatus, Phone } from '@/lib/leads/lead';
import { leadCallbacks, leadTimeline, type LeadCallback, type TimelinePeriod } from '@/lib/read/status-history/queries-lead';
import { phoneDigits } from '@/lib/read/search-terms/normalize';
import { leadAsOf, leadChangesBetween } from './event-log/time-travel';

export type LeadNow = {
  readonly leadId: string;
  readonly name: string;
  readonly phones: readonly Phone[];
  readonly emails: readonly string[];
  readonly status: LeadStatus;
  readonly followUpAt: string | null;
  readonly ownerId: string | null;
  readonly source: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The stream version this state is at: edits send it as their expected version. */
  readonly version: number;
};

export type Person = { readonly id: string; readonly name: string };

export type LeadDetail = {
  readonly lead: LeadNow;
  readonly history: readonly HistoryEvent[];
  readonly timeline: readonly TimelinePeriod[];
  /** The callbacks set on the lead, with what became of each. */
  readonly callbacks: readonly LeadCallback[];
  /** The moment the timeline's open period and callbacks are measured to. */
  readonly asOf: string;
  /** Everyone of the tenant, for names in the history. */
  readonly people: readonly Person[];
  /** Who a lead may be assigned to: the tenant's users who work leads. */
  readonly owners: readonly Person[];
};

/** Null when the tenant has no such lead: another tenant's lead is just as unknown. */
export async function loadLeadDetail(store: EventStore, tenantId: string, leadId: string, { now = new Date() } = {}): Promise<LeadDetail | null> {
  const row = await store.db.leadView.findUnique({ where: { tenantId_leadId: { tenantId, leadId } } });
  if (!row) return null;
  const [events, timeline, callbacks, users] = await Promise.all([
    store.readStream(tenantId, leadId),
    leadTimeline(store.db, tenantId, leadId, { now }),
    leadCallbacks(store.db, tenantId, leadId, { now }),
    tenantUsers(store.db, tenantId),
  ]);
  return {
    lead: {
      leadId: row.leadId,
      name: row.name,
      phones: row.phones as Phone[],
      emails: row.emails,
      status: row.status as LeadStatus,
      followUpAt: row.followUpAt?.toISOString() ?? null,
      ownerId: row.ownerId,
      source: row.source,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    },
    history: events.map((event) => ({
      version: event.version,
      type: event.type,
      data: event.data,
      actor: event.metadata.actor ?? null,
      occurredAt: event.occurredAt.toISOString(),
      commandId: event.metadata.commandId ?? null,
    })),
    timeline,
    callbacks,
    asOf: now.toISOString(),
    people: users.map(({ id, name }) => ({ id, name })),
    owners: assignable(users),
  };
}

async function tenantUsers(db: Db, tenantId: string) {
  return db.user.findMany({ where: { tenantId }, select: { id: true, name: true, role: true }, orderBy: { name: 'asc' } });
}

const assignable = (users: { id: string; name: string; role: string }[]): Person[] =>
  users.filter((user) => can(user.role, 'work-leads')).map(({ id, name }) => ({ id, name }));

/** The tenant's users a lead may be assigned to, by name. */
export async function assignableOwners(db: Db, tenantId: string): Promise<Person[]> {
  return assignable(await tenantUsers(db, tenantId));
}

export type LeadThen = {
  readonly asOf: string;
  /** `exists` is false when the moment is before the lead was registered. */
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

export type ContactHolder = { readonly leadId: string; readonly name: string };

/**
 * Other leads of the tenant that hold this phone or email now (exact match, as search stores it:
 * phones as E.164 digits, emails lower-case). Read from the search index, so a lead registered a
 * moment ago may be missing: this warns, it does not guard.
 */
export async function leadsHoldingContact(
  db: Db,
  tenantId: string,
  { kind, value, region, excludeLeadId }: { kind: 'phone' | 'email'; value: string; region: Region; excludeLeadId?: string },
): Promise<ContactHolder[]> {
  const normalized = kind === 'phone' ? phoneOrNull(value, region) : normaliseEmail(value);
  if (!normalized) return [];
  const rows = await db.$queryRaw<{ lead_id: string; name: string }[]>`
    SELECT l.lead_id, l.name
    FROM search_terms t JOIN leads l ON l.tenant_id = t.tenant_id AND l.lead_id = t.lead_id
    WHERE t.tenant_id = ${tenantId} AND t.kind = ${kind} AND t.normalized = ${normalized} AND t.current
      AND t.lead_id <> ${excludeLeadId ?? ''}
    ORDER BY l.name, l.lead_id
    LIMIT 5`;
  return rows.map((row) => ({ leadId: row.lead_id, name: row.name }));
}

function phoneOrNull(value: string, region: Region): string | null {
  const phone = normalisePhone(value, region);
  return phone ? phoneDigits(phone.e164) : null;
}
