import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EventRegistry } from './registry';
import type { StoredEvent } from './types';

export type Tx = Prisma.TransactionClient;

/** A read model written in the append's own transaction, so a writer always reads its own change. */
export type InlineProjection = {
  readonly name: string;
  apply(tx: Tx, events: readonly StoredEvent[]): Promise<void>;
};

export type StoreContext = {
  readonly db: Db;
  readonly registry: EventRegistry;
  readonly inlineProjections: readonly InlineProjection[];
};
