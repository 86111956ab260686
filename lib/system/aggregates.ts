// Every aggregate the system runs: one line each. Its events are what the store accepts, checks and
// upcasts, and what the export's columns are made of.
import type { AnyAggregate } from '@/lib/commands/aggregate';
import { bulkAggregate } from '@/lib/bulk/aggregate';
import { dialingRulesAggregate } from '@/lib/dialing/rules-aggregate';
import { dncAggregate } from '@/lib/do-not-call/aggregate';
import { importAggregate } from '@/lib/imports/aggregate';
import { leadAggregate } from '@/lib/leads/aggregate';
import { staffAggregate } from '@/lib/staff/aggregate';
import { viewsAggregate } from '@/lib/views/aggregate';
import { webhooksAggregate } from '@/lib/webhooks/aggregate';

export const AGGREGATES: readonly AnyAggregate[] = [
  leadAggregate,
  importAggregate,
  staffAggregate,
  dialingRulesAggregate,
  dncAggregate,
  viewsAggregate,
  bulkAggregate,
  webhooksAggregate,
];
