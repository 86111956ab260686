// Candidate pairs gathered into groups: leads linked by any chain of candidate pairs are one group,
// as strong as its strongest pair. Pure.
import { strengthOf, type Reason, type Strength, type Verdict } from './score';

export type CandidatePair = { readonly a: string; readonly b: string; readonly verdict: Verdict };

export type DuplicateGroup = {
  readonly leadIds: readonly string[];
  readonly score: number;
  readonly strength: Strength;
  readonly pairs: readonly { readonly a: string; readonly b: string; readonly score: number; readonly reasons: readonly Reason[] }[];
};

/** Groups, strongest first; among equals, larger groups first, then by their first lead id. */
export function groupPairs(pairs: readonly CandidatePair[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let top = id;
    while (parent.get(top) !== top) top = parent.get(top) ?? top;
    parent.set(id, top);
    return top;
  };
  for (const { a, b } of pairs) {
    for (const id of [a, b]) if (!parent.has(id)) parent.set(id, id);
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const byRoot = new Map<string, CandidatePair[]>();
  for (const pair of pairs) {
    const members = byRoot.get(root(pair.a));
    if (members) members.push(pair);
    else byRoot.set(root(pair.a), [pair]);
  }

  const groups = [...byRoot.values()].map((members): DuplicateGroup => {
    const ordered = [...members].sort((x, y) => y.verdict.score - x.verdict.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
    const score = ordered[0]!.verdict.score;
    return {
      leadIds: [...new Set(ordered.flatMap(({ a, b }) => [a, b]))].sort(),
      score,
      strength: strengthOf(score),
      pairs: ordered.map(({ a, b, verdict }) => ({ a, b, score: verdict.score, reasons: verdict.reasons })),
    };
  });
  return groups.sort((x, y) => y.score - x.score || y.leadIds.length - x.leadIds.length || x.leadIds[0]!.localeCompare(y.leadIds[0]!));
}
