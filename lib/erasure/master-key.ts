// The master key that wraps every lead's data key: LEADSTREAM_MASTER_KEY (64 hex digits or base64
// of 32 bytes), else one made once and kept in .data/master-key (the embedded default, like the
// session secret). Read when first needed, not at import: scripts load the composition root too.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_BYTES } from './cipher';

export const MASTER_KEY_FILE = path.join('.data', 'master-key');

/** The master key as text: from the environment, else from (or newly into) .data/master-key. */
export function masterKeyText(env: NodeJS.ProcessEnv = process.env, file = path.resolve(MASTER_KEY_FILE)): string {
  if (env.LEADSTREAM_MASTER_KEY) return env.LEADSTREAM_MASTER_KEY;
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': two processes starting at once keep the first one's key.
    try {
      fs.writeFileSync(file, randomBytes(KEY_BYTES).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The master key's 32 bytes; a value of any other length is refused, naming the variable. */
export function parseMasterKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`LEADSTREAM_MASTER_KEY must be ${KEY_BYTES} bytes (64 hex digits or base64)`);
  return key;
}

export const masterKey = (): Buffer => parseMasterKey(masterKeyText());
