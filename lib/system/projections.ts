// Every read model, by name: the inline ones (the lead table, the do-not-call list, the saved views, the webhook endpoints) and the async ones.
import { doNotCallProjection } from '@/lib/read/do-not-call/projection';
import type { AsyncProjection, RebuildableInlineProjection } from '@/lib/read/engine/types';
import { leadTableProjection } from '@/lib/read/lead-table/projection';
import { savedViewsProjection } from '@/lib/read/saved-views/projection';
import { searchTermsProjection } from '@/lib/read/search-terms/projection';
import { agentActivityProjection } from '@/lib/read/agent-activity/projection';
import { statusHistoryProjection } from '@/lib/read/status-history/projection';
import { dailyFiguresProjection } from '@/lib/read/daily-figures/projection';
import { duplicateKeysProjection } from '@/lib/read/duplicates/projection';
import { webhookEndpointsProjection } from '@/lib/read/webhooks/projection';

export const INLINE_PROJECTIONS: readonly RebuildableInlineProjection[] = [leadTableProjection, doNotCallProjection, savedViewsProjection, webhookEndpointsProjection];
export const ASYNC_PROJECTIONS: readonly AsyncProjection[] = [searchTermsProjection, statusHistoryProjection, agentActivityProjection, dailyFiguresProjection, duplicateKeysProjection];
