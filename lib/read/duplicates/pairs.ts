// The pairs a batch judged, as the duplicate_pairs rows they become: the pure rules of
// lib/duplicates/score.ts applied to what the read model found the two leads share.
import { describeKey } from '@/lib/duplicates/keys';
import { judgePair } from '@/lib/duplicates/score';

/** What two leads (a < b) share, as the projection's query finds it. */
export type PairFeatures = { tenant_id: string; a: string; b: string; keys: string[]; currents: boolean[]; name_similarity: number };

export type PairRow = { tenant_id: string; lead_a: string; lead_b: string; score: number; reasons: unknown };

/** The candidate pairs among them, with their score and reasons; pairs that are not candidates are left out. */
export function judgedPairs(features: readonly PairFeatures[]): PairRow[] {
  return features.flatMap((pair) => {
    const verdict = judgePair({
      shared: pair.keys.map((key, index) => ({ ...describeKey(key), current: pair.currents[index]! })),
      nameSimilarity: pair.name_similarity,
    });
    return verdict ? [{ tenant_id: pair.tenant_id, lead_a: pair.a, lead_b: pair.b, score: verdict.score, reasons: verdict.reasons }] : [];
  });
}
