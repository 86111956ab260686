// How many events an export with these filters holds now: shown on the export page next to the
// progress bar. (Events appended meanwhile may make the download a little longer.)
import type { Db } from '@/lib/db/client';
import type { ExportFilter } from './params';
import { exportCountQuery } from './query';

export async function countExportEvents(db: Db, tenantId: string, after: bigint, filter: ExportFilter): Promise<{ count: number; lastPosition: string }> {
  const rows = await db.$queryRaw<{ count: string; last: string }[]>(exportCountQuery(tenantId, after, filter));
  return { count: Number(rows[0]!.count), lastPosition: rows[0]!.last };
}
