import 'server-only';
// "Next lead": the best lead an agent may call now, claimed for them for the tenant's claim time
// (docs/dialing.md). Candidates come in tier order from the lead table; each is checked against its
// calling hours, then claimed through the Lead's own rules (ClaimLead decides with the full state,
// so no two agents ever hold one lead). Agents pressing Next at the same moment reach for the same
// few leads: each skips a lead another agent is claiming right now (a try-lock) instead of waiting
// for it, and after a collision takes the rest of the most due leads in a random order.
import { randomUUID } from 'node:crypto';
import { dialingContextFor, leadClock } from '@/lib/dialing/context';
import { inTransaction } from '@/lib/db/client';
import type { DialingRules } from '@/lib/dialing/rules';
import { ConcurrencyError, IllegalStateError } from '@/lib/errors';
import { createEventStore } from '@/lib/event-store';
import { Prisma } from '@/lib/generated/prisma/client';
import { CLAIM_TIERS, leadAggregate, type ClaimLead, type ClaimTier, type Lead } from '@/lib/leads';
import { dialingCandidates, heldLead, type Candidate } from '@/lib/read/lead-table/dialing-candidates';
import type { System } from '@/lib/system';
import { handleCommand } from './handle-command';

export type NextLead =
  | { readonly kind: 'claimed'; readonly leadId: string; readonly tier: ClaimTier | 'held'; readonly collisions: number }
  | { readonly kind: 'none'; readonly collisions: number };

const PAGE = 50;
const MAX_PAGES = 6;
/** Past this many collisions in one request the pool is as good as dry for this agent right now. */
const MAX_COLLISIONS = 200;

export async function nextLead(system: System, tenantId: string, agentId: string, now = new Date()): Promise<NextLead> {
  const held = await heldLead(system.db, tenantId, agentId, now);
  if (held) return { kind: 'claimed', leadId: held, tier: 'held', collisions: 0 };

  const rules = await system.dialing.rules(tenantId);
  const sourceGroups = priorityGroups(rules.sourcePriorities);
  const tried: string[] = [];
  let collisions = 0;
  for (const tier of CLAIM_TIERS) {
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const candidates = await dialingCandidates(system.db, tier, { tenantId, agentId, now, limit: PAGE, exclude: tried, sourceGroups });
      if (candidates.length === 0) break;
      // In order while nobody else reaches for the same leads. Once someone does, the page is read
      // again (the leads claimed meanwhile drop out of it) and taken in a random order, so agents
      // pressing Next at once spread over the most due leads instead of queueing behind each other.
      const queue = [...candidates];
      let collided = false;
      while (queue.length > 0 && !collided) {
        const candidate = queue.splice(collisions > 0 ? Math.floor(Math.random() * queue.length) : 0, 1)[0]!;
        tried.push(candidate.leadId);
        if (!(await openNow(system, rules, candidate, now))) continue;
        const outcome = await tryClaim(system, tenantId, agentId, candidate, now, rules);
        if (outcome === 'claimed') return { kind: 'claimed', leadId: candidate.leadId, tier, collisions };
        if (outcome === 'taken') {
          collisions++;
          collided = true;
        }
      }
      if (!collided && candidates.length < PAGE) break;
      if (collided) pages--; // a page read again after a collision is not a new page
      if (collisions > MAX_COLLISIONS) return { kind: 'none', collisions };
    }
  }
  return { kind: 'none', collisions };
}

/** Whether the candidate's calling hours are open now (the claim checks everything else). */
async function openNow(system: System, rules: DialingRules, candidate: Candidate, now: Date): Promise<boolean> {
  const clock = await leadClock(system.dialing, rules, candidate.phones, candidate.timeZone);
  return clock.window(now).open;
}

type ClaimOutcome = 'claimed' | 'taken' | 'not-callable';

/**
 * Claims the lead unless another agent is claiming it right now or it may not be called. The lock,
 * the load and the append are one transaction on one connection: a claim never waits for a second
 * connection while holding the first, and the lock goes with the commit.
 */
async function tryClaim(system: System, tenantId: string, agentId: string, candidate: Candidate, now: Date, rules: DialingRules): Promise<ClaimOutcome> {
  return system.db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>(Prisma.sql`SELECT pg_try_advisory_xact_lock(hashtext(${tenantId}), hashtext(${candidate.leadId})) AS locked`);
    if (!lock?.locked) return 'taken';
    const command: ClaimLead = { type: 'ClaimLead', data: { agentId, tier: candidate.tier }, metadata: { now } };
    const db = inTransaction(tx);
    const store = createEventStore(db, { registry: system.registry, inlineProjections: system.projections.inline, personalData: system.personalData.guard });
    const sources = system.dialingWithin(db, rules);
    try {
      await handleCommand(store, leadAggregate, {
        tenantId, streamId: candidate.leadId, command, commandId: randomUUID(), actor: agentId, now,
      }, {
        maxAttempts: 1, // a claim that lost a race is not retried: the next candidate is tried instead
        prepare: async (pending: ClaimLead, state: Lead) =>
          state.kind === 'registered' ? { ...pending, metadata: { ...pending.metadata, dialing: await dialingContextFor(sources, tenantId, state) } } : pending,
      });
      return 'claimed';
    } catch (error) {
      if (error instanceof ConcurrencyError) return 'taken';
      if (error instanceof IllegalStateError) return error.code === 'lead.not-callable' && /claimed/.test(String(error.details.params?.why)) ? 'taken' : 'not-callable';
      throw error;
    }
  }, { timeout: 30_000 });
}

/** Sources grouped by priority, highest first, with "every other source" at priority 0. */
function priorityGroups(priorities: Readonly<Record<string, number>>) {
  const levels = [...new Set([0, ...Object.values(priorities)])].sort((a, b) => b - a);
  // Sources listed at 0 are among "every other source".
  return levels.map((level) => ({
    sources: level === 0 ? [] : Object.entries(priorities).filter(([, priority]) => priority === level).map(([source]) => source),
    others: level === 0,
  }));
}
