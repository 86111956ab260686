import 'server-only';
import type { Db } from '@/lib/db/client';
import { isRegion, type Region } from '@/lib/leads/contact';

/** The region a tenant's phone numbers are read in when typed without a country code. */
export async function tenantRegion(db: Db, tenantId: string): Promise<Region> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { defaultRegion: true } });
  const region = tenant?.defaultRegion ?? 'GB';
  return isRegion(region) ? region : 'GB';
}
