// Who a new lead goes to when nobody named its owner: the assignment rule of its source (or the
// rule for every source, `*`), round-robin or weighted over the rule's agents who are still active
// (a deactivated agent is skipped). Pure: the turn and the draw come from the caller.
import type { AssignmentRule } from './rules';

/** The rule for a lead of `source`: its own, else the one for every source. */
export function ruleFor(rules: readonly AssignmentRule[], source: string): AssignmentRule | null {
  return rules.find((rule) => rule.source === source) ?? rules.find((rule) => rule.source === '*') ?? null;
}

/**
 * The agent for the `turn`-th lead of the rule (round-robin), or for a draw in [0, 1) (weighted);
 * null when none of the rule's agents is active.
 */
export function chooseAgent(rule: AssignmentRule, active: ReadonlySet<string>, turn: number, draw: number): string | null {
  const agents = rule.agents.filter((agent) => active.has(agent.userId));
  if (agents.length === 0) return null;
  if (rule.mode === 'round-robin') return agents[turn % agents.length]!.userId;
  const total = agents.reduce((sum, agent) => sum + agent.weight, 0);
  let point = draw * total;
  for (const agent of agents) {
    point -= agent.weight;
    if (point < 0) return agent.userId;
  }
  return agents.at(-1)!.userId;
}

/** How the rule is named in the LeadAssigned event it produces. */
export const ruleName = (rule: AssignmentRule) => `${rule.mode}:${rule.source}`;
