import 'server-only';
// A manager blocks or unblocks a number: the input is read in the tenant's phone region, decided
// by the do-not-call aggregate (lib/do-not-call) and stored as an event of the number's own
// stream, with the manager as its actor. The inline read model is written in the same transaction,
// so every agent sees the number blocked the moment this returns.
import { randomUUID } from 'node:crypto';
import { dncAggregate } from '@/lib/do-not-call/aggregate';
import { dncStreamId, type DncCommand, type DncSource } from '@/lib/do-not-call/do-not-call';
import { numberChangeInput } from '@/lib/do-not-call/input';
import type { EventStore } from '@/lib/event-store';
import { parseInput } from '@/lib/input/validation';
import { tenantRegion } from '@/lib/read/organisation/tenant';
import { handleCommand } from './handle-command';

export type NumberChangeOutcome = { readonly phone: string; readonly blocked: boolean; readonly duplicate: boolean };

type Caller = { readonly tenantId: string; readonly id: string };

/**
 * `input`: `{ phone, reason }` as a person typed them. A malformed number or a missing reason is a
 * ValidationError naming the field, and nothing is stored; blocking a blocked number or unblocking
 * a free one is refused by the aggregate.
 */
export async function changeNumber(
  store: EventStore,
  caller: Caller,
  change: 'block' | 'unblock',
  input: unknown,
  { now = new Date(), source = 'manual', commandId = randomUUID() }: { now?: Date; source?: DncSource; commandId?: string } = {},
): Promise<NumberChangeOutcome> {
  const { phone, reason } = parseInput(numberChangeInput(await tenantRegion(store.db, caller.tenantId)), input);
  const command: DncCommand = change === 'block'
    ? { type: 'BlockNumber', data: { phone: phone.e164, reason, source } }
    : { type: 'UnblockNumber', data: { phone: phone.e164, reason } };
  const result = await handleCommand(store, dncAggregate, {
    tenantId: caller.tenantId, streamId: dncStreamId(phone.e164), command, commandId, actor: caller.id, now,
  });
  return { phone: phone.e164, blocked: change === 'block', duplicate: result.duplicate };
}
