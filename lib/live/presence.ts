// Who has a lead's page open right now, across every server process: a row per (tenant, lead,
// user) with the time of the page's last heartbeat, counted for 45 s. Arrivals and departures are
// announced on their own NOTIFY channel (ids only); each process's hub then tells the tenant's
// browsers who is on the lead now. Only ids are stored: names are looked up when sent.
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseInput } from '@/lib/input/validation';
import { actorNames } from '@/lib/read/organisation/users';
import type { LiveHub } from './hub';
import type { Notification } from './listen';
import type { LivePresence } from './messages';

export const PRESENCE_CHANNEL = 'leadstream_presence';
/** A page that has not sent a heartbeat for this long is no longer counted (ms). */
export const PRESENCE_TTL_MS = 45_000;

export type PresenceKey = { readonly tenantId: string; readonly leadId: string; readonly userId: string };
/** What a NOTIFY on the presence channel carries. */
export type PresenceNote = { readonly tenantId: string; readonly leadId: string };

export const presenceInput = z.strictObject({ leadId: z.string().trim().min(1, 'Which lead: its id').max(100) });
export const parsePresenceInput = (input: unknown) => parseInput(presenceInput, input);

/** The page is open: counts the user on the lead for another 45 s; announces an arrival. */
export async function markPresent(db: Db, { tenantId, leadId, userId }: PresenceKey, now: Date): Promise<void> {
  const since = new Date(now.getTime() - PRESENCE_TTL_MS);
  await db.$executeRaw`
    WITH before AS (
      SELECT last_seen > ${since} AS present FROM live_presence
      WHERE tenant_id = ${tenantId} AND lead_id = ${leadId} AND user_id = ${userId}
    ), upsert AS (
      INSERT INTO live_presence (tenant_id, lead_id, user_id, last_seen) VALUES (${tenantId}, ${leadId}, ${userId}, ${now})
      ON CONFLICT (tenant_id, lead_id, user_id) DO UPDATE SET last_seen = EXCLUDED.last_seen
    )
    SELECT pg_notify(${PRESENCE_CHANNEL}, json_build_object('tenantId', ${tenantId}::text, 'leadId', ${leadId}::text)::text)
    WHERE NOT EXISTS (SELECT 1 FROM before WHERE present)`;
}

/** The page was closed: the user no longer counts; announces the departure. */
export async function markGone(db: Db, { tenantId, leadId, userId }: PresenceKey): Promise<void> {
  await db.$executeRaw`
    WITH gone AS (
      DELETE FROM live_presence WHERE tenant_id = ${tenantId} AND lead_id = ${leadId} AND user_id = ${userId} RETURNING 1
    )
    SELECT pg_notify(${PRESENCE_CHANNEL}, json_build_object('tenantId', ${tenantId}::text, 'leadId', ${leadId}::text)::text)
    WHERE EXISTS (SELECT 1 FROM gone)`;
}

/** The users with the lead open now, by id; rows long expired are cleared on the way. */
export async function presentOn(db: Db, tenantId: string, leadId: string, now: Date): Promise<string[]> {
  const since = new Date(now.getTime() - PRESENCE_TTL_MS);
  await db.$executeRaw`DELETE FROM live_presence WHERE tenant_id = ${tenantId} AND lead_id = ${leadId} AND last_seen <= ${since}`;
  const rows = await db.$queryRaw<{ user_id: string }[]>`
    SELECT user_id FROM live_presence WHERE tenant_id = ${tenantId} AND lead_id = ${leadId} AND last_seen > ${since} ORDER BY user_id`;
  return rows.map((row) => row.user_id);
}

/** A presence NOTIFY's payload, or null when it is not one. */
export function parsePresenceNote(payload: string | undefined): PresenceNote | null {
  try {
    const note = JSON.parse(payload ?? '') as Partial<PresenceNote>;
    return typeof note.tenantId === 'string' && typeof note.leadId === 'string' ? { tenantId: note.tenantId, leadId: note.leadId } : null;
  } catch {
    return null;
  }
}

/** Who has the lead open now, with the names people read. */
export async function presenceOf(db: Db, tenantId: string, leadId: string, now: Date): Promise<LivePresence> {
  const [ids, names] = await Promise.all([presentOn(db, tenantId, leadId, now), actorNames(db, tenantId)]);
  return { leadId, viewers: ids.map((id) => ({ id, name: names.get(id) ?? id })) };
}

/** Tells the browsers of each tenant listening to `hub` who is on the leads whose presence changed. */
export async function announcePresence(hub: Pick<LiveHub, 'serves' | 'announce'>, db: Db, notifications: readonly Notification[]): Promise<void> {
  const notes = notifications.filter((note) => note.channel === PRESENCE_CHANNEL).map((note) => parsePresenceNote(note.payload));
  const changed = new Map(notes.flatMap((note) => (note && hub.serves(note.tenantId) ? [[`${note.tenantId} ${note.leadId}`, note] as const] : [])));
  const now = new Date();
  for (const { tenantId, leadId } of changed.values()) hub.announce(tenantId, await presenceOf(db, tenantId, leadId, now));
}
