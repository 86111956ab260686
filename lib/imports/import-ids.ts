// The ids an import writes under, derived from what is imported: the same rows give the same
// import id, and each row the same command id and lead id, however often the import is run.
import { createHash } from 'node:crypto';
import type { MappedRecord } from './mapping';

const sha256 = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/** A UUID (version 8: custom, here SHA-256 based) from the first 128 bits of a hex digest. */
export function uuidFromDigest(hex: string): string {
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${variant}${hex.slice(17, 32)}`;
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * The import id of rows taken one at a time as an upload arrives: the digest of the kind, the
 * tenant and the rows' JSON, the same as importIdFor gives for the same rows, without holding
 * them. Lead imports leave the kind out, so a lead file imported before keeps its id.
 */
export function importIdHasher(tenantId: string, kind = 'leads') {
  const hash = createHash('sha256').update(kind === 'leads' ? `import\u0000${tenantId}\u0000[` : `import\u0000${kind}\u0000${tenantId}\u0000[`);
  let rows = 0;
  return {
    add(record: MappedRecord) {
      hash.update(`${rows++ === 0 ? '' : ','}${JSON.stringify(record)}`);
    },
    importId: () => uuidFromDigest(hash.update(']').digest('hex')),
  };
}

/** The import of these rows (as mapped) into this tenant. The file name does not count: a renamed copy is the same import. */
export function importIdFor(tenantId: string, records: readonly MappedRecord[], kind = 'leads'): string {
  const hasher = importIdHasher(tenantId, kind);
  for (const record of records) hasher.add(record);
  return hasher.importId();
}

export const rowCommandId = (importId: string, rowIndex: number) => `${importId}-${rowIndex}`;

export const rowLeadId = (importId: string, rowIndex: number) => uuidFromDigest(sha256('lead', importId, String(rowIndex)));
