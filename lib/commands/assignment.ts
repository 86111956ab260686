// Gives a new lead without an owner to an agent by its source's assignment rule (lib/dialing/
// assignment.ts): the rule's agents who are active now, and for round-robin whose turn it is, kept
// per rule in one atomic counter so that several server processes share the turns.
import { chooseAgent, ruleFor, ruleName } from '@/lib/dialing/assignment';
import type { DialingRules } from '@/lib/dialing/rules';
import type { Db } from '@/lib/db/client';
import { assignableUsers } from '@/lib/read/organisation/users';

export type Assignment = { readonly ownerId: string; readonly rule: string };
export type Assigner = (tenantId: string, source: string) => Promise<Assignment | null>;

export function createAssigner(db: Db, rules: (tenantId: string) => Promise<DialingRules>): Assigner {
  return async (tenantId, source) => {
    const rule = ruleFor((await rules(tenantId)).assignment, source);
    if (!rule) return null;
    const active = new Set((await assignableUsers(db, tenantId)).map((user) => user.id));
    const name = ruleName(rule);
    const turn = rule.mode === 'round-robin' ? await nextTurn(db, tenantId, name) : 0;
    const ownerId = chooseAgent(rule, active, turn, Math.random());
    return ownerId ? { ownerId, rule: name } : null;
  };
}

async function nextTurn(db: Db, tenantId: string, rule: string): Promise<number> {
  const [row] = await db.$queryRaw<{ turns: bigint }[]>`
    INSERT INTO assignment_turns (tenant_id, rule, turns) VALUES (${tenantId}, ${rule}, 1)
    ON CONFLICT (tenant_id, rule) DO UPDATE SET turns = assignment_turns.turns + 1
    RETURNING turns`;
  return Number(row!.turns - 1n);
}
