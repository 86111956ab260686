// The do-not-call list: numbers nobody of the tenant may call. Each number is a stream of its own
// (`dnc:<E.164>`), so blocking and unblocking one number never waits on another, and the history
// of a number (who blocked it, why, from where; who lifted it and why) is its stream. Who and when
// are the events' actor and time. Pure: the time, the ids and the actor arrive on the command.
import { z } from 'zod';
import { IllegalStateError } from '@/lib/errors';

export const DNC_STREAM_TYPE = 'do-not-call';

/** One stream per number of a tenant; the prefix keeps it apart from leads and imports, whose ids are UUIDs. */
export const dncStreamId = (e164: string) => `dnc:${e164}`;

/** A number in E.164: what every entry, event and look-up holds. */
export const e164 = z.string().regex(/^\+[1-9]\d{1,14}$/, { error: 'Phone must be in E.164' });

/**
 * Where an entry came from: a manager's hand (`manual`), a call's disposition (`call`), another
 * system (`api`), or an import of a list (`import:<import id>`).
 */
export const DNC_SOURCES = ['manual', 'call', 'api'] as const;
export const dncSource = z.union([z.enum(DNC_SOURCES), z.string().regex(/^import:[0-9a-f-]{36}$/)]);
export type DncSource = z.output<typeof dncSource>;

export const importSource = (importId: string): DncSource => `import:${importId}`;

/** A number as its events hold it: E.164, or its hash once the person who gave it was erased (docs/erasure.md). */
const listedNumber = z.union([e164, z.string().regex(/^h:[A-Za-z0-9_-]{43}$/)]);

export const DNC_EVENT_SCHEMAS = {
  NumberBlocked: z.strictObject({ phone: listedNumber, reason: z.string().min(1), source: dncSource }),
  NumberUnblocked: z.strictObject({ phone: listedNumber, reason: z.string().min(1) }),
} as const;

type Schemas = typeof DNC_EVENT_SCHEMAS;
export type DncEvent = { [Type in keyof Schemas]: { type: Type; data: z.output<Schemas[Type]> } }[keyof Schemas];
export type NumberBlocked = Extract<DncEvent, { type: 'NumberBlocked' }>;

export const isDncEvent = <Event extends { type: string; data: unknown }>(event: Event): event is Event & DncEvent =>
  Object.hasOwn(DNC_EVENT_SCHEMAS, event.type);

// ---- State --------------------------------------------------------------------------------------

export type DncState =
  | { readonly blocked: false }
  | { readonly blocked: true; readonly reason: string; readonly source: DncSource };

export const initialDncState = (): DncState => ({ blocked: false });

export function evolveDnc(state: DncState, event: DncEvent): DncState {
  switch (event.type) {
    case 'NumberBlocked':
      return { blocked: true, reason: event.data.reason, source: event.data.source };
    case 'NumberUnblocked':
      return { blocked: false };
    default:
      return state;
  }
}

// ---- Commands -----------------------------------------------------------------------------------

export type BlockNumber = { readonly type: 'BlockNumber'; readonly data: { readonly phone: string; readonly reason: string; readonly source: DncSource } };
export type UnblockNumber = { readonly type: 'UnblockNumber'; readonly data: { readonly phone: string; readonly reason: string } };
export type DncCommand = BlockNumber | UnblockNumber;

export function decideDnc(command: DncCommand, state: DncState): DncEvent[] {
  switch (command.type) {
    case 'BlockNumber':
      return block(command.data, state);
    case 'UnblockNumber':
      return unblock(command.data, state);
    default: {
      const unknownCommand: never = command;
      throw new Error(`Unknown command ${(unknownCommand as { type: string }).type}`);
    }
  }
}

function block({ phone, reason, source }: BlockNumber['data'], state: DncState): DncEvent[] {
  if (state.blocked) throw new IllegalStateError('do-not-call.already-blocked', { field: 'phone', params: { phone } });
  return [{ type: 'NumberBlocked', data: { phone, reason, source } }];
}

function unblock({ phone, reason }: UnblockNumber['data'], state: DncState): DncEvent[] {
  if (!state.blocked) throw new IllegalStateError('do-not-call.not-blocked', { field: 'phone', params: { phone } });
  return [{ type: 'NumberUnblocked', data: { phone, reason } }];
}

// ---- Blocking a number as part of another command -------------------------------------------------

/**
 * For a lead command whose effect puts the dialled number on the list (a "do not call"
 * disposition): the event to append to the number's stream, in the same transaction as the lead's
 * own events, or null when the number is already blocked (nothing to add; the lead's events still
 * say what happened). `state` is the number's stream folded with `evolveDnc`.
 */
export function numberBlockedByCommand(
  entry: { readonly tenantId: string; readonly phone: string; readonly reason: string; readonly source: DncSource },
  state: DncState,
): { readonly stream: { readonly tenantId: string; readonly streamId: string; readonly streamType: string }; readonly event: NumberBlocked } | null {
  if (state.blocked) return null;
  const data = DNC_EVENT_SCHEMAS.NumberBlocked.parse({ phone: entry.phone, reason: entry.reason, source: entry.source });
  return {
    stream: { tenantId: entry.tenantId, streamId: dncStreamId(data.phone), streamType: DNC_STREAM_TYPE },
    event: { type: 'NumberBlocked', data },
  };
}
