// A blocked number whose person's data was erased stays on the do-not-call list as a keyed hash of
// the number (HMAC-SHA256 under the master key, per tenant): the list still matches the number when
// it is dialled again, and no longer holds it.
import { createHmac } from 'node:crypto';
import { masterKey } from './master-key';

/** How a hashed number is stored: `h:` and 43 base64url characters. */
export const HASHED_NUMBER = /^h:[A-Za-z0-9_-]{43}$/;

let master: Buffer | undefined;

/** The hash the list holds for `e164` of the tenant once the person who gave it was erased. */
export function hashedNumber(tenantId: string, e164: string): string {
  master ??= masterKey();
  return `h:${createHmac('sha256', master).update(`do-not-call\u0000${tenantId}\u0000${e164}`).digest('base64url')}`;
}
