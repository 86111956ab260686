// Endpoints' signing secrets, in the Standard Webhooks form (`whsec_` and 24 random bytes in
// base64). Kept in their own table, never in an event: the log is exported as it is, and a secret
// in it would be in every export and every backup of it forever. The log records only that a secret
// was rotated; the admin sees the secret once, when it is made.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';

export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export async function storeSecret(db: Db, tenantId: string, endpointId: string, secret: string): Promise<void> {
  await db.webhookSecret.upsert({
    where: { tenantId_endpointId: { tenantId, endpointId } },
    create: { tenantId, endpointId, secret },
    update: { secret, createdAt: new Date() },
  });
}
