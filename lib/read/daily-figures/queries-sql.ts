// Pieces shared by the daily figures' queries: which scope's rows a filter reads, and the range of days.
import { Prisma } from '@/lib/generated/prisma/client';
import type { ActorAndSource } from '@/lib/read/status-history/queries';
import type { Scope } from './fold';

/** A range of whole UTC days: `from` at a midnight (inclusive), `to` at a later one (exclusive). */
export type DayWindow = { readonly from: Date; readonly to: Date };

const DAY_MS = 86_400_000;
export const dayOf = (moment: Date) => moment.toISOString().slice(0, 10);

/** `AND column BETWEEN the window's first and last day`. `column` is a trusted identifier. */
export function inDays(column: string, { from, to }: DayWindow): Prisma.Sql {
  if (from.getTime() % DAY_MS !== 0 || to.getTime() % DAY_MS !== 0) throw new Error('The daily figures are read for whole UTC days only');
  return Prisma.sql`AND ${Prisma.raw(column)} >= ${dayOf(from)}::date AND ${Prisma.raw(column)} <= ${dayOf(new Date(to.getTime() - DAY_MS))}::date`;
}

/** The rows of the one scope that holds exactly what the filters keep. */
export function inScope({ agent, source }: ActorAndSource): Prisma.Sql {
  const scope: Scope = agent === undefined ? (source === undefined ? 'all' : 'source') : source === undefined ? 'agent' : 'agent+source';
  return Prisma.sql`scope = ${scope} AND agent_id = ${agent ?? ''} AND source = ${source ?? ''}`;
}

/** Callbacks are kept per agent who set them: every agent's rows, or one agent's, with or without the source. */
export function inAgentScope({ agent, source }: ActorAndSource): Prisma.Sql {
  const scope: Scope = source === undefined ? 'agent' : 'agent+source';
  return Prisma.sql`scope = ${scope} ${agent === undefined ? Prisma.empty : Prisma.sql`AND agent_id = ${agent}`} AND source = ${source ?? ''}`;
}
