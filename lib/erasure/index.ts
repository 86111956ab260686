// Personal data in the log (docs/erasure.md): the keys, the store's guard, and erasure.
import { createPersonalDataGuard } from './guard';
import { createKeyStore } from './key-store';
import { masterKey } from './master-key';

/** The keys table and the store's guard over it, under the master key (read when first needed). */
export function createPersonalData(master: () => Buffer = memo(masterKey)) {
  const keys = createKeyStore(master);
  return { keys, guard: createPersonalDataGuard(keys) };
}

export type PersonalData = ReturnType<typeof createPersonalData>;

function memo<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

export { ERASED } from './cipher';
