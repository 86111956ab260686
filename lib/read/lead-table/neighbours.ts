import 'server-only';
// The leads before and after one lead in the list or queue it was opened from, and its place there:
// the lead page's "Previous", "Next" and "3 of 120". Read in the list's own order (the same filters
// and ORDER as the list page), counted no further than the list counts (COUNT_CAP), so the browser
// never holds the list.
import type { Db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { queueWindows } from './callback-queue';
import { ORDER, ownerJoin, whereClause, type Viewer } from './leads-list';
import { COUNT_CAP } from './list-params';
import type { ListOrigin } from './list-origin';

export type Neighbours = {
  /** 1-based place of the lead in its list. */
  readonly position: number;
  /** Leads in the list, at most COUNT_CAP + 1 (read "10,000+" beyond the cap). */
  readonly total: number;
  readonly capped: boolean;
  readonly previousId: string | null;
  readonly nextId: string | null;
};

/** The lead's neighbours in `origin`, or null when the lead is not (or no longer) in it. */
export async function leadNeighbours(db: Db, viewer: Viewer, origin: ListOrigin, leadId: string, now = new Date()): Promise<Neighbours | null> {
  const ordered = origin.kind === 'list' ? listOrder(viewer, origin.params, now) : queueOrder(viewer, origin.scope, now);
  const [row] = await db.$queryRaw<{ position: bigint; total: bigint; previous_id: string | null; next_id: string | null }[]>`
    WITH ordered AS (${ordered})
    SELECT me.position, (SELECT count(*) FROM ordered) AS total, previous.lead_id AS previous_id, next.lead_id AS next_id
    FROM ordered me
    LEFT JOIN ordered previous ON previous.position = me.position - 1
    LEFT JOIN ordered next ON next.position = me.position + 1
    WHERE me.lead_id = ${leadId}`;
  if (!row) return null;
  const total = Number(row.total);
  return { position: Number(row.position), total, capped: total > COUNT_CAP, previousId: row.previous_id, nextId: row.next_id };
}

function listOrder(viewer: Viewer, params: Extract<ListOrigin, { kind: 'list' }>['params'], now: Date): Prisma.Sql {
  const order = ORDER[params.sort](params.dir);
  return Prisma.sql`
    SELECT l.lead_id, row_number() OVER (ORDER BY ${order}) AS position
    FROM leads l ${params.sort === 'owner' ? ownerJoin : Prisma.empty}
    WHERE ${whereClause(viewer, params, now)}
    ORDER BY ${order}
    LIMIT ${COUNT_CAP + 1}`;
}

/** The queue's three sections one after the other: every callback due by the end of the coming week, soonest first. */
function queueOrder(viewer: Viewer, scope: 'mine' | 'team', now: Date): Prisma.Sql {
  const order = Prisma.sql`l.follow_up_at ASC, l.name ASC, l.lead_id ASC`;
  const mine = scope === 'mine' ? Prisma.sql`AND l.owner_id = ${viewer.id}` : Prisma.empty;
  return Prisma.sql`
    SELECT l.lead_id, row_number() OVER (ORDER BY ${order}) AS position
    FROM leads l
    WHERE l.tenant_id = ${viewer.tenantId} ${mine} AND l.follow_up_at <= ${queueWindows(now).upcoming.to}
    ORDER BY ${order}
    LIMIT ${COUNT_CAP + 1}`;
}
