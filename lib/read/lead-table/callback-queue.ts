// The callback queue: leads with a follow-up that is overdue, due today or due in the next seven
// days, soonest first. "Today" ends at midnight UTC, as for the header's badge
// (app/api/queue/count), so the badge counts exactly the overdue and due-today rows of "Mine".
import type { Db } from '@/lib/db/client';

export type QueueScope = 'mine' | 'team';
export const QUEUE_SECTIONS = ['overdue', 'dueToday', 'upcoming'] as const;
export type QueueSection = (typeof QUEUE_SECTIONS)[number];

export type Callback = {
  readonly leadId: string;
  readonly name: string;
  readonly status: string;
  readonly dueAt: string;
  readonly ownerId: string | null;
};

export type CallbackQueue = Record<QueueSection, { readonly callbacks: readonly Callback[]; readonly total: number }>;

/** Rows shown per section; the total says how many more there are. */
export const SECTION_LIMIT = 200;
const DAY = 86_400_000;

/** Where each section starts and ends: overdue before `now`, due today until midnight UTC, upcoming a week after. */
export function queueWindows(now: Date): Record<QueueSection, { from?: Date; to: Date }> {
  const endOfToday = new Date(now);
  endOfToday.setUTCHours(23, 59, 59, 999);
  return {
    overdue: { to: new Date(now.getTime() - 1) },
    dueToday: { from: now, to: endOfToday },
    upcoming: { from: new Date(endOfToday.getTime() + 1), to: new Date(endOfToday.getTime() + 7 * DAY) },
  };
}

export async function callbackQueue(
  db: Db,
  { tenantId, userId, scope, now = new Date() }: { tenantId: string; userId: string; scope: QueueScope; now?: Date },
): Promise<CallbackQueue> {
  const windows = queueWindows(now);
  const section = async (name: QueueSection) => {
    const where = {
      tenantId,
      mergedInto: null,
      ...(scope === 'mine' ? { ownerId: userId } : {}),
      followUpAt: { gte: windows[name].from, lte: windows[name].to },
    };
    const [rows, total] = await Promise.all([
      db.leadView.findMany({
        where,
        select: { leadId: true, name: true, status: true, followUpAt: true, ownerId: true },
        orderBy: [{ followUpAt: 'asc' }, { name: 'asc' }, { leadId: 'asc' }],
        take: SECTION_LIMIT,
      }),
      db.leadView.count({ where }),
    ]);
    return { callbacks: rows.map(({ followUpAt, ...row }) => ({ ...row, dueAt: followUpAt!.toISOString() })), total };
  };
  const [overdue, dueToday, upcoming] = await Promise.all(QUEUE_SECTIONS.map(section));
  return { overdue: overdue!, dueToday: dueToday!, upcoming: upcoming! };
}

/** The header's badge: the user's callbacks overdue or due by the end of today (UTC), exactly the "Mine" queue's first two sections. */
export async function dueCallbackCount(db: Db, { tenantId, userId, now = new Date() }: { tenantId: string; userId: string; now?: Date }): Promise<number> {
  return db.leadView.count({ where: { tenantId, mergedInto: null, ownerId: userId, followUpAt: { lte: queueWindows(now).dueToday.to } } });
}
