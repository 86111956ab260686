// Every read model, by name: the inline lead table and the async ones.
import { leadTableProjection } from './lead-table/projection';
import { searchTermsProjection } from './search-terms/projection';
import { statusHistoryProjection } from './status-history/projection';
import type { AsyncProjection } from './engine/types';

export const inlineProjections = [leadTableProjection];
export const asyncProjections: readonly AsyncProjection[] = [searchTermsProjection, statusHistoryProjection];
export const PROJECTION_NAMES = [leadTableProjection.name, ...asyncProjections.map((p) => p.name)] as const;

export function asyncProjection(name: string): AsyncProjection | undefined {
  return asyncProjections.find((projection) => projection.name === name);
}
