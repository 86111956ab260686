// Whether two leads are possibly one person, how strongly, and why. Pure: the read model hands it the
// keys both leads hold (lib/duplicates/keys.ts) and how alike their names are (pg_trgm similarity of
// the normalised names, 0 to 1).
import type { KeyKind } from './keys';

/** A key both leads hold; `current` when both hold it now, not only one of them in the past. */
export type SharedKey = { readonly kind: KeyKind; readonly value: string; readonly current: boolean };

export type PairEvidence = { readonly shared: readonly SharedKey[]; readonly nameSimilarity: number };

export type Reason =
  | { readonly kind: 'same-phone' | 'same-email'; readonly value: string; readonly current: boolean }
  | { readonly kind: 'phone-tail' | 'email-name'; readonly value: string }
  | { readonly kind: 'similar-name'; readonly similarity: number };

export type Strength = 'strong' | 'likely' | 'possible';
export type Verdict = { readonly score: number; readonly strength: Strength; readonly reasons: readonly Reason[] };

/** Names at least this alike (trigram similarity) are "very similar". */
export const SIMILAR_NAME = 0.5;

const POINTS = { exactNow: 45, exactBefore: 30, fragment: 15, name: 40 } as const;

/** The verdict on a pair, or null when they are not candidates: no exact key, and no fragment with a very similar name. */
export function judgePair({ shared, nameSimilarity }: PairEvidence): Verdict | null {
  const exact = shared.filter((key) => key.kind === 'phone' || key.kind === 'email');
  const fragments = shared.filter((key) => !exact.some((held) => implies(held, key)) && (key.kind === 'phone-tail' || key.kind === 'email-name'));
  const similarName = nameSimilarity >= SIMILAR_NAME;
  if (exact.length === 0 && !(similarName && fragments.length > 0)) return null;

  const reasons: Reason[] = [
    ...exact.map((key): Reason => ({ kind: key.kind === 'phone' ? 'same-phone' : 'same-email', value: key.value, current: key.current })),
    ...(similarName ? fragments.map((key): Reason => ({ kind: key.kind as 'phone-tail' | 'email-name', value: key.value })) : []),
    ...(similarName ? [{ kind: 'similar-name', similarity: round(nameSimilarity) } as const] : []),
  ];
  const points =
    exact.reduce((sum, key) => sum + (key.current ? POINTS.exactNow : POINTS.exactBefore), 0) +
    (similarName ? fragments.length * POINTS.fragment + Math.round(POINTS.name * Math.min(1, nameSimilarity)) : 0);
  const score = Math.min(100, points);
  return { score, strength: strengthOf(score), reasons };
}

export function strengthOf(score: number): Strength {
  if (score >= 75) return 'strong';
  if (score >= 45) return 'likely';
  return 'possible';
}

/** A shared phone implies its shared tail; a shared email its shared mailbox name. */
function implies(exact: SharedKey, fragment: SharedKey): boolean {
  if (exact.kind === 'phone' && fragment.kind === 'phone-tail') return exact.value.endsWith(fragment.value);
  if (exact.kind === 'email' && fragment.kind === 'email-name') return exact.value.startsWith(`${fragment.value}@`);
  return false;
}

const round = (value: number) => Math.round(value * 100) / 100;
