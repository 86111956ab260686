import 'server-only';
// One lead's row of the lead table: the lead as it is now, with the version every edit sends.
import type { Db } from '@/lib/db/client';
import type { LeadStatus, Phone } from '@/lib/leads/lead';

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
  /** The lead this one was merged into: its page leads there. */
  readonly mergedInto: string | null;
};

/** Null when the tenant has no such lead. */
export async function leadById(db: Db, tenantId: string, leadId: string): Promise<LeadNow | null> {
  const row = await db.leadView.findUnique({ where: { tenantId_leadId: { tenantId, leadId } } });
  if (!row) return null;
  return {
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
    mergedInto: row.mergedInto,
  };
}
