// Who of a tenant is deactivated, read from the staff streams in the log (lib/staff) at the moment
// of asking. The log is the one record of access: a deactivation takes effect the instant its event
// commits, and what the gate enforces can never disagree with what the audit log says. Each
// question is answered through the events' (tenant, stream, version) index: the latest event of one
// stream, or of each of a few hundred users' streams.
import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import type { EventStore } from '@/lib/event-store';
import { STAFF_STREAM_TYPE, staffStreamId } from '@/lib/staff/staff';

/** Whether the user's latest access change deactivated them. */
export async function isUserDeactivated(db: Db, tenantId: string, userId: string): Promise<boolean> {
  const [latest] = await db.$queryRaw<{ type: string }[]>`
    SELECT type FROM events
    WHERE tenant_id = ${tenantId} AND stream_id = ${staffStreamId(userId)} AND stream_type = ${STAFF_STREAM_TYPE}
    ORDER BY version DESC LIMIT 1`;
  return latest?.type === 'UserDeactivated';
}

/** Which of `userIds` are deactivated now. */
export async function deactivatedUserIds(db: Db, tenantId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const streams = userIds.map(staffStreamId);
  const rows = await db.$queryRaw<{ stream_id: string; type: string }[]>(Prisma.sql`
    SELECT DISTINCT ON (stream_id) stream_id, type FROM events
    WHERE tenant_id = ${tenantId} AND stream_id = ANY(${streams}::text[]) AND stream_type = ${STAFF_STREAM_TYPE}
    ORDER BY stream_id, version DESC`);
  const byStream = new Map(userIds.map((id) => [staffStreamId(id), id]));
  return new Set(rows.filter((row) => row.type === 'UserDeactivated').map((row) => byStream.get(row.stream_id)!));
}

export type AccessChange = {
  readonly userId: string;
  readonly change: 'deactivated' | 'reactivated';
  readonly reason: string;
  /** The admin who made the change. */
  readonly by: string | null;
  readonly at: string;
};

/** Every access change of the users, newest first: the admin page's access history. */
export async function accessHistory(store: EventStore, tenantId: string, userIds: readonly string[]): Promise<AccessChange[]> {
  const events = await store.readStreams(userIds.map((userId) => ({ tenantId, streamId: staffStreamId(userId) })));
  return events
    .filter((event) => event.streamType === STAFF_STREAM_TYPE)
    .map((event) => {
      const data = event.data as { userId: string; reason: string };
      return {
        userId: data.userId,
        change: event.type === 'UserDeactivated' ? ('deactivated' as const) : ('reactivated' as const),
        reason: data.reason,
        by: event.metadata.actor ?? null,
        at: event.occurredAt.toISOString(),
        position: event.position,
      };
    })
    .sort((a, b) => (a.position === b.position ? 0 : a.position > b.position ? -1 : 1))
    .map(({ position: _position, ...change }) => change);
}
