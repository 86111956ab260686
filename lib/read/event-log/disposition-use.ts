import 'server-only';
// Which disposition codes leads' call histories hold: a code that is there may be relabelled but
// not removed from the dialing rules, or the history would hold a code nobody can read. Asked only
// when a manager removes dispositions, and only about the codes removed.
import { Prisma } from '@/lib/generated/prisma/client';
import type { Db } from '@/lib/db/client';
import { LEAD_STREAM_TYPE } from '@/lib/leads';

export async function dispositionCodesInUse(db: Db, tenantId: string, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.$queryRaw<{ code: string }[]>(Prisma.sql`
    SELECT DISTINCT data->>'outcome' AS code FROM events
    WHERE tenant_id = ${tenantId} AND stream_type = ${LEAD_STREAM_TYPE} AND type = 'CallOutcomeRecorded'
      AND data->>'outcome' = ANY(${codes}::text[])`);
  return rows.map((row) => row.code).sort();
}
