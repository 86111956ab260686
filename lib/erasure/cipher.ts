// AES-256-GCM from node:crypto, for two jobs: a personal value sealed under its lead's data key
// (stored as `enc:v1:<base64 of iv | tag | ciphertext>`, bound to its stream so an envelope copied
// into another stream does not open), and a data key wrapped under the master key.
import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
/** What a sealed value starts with; a value of any other form is stored plaintext (older events). */
export const ENVELOPE_PREFIX = 'enc:v1:';
/** What a personal value reads as once its key is gone. */
export { ERASED_VALUE as ERASED } from '@/lib/event-store/registry';

// Keys and IVs come from the system's CSPRNG 64 KB at a time: an import seals five values a row,
// and one system call each cost more than the encryption. Bytes handed out are wiped from the pool.
const POOL_BYTES = 64 * 1024;
const pool = Buffer.alloc(POOL_BYTES);
let drawn = POOL_BYTES;

function randomBytes(count: number): Buffer {
  if (drawn + count > POOL_BYTES) {
    randomFillSync(pool);
    drawn = 0;
  }
  const bytes = Buffer.from(pool.subarray(drawn, drawn + count));
  pool.fill(0, drawn, drawn + count);
  drawn += count;
  return bytes;
}

export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

function seal(key: Buffer, plaintext: Buffer, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer, context: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('Sealed value is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** A personal value as stored: sealed under the stream's data key. */
export const encryptValue = (key: Buffer, value: string, streamId: string): string =>
  ENVELOPE_PREFIX + seal(key, Buffer.from(value, 'utf8'), streamId).toString('base64');

export const isEnvelope = (value: unknown): value is string => typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);

/** The value an envelope holds; throws if the key or the stream is not the one it was sealed with. */
export const decryptValue = (key: Buffer, envelope: string, streamId: string): string =>
  open(key, Buffer.from(envelope.slice(ENVELOPE_PREFIX.length), 'base64'), streamId).toString('utf8');

/** A data key as the keys table holds it: sealed under the master key, bound to its tenant and stream. */
export const wrapKey = (master: Buffer, dataKey: Buffer, owner: string): Buffer => seal(master, dataKey, `key:${owner}`);

export function unwrapKey(master: Buffer, wrapped: Buffer, owner: string): Buffer {
  const key = open(master, wrapped, `key:${owner}`);
  if (key.length !== KEY_BYTES) throw new Error('An unwrapped data key has the wrong length');
  return key;
}
