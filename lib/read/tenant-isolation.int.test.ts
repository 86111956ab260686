// Tenant isolation as a property of every read: two call centers hold look-alike data (the same
// lead ids, names, phones, emails, people's names, token names and import file), and each read
// function of lib/read (found in the sources: a new one that is not listed below fails the first
// test) and each route that reads is asked for tenant A before tenant B exists and again after.
// The answer must not change, must hold something (so the check cannot pass on an empty answer),
// and must name nothing of the other tenant (its id, people, tokens, import, own leads).
import fs from 'node:fs';
import pg from 'pg';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as analyticsRoute } from '@/app/api/analytics/[section]/route';
import { GET as bulkRoute } from '@/app/api/bulk/[id]/route';
import { GET as bulkSelectionRoute } from '@/app/api/bulk/selection/route';
import { GET as dncImportRoute } from '@/app/api/do-not-call/imports/[id]/route';
import { GET as exportCountRoute } from '@/app/api/export/count/route';
import { GET as exportRoute } from '@/app/api/export/route';
import { GET as importRoute } from '@/app/api/imports/[id]/route';
import { GET as projectionsRoute } from '@/app/api/projections/status/route';
import { GET as queueCountRoute } from '@/app/api/queue/count/route';
import { GET as searchRoute } from '@/app/api/search/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { parseBulkAction } from '@/lib/bulk/bulk-action';
import { startBulkChange } from '@/lib/bulk/run-bulk';
import { changeDialingRules } from '@/lib/commands/dialing-rules-service';
import { changeNumber } from '@/lib/commands/do-not-call-service';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { nextLead } from '@/lib/commands/next-lead';
import { changeUserAccess } from '@/lib/commands/staff-service';
import { changeView } from '@/lib/commands/views-service';
import type { CurrentUser } from '@/lib/gate/principal';
import { doNotCallImports } from '@/lib/imports/do-not-call-import';
import { importProgress, startImport } from '@/lib/imports/run-import';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { loggedIn, requestAs, routeContext, type TestSession } from '@/lib/testing/sessions';
import { analyticsFilterOptions } from './analytics/options';
import { currentDialingRules } from './dialing-rules/current-rules';
import { dialingRulesHistory } from './dialing-rules/history';
import { loadAnalyticsReport } from './analytics/report';
import { blockedNumbers, doNotCallCounts, doNotCallList } from './do-not-call/queries';
import { projectionLag } from './engine/lag';
import { catchUp } from './engine/run-batch';
import { countExportEvents } from './event-log/export/count';
import { parseExportParams } from './event-log/export/params';
import { exportCountQuery, exportRowsQuery } from './event-log/export/query';
import { exportCount, exportFile, exportParamsFor } from './event-log/export/respond';
import { openExport, ownConnection } from './event-log/export/stream';
import { leadDialingView } from './event-log/lead-dialing';
import { dispositionCodesInUse } from './event-log/disposition-use';
import { leadHistory } from './event-log/lead-history';
import { numberHistory } from './event-log/number-history';
import { logCounts, recentLeadEvents } from './event-log/recent';
import { accessHistory, deactivatedUserIds, isUserDeactivated } from './event-log/staff-access';
import { leadAsOf, leadChangesBetween, leadThen } from './event-log/time-travel';
import { loadLeadDetail } from './lead-detail';
import { callbackQueue, dueCallbackCount } from './lead-table/callback-queue';
import { leadById } from './lead-table/lead-by-id';
import { dialingCandidates, heldLead } from './lead-table/dialing-candidates';
import { heldLeads, poolBySource } from './lead-table/pool-by-source';
import { agentActivityOn } from './agent-activity/queries';
import { agentActivityProjection } from './agent-activity/projection';
import { loadToday } from './today';
import { CLAIM_TIERS } from '@/lib/leads/values';
import { loadLeadList, matchingLeadVersions } from './lead-table/leads-list';
import { DEFAULT_PARAMS } from './lead-table/list-params';
import { leadNeighbours } from './lead-table/neighbours';
import { leadNames, leadSources, statusCounts } from './lead-table/sources';
import { tenantRegion } from './organisation/tenant';
import { actorNames, assignableUsers, tenantUsers } from './organisation/users';
import { getOverview } from './overview';
import { savedViews } from './saved-views/queries';
import { deliveryLog, webhookEndpoint, webhookEndpoints } from './webhooks/queries';
import { changeWebhooks } from '@/lib/webhooks/service';
import { webhookOutboxProjection } from '@/lib/webhooks/outbox';
import { contactHolders, leadsHoldingContact } from './search-terms/contact-holders';
import { contactKey } from './search-terms/normalize';
import { searchTermsProjection } from './search-terms/projection';
import { searchLeads } from './search-terms/search';
import { dailyFiguresProjection } from './daily-figures/projection';
import { duplicateKeysProjection } from './duplicates/projection';
import { duplicateGroups, duplicatesOfLead } from './duplicates/queries';
import { callbacksByAgent, conversionsPerBucket, durationsByStatus, statusChanges } from './daily-figures/queries';
import { statusHistoryProjection } from './status-history/projection';
import {
  callbackLateness, conversionsOverTime, leadCallbacks, leadsWaitingLongest, leadTimeline, mostOverdueCallbacks, statusDurationStats,
  timeInStatusForLead, transitionCounts,
} from './status-history/queries';

const db = testDb();
const system = createSystem(db);
const { store } = system;
const url = process.env.DATABASE_URL!;
const exportPool = new pg.Pool({ connectionString: url, max: 4 });
afterAll(() => exportPool.end());

// Both tenants' look-alike leads share these ids (the schema keys leads by tenant and id).
const SHARED = { stefan: randomUUID(), jane: randomUUID(), endpoint: randomUUID() };
const T0 = new Date('2026-01-05T09:00:00Z');
const NOW = new Date('2026-01-10T12:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

type Tenant = {
  id: string; admin: TestSession; ana: string; bianca: string; tokenId: string; importId: string; ownLeads: string[];
  /** A bulk change of its own: a note on its first own lead. */
  bulkId: string;
  /** Its do-not-call import, and a number only its list holds. */
  dncImportId: string; ownNumber: string;
  /** What only this tenant has: none of it may appear in the other's answers. */
  markers: string[];
};

async function callCenter(ownLeadNames: readonly string[], region: 'GB' | 'IE', ownNumber: string): Promise<Tenant> {
  const id = freshId('tenant');
  await db.tenant.create({ data: { id, name: 'Look-alike Call Center', defaultRegion: region } });
  const admin = await loggedIn(db, id, 'admin');
  const person = async (name: string, role: string) => {
    const userId = `${id}-${name.split(' ')[0]!.toLowerCase()}`;
    await db.user.create({ data: { id: userId, name, role, tenantId: id, email: `${userId}@example.com` } });
    return userId;
  };
  const [ana, bianca] = [await person('Ana Lima', 'agent'), await person('Bianca Silva', 'bi')];
  const { summary } = await createApiToken(db, id, admin.userId, { name: 'Dialer', scopes: ['commands', 'export'] }, { now: T0 });
  const run = (actorId: string, hours: number, input: Record<string, unknown>) => executeLeadCommand(store, { tenantId: id, actorId, region: 'GB', now: at(hours), dialing: system.dialing }, input);
  const dialer = `token:${summary.id}`;
  // A webhook endpoint (the same id in both), registered first so every status change is queued for it.
  await changeWebhooks(store, { tenantId: id, id: admin.userId }, 'register', {
    endpointId: SHARED.endpoint, url: 'https://hooks.example/leadstream', types: ['StatusChanged'],
  }, { now: T0 });

  await run(ana, 0, { type: 'RegisterLead', data: { leadId: SHARED.stefan, name: 'Stefan Ivanov', phones: ['+44 7911 123456'], emails: ['stefan@example.com'], source: 'web', ownerId: ana } });
  await run(admin.userId, 1, { type: 'ChangeContactInfo', leadId: SHARED.stefan, data: { removePhones: ['+44 7911 123456'], addPhones: ['+44 20 7946 0018'] } });
  await run(ana, 2, { type: 'ChangeStatus', leadId: SHARED.stefan, data: { status: 'FollowUp', followUpAt: at(24).toISOString() } });
  await run(dialer, 1, { type: 'RegisterLead', data: { leadId: SHARED.jane, name: 'Jane Doe', emails: ['jane@example.com'], source: 'dialer', ownerId: ana } });
  await run(dialer, 3, { type: 'RecordCallOutcome', leadId: SHARED.jane, data: { outcome: 'voicemail' } });
  await run(ana, 4, { type: 'ChangeStatus', leadId: SHARED.jane, data: { status: 'Converted' } });
  const ownLeads = [];
  for (const [index, name] of ownLeadNames.entries()) {
    const leadId = randomUUID();
    ownLeads.push(leadId);
    await run(ana, 5 + index, { type: 'RegisterLead', data: { leadId, name, phones: ['+44 7911 123456'], source: 'web', ownerId: ana } });
  }
  const imported = await startImport(store, { tenantId: id, actorId: ana, region: 'GB', now: at(8) }, {
    fileName: 'leads.csv', records: [['Imported Person', '+44 7911 654321', 'imported@example.com', 'fair', '']],
  });
  await imported.run?.();
  // The do-not-call list: a number both lists hold, one blocked and removed, one only this list holds, one imported.
  const manager = { tenantId: id, id: admin.userId };
  await changeNumber(store, manager, 'block', { phone: '+44 7911 123456', reason: 'Asked not to be called' }, { now: at(5.5) });
  // A saved view of the list, shared with the organisation, by the same name in both.
  const viewId = randomUUID();
  await changeView(store, manager, 'save', { viewId, name: 'Look-alike view', query: 'sort=name' }, { now: at(5.6) });
  await changeView(store, manager, 'share', { viewId }, { now: at(5.7) });
  await changeNumber(store, manager, 'block', { phone: '+44 20 7946 0018', reason: 'Complained' }, { now: at(6) });
  await changeNumber(store, { tenantId: id, id: ana }, 'unblock', { phone: '+44 20 7946 0018', reason: 'Gave consent' }, { now: at(6.5) });
  await changeNumber(store, manager, 'block', { phone: ownNumber, reason: 'Only here' }, { now: at(7) });
  const dncImport = await startImport(store, { tenantId: id, actorId: admin.userId, region: 'GB', now: at(8.5) }, {
    fileName: 'do-not-call.csv', records: [['+44 7911 654321', 'Listed']],
  }, { kind: doNotCallImports });
  await dncImport.run?.();
  const bulk = await startBulkChange(store, { tenantId: id, actorId: admin.userId, region: 'GB', now: at(8.7) }, {
    action: parseBulkAction({ kind: 'note', text: 'Spring campaign' }, at(8.7)), targets: [{ leadId: ownLeads[0]!, version: 1 }], filter: null,
  });
  await bulk.run!();
  const adminUser: CurrentUser = { kind: 'user', id: admin.userId, name: 'Test admin', email: `${admin.userId}@leadstream.test`, tenantId: id, role: 'admin' };
  await changeUserAccess(system, adminUser, 'deactivate', { userId: bianca, reason: 'Left' }, { now: at(9) });
  const drawn = await nextLead(system, id, ana, NOW); // Ana holds one of her own leads
  if (drawn.kind !== 'claimed') throw new Error('the fixture needs a lead Ana may call now');
  await changeDialingRules(system, adminUser, 'assignment', { assignment: [{ source: 'web', mode: 'round-robin', agents: [{ userId: ana, weight: 1 }] }] }, { now: at(9.5) });
  await catchUp(store, searchTermsProjection);
  await catchUp(store, statusHistoryProjection);
  await catchUp(store, agentActivityProjection);
  await catchUp(store, dailyFiguresProjection);
  await catchUp(store, duplicateKeysProjection);
  await catchUp(store, webhookOutboxProjection);
  return {
    id, admin, ana, bianca, tokenId: summary.id, importId: imported.importId, ownLeads, dncImportId: dncImport.importId, ownNumber, bulkId: bulk.batchId,
    markers: [id, admin.userId, ana, bianca, summary.id, imported.importId, dncImport.importId, ownNumber, bulk.batchId, ...ownLeads, ...ownLeadNames],
  };
}

// ---- Every read, asked for one tenant ------------------------------------------------------------

type Read = (tenant: Tenant, other: Tenant | null) => Promise<unknown>;
const allUserIds = (tenant: Tenant, other: Tenant | null) => [tenant, other].flatMap((t) => (t ? [t.admin.userId, t.ana, t.bianca] : []));
const exportParams = () => {
  const parsed = parseExportParams(new URLSearchParams('format=ndjson'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.params;
};
const text = async (response: Response) => ({ status: response.status, body: await response.text() });
const analyticsFilters = { from: '2026-01-01', to: '2026-01-31', agent: null, source: null };
const analyticsDays = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') };

/** By `file#export` under lib/read. */
const READS: Record<string, Read> = {
  'lead-detail.ts#loadLeadDetail': (t) => loadLeadDetail(store, t.id, SHARED.stefan, { now: NOW }),
  'overview.ts#getOverview': (t) => getOverview(db, t.id),
  'duplicates/queries.ts#duplicatesOfLead': (t) => duplicatesOfLead(db, t.id, t.ownLeads[0]!),
  'duplicates/queries.ts#duplicateGroups': (t) => duplicateGroups(db, t.id),
  'do-not-call/queries.ts#blockedNumbers': async (t, other) => [
    await blockedNumbers(db, t.id, ['+447911123456', '+442079460018', '+447911654321', t.ownNumber, other?.ownNumber ?? '+447911999999']),
    await blockedNumbers(db, t.id),
  ],
  'do-not-call/queries.ts#doNotCallList': async (t) => [await doNotCallList(db, t.id), await doNotCallList(db, t.id, { fragments: ['7911'] })],
  'do-not-call/queries.ts#doNotCallCounts': (t) => doNotCallCounts(db, t.id),
  'event-log/number-history.ts#numberHistory': async (t, other) => [await numberHistory(store, t.id, '+442079460018'), await numberHistory(store, t.id, other?.ownNumber ?? '+447911999999')],
  'analytics/options.ts#analyticsFilterOptions': (t) => analyticsFilterOptions(db, t.id),
  'analytics/report.ts#loadAnalyticsReport': (t) => loadAnalyticsReport(db, t.id, analyticsFilters, { now: NOW }),
  'daily-figures/queries-durations.ts#durationsByStatus': (t) => durationsByStatus(db, t.id, analyticsDays),
  'daily-figures/queries-changes.ts#statusChanges': (t) => statusChanges(db, t.id, analyticsDays),
  'daily-figures/queries-changes.ts#conversionsPerBucket': (t) => conversionsPerBucket(db, t.id, { ...analyticsDays, bucket: 'day' }),
  'daily-figures/queries-callbacks.ts#callbacksByAgent': (t) => callbacksByAgent(db, t.id, { ...analyticsDays, now: NOW }),
  'engine/lag.ts#projectionLag': (t) => projectionLag(db, system.projections, { tenantId: t.id }),
  'event-log/lead-dialing.ts#leadDialingView': (t) => leadDialingView(store, system.dialing, t.id, SHARED.jane, t.ana, NOW),
  'dialing-rules/current-rules.ts#currentDialingRules': (t) => currentDialingRules(store, t.id),
  'dialing-rules/history.ts#dialingRulesHistory': (t) => dialingRulesHistory(store, t.id),
  'event-log/disposition-use.ts#dispositionCodesInUse': (t) => dispositionCodesInUse(db, t.id, ['voicemail', 'busy', 'no-answer']),
  'event-log/lead-history.ts#leadHistory': (t) => leadHistory(store, t.id, SHARED.stefan),
  'event-log/recent.ts#logCounts': (t) => logCounts(db, t.id),
  'event-log/recent.ts#recentLeadEvents': (t) => recentLeadEvents(db, t.id),
  'event-log/staff-access.ts#isUserDeactivated': async (t, other) => [await isUserDeactivated(db, t.id, t.bianca), await isUserDeactivated(db, t.id, other?.bianca ?? 'nobody')],
  'event-log/staff-access.ts#deactivatedUserIds': (t, other) => deactivatedUserIds(db, t.id, allUserIds(t, other)),
  'event-log/staff-access.ts#accessHistory': (t, other) => accessHistory(store, t.id, allUserIds(t, other)),
  'event-log/time-travel.ts#leadAsOf': (t) => leadAsOf(store, t.id, SHARED.stefan, { asOf: at(1.5) }),
  'event-log/time-travel.ts#leadChangesBetween': (t) => leadChangesBetween(store, t.id, SHARED.stefan, { version: 1 }, { asOf: NOW }),
  'event-log/time-travel.ts#leadThen': (t) => leadThen(store, t.id, SHARED.stefan, at(2.5)),
  'event-log/export/count.ts#countExportEvents': (t) => countExportEvents(db, t.id, 0n, {}),
  'event-log/export/stream.ts#openExport': async (t) => new Response((await openExport(await ownConnection(url), system.registry, t.id, exportParams())).body).text(),
  'event-log/export/query.ts#exportCountQuery': (t) => db.$queryRaw(exportCountQuery(t.id, 0n, {})),
  'event-log/export/query.ts#exportRowsQuery': (t) => db.$queryRaw(exportRowsQuery(t.id, 0n, 2n ** 62n, {})),
  'event-log/export/respond.ts#exportFile': async (t) => text(await exportFile(system, exportPool, { tenantId: t.id, callerId: 'bi' }, exportParams(), { perCaller: 2, perTenant: 2 })),
  'event-log/export/respond.ts#exportCount': async (t) => text(await exportCount(db, t.id, exportParams())),
  'event-log/export/respond.ts#exportParamsFor': async (t, other) => [
    exportParamsFor(new Request(`http://leadstream.test/api/export?tenant=${t.id}`), t.id),
    await text(exportParamsFor(new Request(`http://leadstream.test/api/export?tenant=${other?.id ?? 'tenant-elsewhere'}`), t.id) as Response),
  ],
  'lead-table/callback-queue.ts#callbackQueue': (t) => callbackQueue(db, { tenantId: t.id, userId: t.ana, scope: 'team', now: NOW }),
  'lead-table/callback-queue.ts#dueCallbackCount': (t) => dueCallbackCount(db, { tenantId: t.id, userId: t.ana, now: NOW }),
  'lead-table/lead-by-id.ts#leadById': (t) => leadById(db, t.id, SHARED.jane),
  'lead-table/dialing-candidates.ts#dialingCandidates': (t) => Promise.all(CLAIM_TIERS.map((tier) => dialingCandidates(db, tier, { tenantId: t.id, agentId: t.ana, now: NOW, limit: 50 }))),
  'lead-table/dialing-candidates.ts#heldLead': (t) => heldLead(db, t.id, t.ana, NOW),
  'lead-table/pool-by-source.ts#poolBySource': (t) => poolBySource(db, t.id, NOW),
  'lead-table/pool-by-source.ts#heldLeads': (t) => heldLeads(db, t.id, NOW),
  'agent-activity/queries.ts#agentActivityOn': (t) => agentActivityOn(db, t.id, '2026-01-05'),
  'today.ts#loadToday': (t) => loadToday(db, t.id, NOW),
  'lead-table/leads-list.ts#loadLeadList': (t) => loadLeadList(db, { id: t.ana, tenantId: t.id }, { size: '100' }, NOW),
  'lead-table/neighbours.ts#leadNeighbours': (t) => Promise.all([
    leadNeighbours(db, { id: t.ana, tenantId: t.id }, { kind: 'list', params: DEFAULT_PARAMS }, SHARED.stefan, NOW),
    leadNeighbours(db, { id: t.ana, tenantId: t.id }, { kind: 'queue', scope: 'team' }, SHARED.stefan, NOW),
  ]),
  'lead-table/leads-list.ts#matchingLeadVersions': (t) => matchingLeadVersions(db, { id: t.ana, tenantId: t.id }, {}, 1000, NOW),
  'lead-table/sources.ts#leadSources': (t) => leadSources(db, t.id),
  'lead-table/sources.ts#statusCounts': (t) => statusCounts(db, t.id),
  'lead-table/sources.ts#leadNames': (t, other) => leadNames(db, t.id, [SHARED.stefan, SHARED.jane, ...t.ownLeads, ...(other?.ownLeads ?? [])]),
  'saved-views/queries.ts#savedViews': (t) => savedViews(db, { id: t.ana, tenantId: t.id }),
  'webhooks/queries.ts#webhookEndpoints': (t) => webhookEndpoints(db, t.id),
  'webhooks/queries.ts#webhookEndpoint': (t) => webhookEndpoint(db, t.id, SHARED.endpoint),
  'webhooks/queries.ts#deliveryLog': async (t) => {
    const log = await deliveryLog(db, t.id, SHARED.endpoint);
    if (log.length === 0) throw new Error('the fixture queues deliveries for its endpoint');
    return log;
  },
  'organisation/tenant.ts#tenantRegion': (t) => tenantRegion(db, t.id),
  'organisation/users.ts#tenantUsers': (t) => tenantUsers(db, t.id),
  'organisation/users.ts#assignableUsers': (t) => assignableUsers(db, t.id),
  'organisation/users.ts#actorNames': (t) => actorNames(db, t.id),
  'search-terms/contact-holders.ts#leadsHoldingContact': (t) => leadsHoldingContact(db, t.id, { kind: 'phone', value: '07911 123456', region: 'GB' }),
  'search-terms/contact-holders.ts#contactHolders': (t) => contactHolders(db, t.id, [contactKey('phone', '447911123456'), contactKey('email', 'jane@example.com')]),
  'search-terms/search.ts#searchLeads': async (t) => [
    await searchLeads(db, t.id, 'Stefan', { region: 'GB' }), await searchLeads(db, t.id, '07911 123', { region: 'GB' }), await searchLeads(db, t.id, 'Only', { region: 'GB' }),
  ],
  'status-history/queries-callbacks.ts#callbackLateness': (t) => callbackLateness(db, t.id, { now: NOW }),
  'status-history/queries-callbacks.ts#mostOverdueCallbacks': (t) => mostOverdueCallbacks(db, t.id, { now: NOW }),
  'status-history/queries-conversions.ts#conversionsOverTime': (t) => conversionsOverTime(db, t.id, { from: T0, to: NOW, bucket: 'day' }),
  'status-history/queries-conversions.ts#leadsWaitingLongest': (t) => leadsWaitingLongest(db, t.id, { now: NOW }),
  'status-history/queries-durations.ts#statusDurationStats': (t) => statusDurationStats(db, t.id, { groupBy: 'agent' }),
  'status-history/queries-lead.ts#leadTimeline': (t) => leadTimeline(db, t.id, SHARED.stefan, { now: NOW }),
  'status-history/queries-lead.ts#timeInStatusForLead': (t) => timeInStatusForLead(db, t.id, SHARED.stefan, { now: NOW }),
  'status-history/queries-lead.ts#leadCallbacks': (t) => leadCallbacks(db, t.id, SHARED.stefan, { now: NOW }),
  'status-history/queries-transitions.ts#transitionCounts': (t) => transitionCounts(db, t.id, {}),
  // Outside lib/read, but a read of the same kind: the import's progress.
  'imports/run-import.ts#importProgress': async (t, other) => [
    await importProgress(store, t.id, t.importId), await importProgress(store, t.id, other?.importId ?? randomUUID()),
    await importProgress(store, t.id, t.dncImportId, 'do-not-call'), await importProgress(store, t.id, other?.dncImportId ?? randomUUID(), 'do-not-call'),
  ],
};

/**
 * Exports of lib/read that take the database or a tenant but are not a tenant's reads: the
 * projection engine and the writers of read models, which work on the whole log by design.
 */
const NOT_TENANT_READS: Record<string, string> = {
  'engine/checkpoints.ts#readCheckpoint': 'a projection\u2019s checkpoint in the global log',
  'engine/checkpoints.ts#writeCheckpoint': 'writes a checkpoint',
  'engine/checkpoints.ts#lockProjection': 'locks a projection for its batch',
  'engine/projector.ts#runProjector': 'carries the whole log to the read models',
  'engine/projector.ts#keepProjecting': 'carries the whole log to the read models, through database restarts',
  'engine/lag.ts#oldestWritingTransaction': 'the server\u2019s oldest writing transaction: its age and application name only, never what it runs',
  'engine/rebuild.ts#rebuildProjection': 'rebuilds a read model from the whole log',
  'engine/rebuild.ts#rebuildProjections': 'rebuilds read models from the whole log, in one pass',
  'engine/rebuild-by-stream.ts#rebuildByStream': 'rebuilds an inline read model from the whole log',
  'engine/run-batch.ts#runBatch': 'applies one batch of the whole log',
  'engine/run-batch.ts#catchUp': 'applies the whole log',
  'engine/sql.ts#upsertRows': 'writes rows a projection made from events',
  'engine/sql.ts#runWrites': 'writes rows a projection made from events',
  'engine/sql.ts#addToRows': 'adds counts a projection made from events',
  'engine/sql.ts#leadsWithRows': 'reads nothing: which leads of a batch of events may have rows',
  'engine/sql.ts#selectByLeads': 'reads rows a projection is about to update, by the events\u2019 tenant and lead',
  'engine/wait.ts#waitForProjection': 'waits for a global position; answers only whether it was reached',
  'lead-table/projection.ts#writeLeadRows': 'writes the lead table from events',
  'lead-table/projection.ts#planLeadRows': 'the lead-table rows of events about to be appended, by their own leads',
  'do-not-call/projection.ts#writeDoNotCallRows': 'writes the do-not-call list from events',
  'do-not-call/projection.ts#planDoNotCallRows': 'the do-not-call rows of events about to be appended, by their own numbers',
  'saved-views/projection.ts#planViewRows': 'the saved-view rows of events about to be appended, by their own views',
  'webhooks/projection.ts#planEndpointRows': 'the endpoint rows of events about to be appended, by their own endpoints',
  'do-not-call/rebuild.ts#rebuildDoNotCall': 'rebuilds the do-not-call list from the whole log',
  'lead-table/rebuild.ts#rebuildLeadTable': 'rebuilds the lead table from the whole log',
};

/** Routes that read, by `GET <url>`: asked as each tenant's admin. */
const ROUTES: Record<string, (t: Tenant, other: Tenant | null) => Promise<Response>> = {
  'GET /api/search': (t) => searchRoute(requestAs(t.admin, '/api/search?q=Stefan'), routeContext()),
  'GET /api/queue/count': (t) => queueCountRoute(requestAs(t.admin, '/api/queue/count'), routeContext()),
  'GET /api/analytics/[section]': (t) => analyticsRoute(requestAs(t.admin, '/api/analytics/time-in-status?from=2026-01-01&to=2026-01-31&at=2026-01-10T12:00:00Z'), routeContext({ section: 'time-in-status' })),
  'GET /api/export': (t) => exportRoute(requestAs(t.admin, '/api/export?format=ndjson'), routeContext()),
  'GET /api/export/count': (t) => exportCountRoute(requestAs(t.admin, '/api/export/count'), routeContext()),
  'GET /api/imports/[id]': async (t, other) => (other ? importRoute(requestAs(t.admin, `/api/imports/${other.importId}`), routeContext({ id: other.importId })) : importRoute(requestAs(t.admin, `/api/imports/${t.importId}`), routeContext({ id: t.importId }))),
  'GET /api/do-not-call/imports/[id]': async (t, other) => {
    const id = other ? other.dncImportId : t.dncImportId;
    return dncImportRoute(requestAs(t.admin, `/api/do-not-call/imports/${id}`), routeContext({ id }));
  },
  'GET /api/bulk/selection': (t) => bulkSelectionRoute(requestAs(t.admin, '/api/bulk/selection?status=Available'), routeContext()),
  'GET /api/bulk/[id]': async (t, other) => {
    const id = other ? other.bulkId : t.bulkId;
    return bulkRoute(requestAs(t.admin, `/api/bulk/${id}`), routeContext({ id }));
  },
  'GET /api/projections/status': (t) => projectionsRoute(requestAs(t.admin, '/api/projections/status'), routeContext()),
};

/** Route handlers that are not a tenant's reads. */
const NOT_TENANT_ROUTES: Record<string, string> = {
  'GET /api/openapi.json': 'the API description, the same for everyone',
  'GET /api/health': 'ok or not, no data',
  'GET /api/live': 'a stream, not an answer: lib/live/hub.int.test.ts shows another tenant\u2019s changes never arrive on it',
  'POST /api/live/presence': 'writes the caller\u2019s own presence on a lead of its own tenant (any other lead is not found); lib/live/presence.int.test.ts shows presence reaches only that tenant',
  'DELETE /api/live/presence': 'removes the caller\u2019s own presence',
  'GET /api/auth/[...all]': 'the login itself (better-auth)',
  'POST /api/auth/[...all]': 'the login itself (better-auth)',
  'POST /api/commands': 'writes; the gate test aims it at another tenant\u2019s lead',
  'POST /api/bulk': 'writes; the gate test aims it at another tenant\u2019s agent',
  'POST /api/bulk/[id]/resume': 'writes; the bulk change is read by GET /api/bulk/[id] above',
  'POST /api/bulk/[id]/undo': 'writes; the bulk change is read by GET /api/bulk/[id] above',
  'POST /api/imports': 'previews the caller\u2019s own file; the leads it names as holding a row\u2019s phone or email come from contactHolders, read for each tenant above',
  'POST /api/imports/problems': 'the problems of the caller\u2019s own file, checked as the preview checks them (contactHolders, read for each tenant above)',
  'POST /api/imports/[id]': 'writes; the gate test aims it at another tenant\u2019s import id',
  'POST /api/do-not-call/imports': 'previews the caller\u2019s own file; the numbers it finds listed come from blockedNumbers, read for each tenant above',
  'POST /api/do-not-call/imports/problems': 'the problems of the caller\u2019s own file, checked as the preview checks them (blockedNumbers, read for each tenant above)',
  'POST /api/do-not-call/imports/[id]': 'writes; the gate test aims it at another tenant\u2019s import id',
};

// ---- Finding the reads and routes in the sources -------------------------------------------------

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DATABASE_TYPES = /^(Db|EventStore|Tx|Client|System|PgQueryable)\b/;

/** The parameters of the function whose `(` is at `open`. */
function parameters(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if ('([{'.includes(source[i]!)) depth++;
    else if (')]}'.includes(source[i]!) && --depth === 0) return source.slice(open + 1, i);
  }
  return '';
}

/** Exported functions of lib/read that take the database, a store or a tenant. */
function tenantFunctionsOnDisk(): string[] {
  const dir = path.join(ROOT, 'lib', 'read');
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  return files.flatMap((file) => {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    const found = [...source.matchAll(/^export (?:async )?function (\w+)\s*(?:<[^(]*>)?\(|^export const (\w+) = (?:async )?\(/gm)];
    return found.flatMap((match) => {
      const params = parameters(source, match.index! + match[0].length - 1);
      const firstType = /^\s*\w+\??\s*:\s*([\w.]+)/.exec(params)?.[1] ?? '';
      return DATABASE_TYPES.test(firstType) || /\btenantId\b/.test(params) ? [`${file.split(path.sep).join('/')}#${match[1] ?? match[2]}`] : [];
    });
  });
}

function readingRoutesOnDisk(): string[] {
  const api = path.join(ROOT, 'app', 'api');
  const files = (fs.readdirSync(api, { recursive: true }) as string[]).filter((file) => path.basename(file) === 'route.ts');
  return files.flatMap((file) => {
    const source = fs.readFileSync(path.join(api, file), 'utf8');
    const url = `/api/${path.dirname(file).split(path.sep).join('/')}`;
    return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((method) => new RegExp(`export (const|async function|function) ${method}\\b`).test(source)).map((method) => `${method} ${url}`);
  });
}

// ---- The property --------------------------------------------------------------------------------

/**
 * A read's answer as comparable, searchable text: bigints as text, and every list, Map and Set in a
 * canonical order, since some reads promise none (rows of a count tie, say) and this test is about
 * what an answer holds, not its order.
 */
async function answer(value: unknown): Promise<string> {
  if (value instanceof Response) return answer(await text(value));
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map || value instanceof Set || Array.isArray(value)) {
    return [...(value as Iterable<unknown>)].map(canonical).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canonical(item)]));
  return value;
}

const EMPTY = new Set(['[]', '{}', 'null', '0', '""', '[[],[],[]]']);

describe('tenant isolation', () => {
  let a: Tenant;
  let b: Tenant;
  const alone = new Map<string, string>();

  beforeAll(async () => {
    a = await callCenter(['Alpha Only'], 'GB', '+447911100001');
    for (const [key, read] of Object.entries(READS)) alone.set(key, await answer(await read(a, null)));
    for (const [key, route] of Object.entries(ROUTES)) alone.set(key, await answer(await route(a, null)));
    b = await callCenter(['Bravo Only', 'Bravo Second'], 'IE', '+447911200001');
  }, 120_000);

  it('lists every read function of lib/read and every route handler, as a tenant\u2019s read or not one', () => {
    const functions = tenantFunctionsOnDisk();
    expect(functions.filter((key) => !READS[key] && !NOT_TENANT_READS[key]), 'read functions this test does not cover').toEqual([]);
    const listed = [...Object.keys(READS).filter((key) => !key.startsWith('imports/')), ...Object.keys(NOT_TENANT_READS)];
    expect(listed.filter((key) => !functions.includes(key)), 'listed functions that no longer exist').toEqual([]);
    const routes = readingRoutesOnDisk();
    expect(routes.filter((key) => !ROUTES[key] && !NOT_TENANT_ROUTES[key]), 'routes this test does not cover').toEqual([]);
    expect([...Object.keys(ROUTES), ...Object.keys(NOT_TENANT_ROUTES)].filter((key) => !routes.includes(key))).toEqual([]);
  });

  it.each(Object.keys(READS))('%s answers each tenant with its own data only', async (key) => {
    const read = READS[key]!;
    const [forA, forB] = [await answer(await read(a, b)), await answer(await read(b, a))];
    expect(EMPTY.has(alone.get(key)!), `${key} has something to show for tenant A`).toBe(false);
    expect(forA, `${key} for tenant A is the same with tenant B's look-alike data there`).toBe(alone.get(key));
    for (const marker of b.markers) expect(forA, `${key} for tenant A shows tenant B's ${marker}`).not.toContain(marker);
    for (const marker of a.markers) expect(forB, `${key} for tenant B shows tenant A's ${marker}`).not.toContain(marker);
  });

  it.each(Object.keys(ROUTES))('%s answers each tenant\u2019s admin with its own data only', async (key) => {
    const route = ROUTES[key]!;
    const byId = key === 'GET /api/imports/[id]' || key === 'GET /api/do-not-call/imports/[id]' || key === 'GET /api/bulk/[id]';
    const [forA, forB] = [await answer(await route(a, byId ? null : b)), await answer(await route(b, null))];
    expect(alone.get(key)).toMatch(/^\{"status":200,/);
    expect(forA, `${key} for tenant A is the same with tenant B's look-alike data there`).toBe(alone.get(key));
    for (const marker of b.markers) expect(forA, `${key} for tenant A shows tenant B's ${marker}`).not.toContain(marker);
    for (const marker of a.markers) expect(forB, `${key} for tenant B shows tenant A's ${marker}`).not.toContain(marker);
  });

  it('an import, a lead or a user of the other tenant is unknown, even by its id', async () => {
    expect(await answer(await ROUTES['GET /api/imports/[id]']!(a, b))).toMatch(/^\{"status":404,/);
    expect(await answer(await ROUTES['GET /api/do-not-call/imports/[id]']!(a, b))).toMatch(/^\{"status":404,/);
    expect(await answer(await ROUTES['GET /api/bulk/[id]']!(a, b))).toMatch(/^\{"status":404,/);
    expect(await numberHistory(store, a.id, b.ownNumber)).toEqual([]);
    expect(await importProgress(store, a.id, b.importId)).toBeNull();
    expect(await leadById(db, a.id, b.ownLeads[0]!)).toBeNull();
    expect(await loadLeadDetail(store, b.id, a.ownLeads[0]!)).toBeNull();
    expect(await isUserDeactivated(db, a.id, b.bianca)).toBe(false);
  });
});
