// Every read model, by name: the inline lead table and the async ones.
import { leadTableProjection } from '@/lib/read/lead-table/projection';
import { searchTermsProjection } from '@/lib/read/search-terms/projection';
import { statusHistoryProjection } from '@/lib/read/status-history/projection';
import type { AsyncProjection } from '@/lib/read/engine/types';

export const inlineProjections = [leadTableProjection];
export const asyncProjections: readonly AsyncProjection[] = [searchTermsProjection, statusHistoryProjection];
export const PROJECTION_NAMES = [leadTableProjection.name, ...asyncProjections.map((p) => p.name)] as const;

export function asyncProjection(name: string): AsyncProjection | undefined {
  return asyncProjections.find((projection) => projection.name === name);
}
