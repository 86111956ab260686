// The command log (processed_commands): the result of every command carried out, by (tenant,
// command id). A command sent again is answered from it; the same id with another command is refused.
import { Prisma } from '@/lib/generated/prisma/client';
import { IllegalStateError } from '@/lib/errors';
import type { StoreContext } from './context';
import type { AppendResult } from './types';

/** A command's row of the log, as one jsonb value (null when the id is new): for a load to carry in its own statement. */
export const commandRowSql = (tenantId: string, commandId: string): Prisma.Sql => Prisma.sql`
  (SELECT jsonb_build_object('result', result, 'payload_hash', payload_hash) FROM processed_commands
   WHERE tenant_id = ${tenantId} AND command_id = ${commandId})`;

export type CommandRow = { readonly result: SerialisedResult | Record<string, never>; readonly payload_hash: string | null };

/**
 * The result of a command already carried out, or null if this command id is new. Given the digest
 * of the command in hand, a different command recorded under the same id is refused.
 */
export async function findCommandResult(ctx: StoreContext, tenantId: string, commandId: string, commandHash?: string): Promise<AppendResult | null> {
  const [row] = await ctx.db.$queryRaw<CommandRow[]>`
    SELECT result, payload_hash FROM processed_commands WHERE tenant_id = ${tenantId} AND command_id = ${commandId}`;
  return commandResultOf(row ?? null, commandHash);
}

/** What findCommandResult makes of a row of the log, read there or carried by a load (commandRowSql). */
export function commandResultOf(row: CommandRow | null, commandHash?: string): AppendResult | null {
  const result = row?.result;
  if (!result || !('streamId' in result)) return null;
  // A client reused an id for another command: refused, never taken for a retry of the first.
  if (commandHash && row!.payload_hash && row!.payload_hash !== commandHash) throw new IllegalStateError('command.id-reused', { field: 'commandId' });
  return {
    streamId: result.streamId,
    nextExpectedVersion: result.nextExpectedVersion,
    firstPosition: BigInt(result.firstPosition),
    lastPosition: BigInt(result.lastPosition),
    duplicate: true,
  };
}

type SerialisedResult = { streamId: string; nextExpectedVersion: number; firstPosition: string; lastPosition: string };
