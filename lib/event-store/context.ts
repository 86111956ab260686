import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { StoredEvent } from './types';
import type { UpcasterRegistry } from './upcasters';

export type Tx = Prisma.TransactionClient;

/** A read model written in the append's own transaction, so a writer always reads its own change. */
export type InlineProjection = {
  readonly name: string;
  apply(tx: Tx, events: readonly StoredEvent[]): Promise<void>;
};

export type StoreContext = {
  readonly db: Db;
  readonly upcasters: UpcasterRegistry;
  readonly inlineProjections: readonly InlineProjection[];
};
