import { describe, expect, it } from 'vitest';
import { chooseAgent, ruleFor, ruleName } from './assignment';
import type { AssignmentRule } from './rules';

const roundRobin: AssignmentRule = { source: 'web', mode: 'round-robin', agents: [{ userId: 'ana', weight: 1 }, { userId: 'ben', weight: 1 }, { userId: 'cleo', weight: 1 }] };
const weighted: AssignmentRule = { source: '*', mode: 'weighted', agents: [{ userId: 'ana', weight: 3 }, { userId: 'ben', weight: 1 }] };
const everyone = new Set(['ana', 'ben', 'cleo']);

describe('assigning new leads', () => {
  it('takes the source\u2019s own rule, else the rule for every source, else none', () => {
    expect(ruleFor([roundRobin, weighted], 'web')).toBe(roundRobin);
    expect(ruleFor([roundRobin, weighted], 'fair')).toBe(weighted);
    expect(ruleFor([roundRobin], 'fair')).toBeNull();
    expect(ruleName(roundRobin)).toBe('round-robin:web');
  });

  it('goes round the active agents in turn, skipping a deactivated one', () => {
    expect([0, 1, 2, 3].map((turn) => chooseAgent(roundRobin, everyone, turn, 0))).toEqual(['ana', 'ben', 'cleo', 'ana']);
    expect([0, 1, 2].map((turn) => chooseAgent(roundRobin, new Set(['ana', 'cleo']), turn, 0))).toEqual(['ana', 'cleo', 'ana']);
  });

  it('draws by weight: three in four to an agent of weight 3 beside one of weight 1', () => {
    expect([0, 0.5, 0.74, 0.75, 0.99].map((draw) => chooseAgent(weighted, everyone, 0, draw))).toEqual(['ana', 'ana', 'ana', 'ben', 'ben']);
  });

  it('assigns nobody when none of the rule\u2019s agents is active', () => {
    expect(chooseAgent(roundRobin, new Set(), 0, 0)).toBeNull();
  });
});
