// Every entry point is behind the gate. The route handlers, server actions and pages are read from
// the file system (and the actions from the build's manifest), not from a list: a new one without
// an entry in ACCESS below fails this test. Each is called without credentials, with a role (or an
// API token's scopes) that may not, and with credentials of another tenant aimed at tenant A's
// lead, import, user and token: every call is refused, or answers with nothing of tenant A.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { can, type Capability, ROLES, type Role } from '../lib/auth/roles';
import { DEFAULT_DIALING_RULES } from '../lib/dialing/rules';
import { USERS } from './support/auth';
import { actionsOnDisk, appFiles, routeHandlers, urlOf } from './support/entry-points';
import { actionData, callAction, httpClient, serverActions } from './support/http';

test.describe.configure({ mode: 'serial' });


const USER_OF: Record<Role, string> = { agent: USERS.agent, manager: USERS.manager, bi: USERS.bi, admin: USERS.admin };

/** What tenant A has that the calls aim at, made by this test. */
type Targets = {
  leadId: string; leadName: string; phone: string; importId: string; tokenId: string; userId: string;
  /** A number on tenant A's do-not-call list, and an import of that list. */
  blockedPhone: string; dncImportId: string;
};

type Access = {
  /** `logged-in`: any role; `public`: no credentials at all. */
  readonly capability: Capability | 'logged-in' | 'public';
  readonly credentials?: 'session' | 'token' | 'session-or-token';
  /** The request the probes send, aimed at tenant A's things. */
  readonly probe: (targets: Targets) => { path?: string; input?: unknown; body?: unknown; csv?: string };
  /** `refused`: another tenant's credentials are refused; `own-tenant`: they work, on their own tenant only. */
  readonly otherTenant: 'refused' | 'own-tenant' | 'public';
};

const leadCommand = (t: Targets) => ({ type: 'ChangeName', leadId: t.leadId, expectedVersion: 1, commandId: randomUUID(), data: { name: `Taken over ${randomUUID()}` } });
const minute = () => String(10 + Math.floor(Math.random() * 50));
const importFile = (t: Targets) => `Name,Phone\nGate Row ${randomUUID()},${t.phone}\n`;
/** A number no test has blocked: 07911 1xxxxx is a valid UK mobile range. */
const freshNumber = () => `07911 1${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
const dncFile = () => `Phone,Reason\n${freshNumber()},Gate ${randomUUID()}\n`;

/** Route handlers by `METHOD url`, server actions by `file#export`, pages by url. */
const ACCESS: Record<string, Access> = {
  'GET /api/analytics/[section]': { capability: 'view-analytics', probe: () => ({ path: '/api/analytics/waiting' }), otherTenant: 'own-tenant' },
  'GET /api/export': { capability: 'export', credentials: 'session-or-token', probe: (t) => ({ path: `/api/export?lead=${t.leadId}` }), otherTenant: 'own-tenant' },
  'GET /api/export/count': { capability: 'export', credentials: 'session-or-token', probe: (t) => ({ path: `/api/export/count?lead=${t.leadId}` }), otherTenant: 'own-tenant' },
  'GET /api/imports/[id]': { capability: 'work-leads', probe: (t) => ({ path: `/api/imports/${t.importId}` }), otherTenant: 'refused' },
  'GET /api/projections/status': { capability: 'manage-users', probe: () => ({}), otherTenant: 'own-tenant' },
  // For load balancers: ok or not, nothing else.
  'GET /api/health': { capability: 'public', probe: () => ({}), otherTenant: 'public' },
  'POST /api/imports': { capability: 'work-leads', probe: (t) => ({ csv: importFile(t) }), otherTenant: 'own-tenant' },
  'POST /api/imports/problems': { capability: 'work-leads', probe: (t) => ({ csv: importFile(t) }), otherTenant: 'own-tenant' },
  // Another tenant's file never has tenant A's import id: the id is the digest of the tenant and the rows.
  'POST /api/imports/[id]': { capability: 'work-leads', probe: (t) => ({ path: `/api/imports/${t.importId}?fileName=gate.csv`, csv: importFile(t) }), otherTenant: 'refused' },
  'POST /api/do-not-call/imports': { capability: 'manage-do-not-call', probe: () => ({ csv: dncFile() }), otherTenant: 'own-tenant' },
  'POST /api/do-not-call/imports/problems': { capability: 'manage-do-not-call', probe: () => ({ csv: dncFile() }), otherTenant: 'own-tenant' },
  'GET /api/do-not-call/imports/[id]': { capability: 'manage-do-not-call', probe: (t) => ({ path: `/api/do-not-call/imports/${t.dncImportId}` }), otherTenant: 'refused' },
  // As the lead import: another tenant's file never has tenant A's import id.
  'POST /api/do-not-call/imports/[id]': { capability: 'manage-do-not-call', probe: (t) => ({ path: `/api/do-not-call/imports/${t.dncImportId}?fileName=gate.csv`, csv: dncFile() }), otherTenant: 'refused' },
  'GET /api/live': { capability: 'work-leads', probe: () => ({ path: '/api/live?once=1' }), otherTenant: 'own-tenant' },
  'POST /api/live/presence': { capability: 'work-leads', probe: (t) => ({ body: { leadId: t.leadId } }), otherTenant: 'refused' },
  'DELETE /api/live/presence': { capability: 'work-leads', probe: (t) => ({ body: { leadId: t.leadId } }), otherTenant: 'own-tenant' },
  'GET /api/queue/count': { capability: 'work-leads', probe: () => ({}), otherTenant: 'own-tenant' },
  'GET /api/search': { capability: 'work-leads', probe: (t) => ({ path: `/api/search?q=${encodeURIComponent(t.leadName)}` }), otherTenant: 'own-tenant' },
  'POST /api/commands': { capability: 'work-leads', credentials: 'token', probe: (t) => ({ body: leadCommand(t) }), otherTenant: 'refused' },
  // Tenant A's agent is nobody another tenant may hand leads to; other batches' ids are nobody else's.
  'POST /api/bulk': { capability: 'bulk-change', probe: (t) => ({ body: { action: { kind: 'assign', ownerIds: [t.userId] }, leads: [{ leadId: t.leadId, version: 1 }] } }), otherTenant: 'refused' },
  'GET /api/bulk/selection': { capability: 'bulk-change', probe: () => ({ path: '/api/bulk/selection?status=Available' }), otherTenant: 'own-tenant' },
  'GET /api/bulk/[id]': { capability: 'bulk-change', probe: () => ({ path: `/api/bulk/${randomUUID()}` }), otherTenant: 'refused' },
  'POST /api/bulk/[id]/resume': { capability: 'bulk-change', probe: () => ({ path: `/api/bulk/${randomUUID()}/resume` }), otherTenant: 'refused' },
  'POST /api/bulk/[id]/undo': { capability: 'bulk-change', probe: () => ({ path: `/api/bulk/${randomUUID()}/undo` }), otherTenant: 'refused' },
  'GET /api/openapi.json': { capability: 'public', probe: () => ({}), otherTenant: 'public' },
  // The login itself: better-auth's own handler, which issues the credentials the gate checks.
  'GET /api/auth/[...all]': { capability: 'public', probe: () => ({ path: '/api/auth/get-session' }), otherTenant: 'public' },
  'POST /api/auth/[...all]': { capability: 'public', probe: () => ({ path: '/api/auth/sign-out' }), otherTenant: 'public' },

  'app/(app)/leads/actions.ts#registerLead': { capability: 'work-leads', probe: () => ({ input: { type: 'RegisterLead', commandId: randomUUID(), data: { leadId: randomUUID(), name: 'Gate Lead', emails: [`gate-${randomUUID()}@example.com`] } } }), otherTenant: 'own-tenant' },
  'app/(app)/leads/actions.ts#sendLeadCommand': { capability: 'work-leads', probe: (t) => ({ input: leadCommand(t) }), otherTenant: 'refused' },
  'app/(app)/leads/actions.ts#drawNextLead': { capability: 'work-leads', probe: () => ({ input: {} }), otherTenant: 'own-tenant' },
  'app/(app)/leads/actions.ts#mergeLeadPair': {
    capability: 'merge-leads',
    probe: (t) => ({ input: { survivorId: t.leadId, leadId: randomUUID(), survivorVersion: 1, leadVersion: 1, choices: { name: 'Gate', phones: [], emails: [], ownerId: null, status: 'Available' } } }),
    otherTenant: 'refused',
  },
  // A lead tenant A does not have: an allowed caller is refused with not found, and nothing is erased.
  'app/(app)/leads/_erase/actions.ts#eraseLeadData': { capability: 'erase-personal-data', probe: () => ({ input: { leadId: randomUUID(), reason: 'Gate' } }), otherTenant: 'refused' },
  'app/(app)/leads/actions.ts#undoMerge': { capability: 'merge-leads', probe: (t) => ({ input: { survivorId: t.leadId, mergeId: randomUUID() } }), otherTenant: 'refused' },
  // Saved views: one saved in another tenant is its own; the others name a view tenant A does not have.
  'app/(app)/leads/_views/actions.ts#saveView': { capability: 'work-leads', probe: () => ({ input: { viewId: randomUUID(), name: `Gate ${randomUUID().slice(0, 8)}`, query: 'status=Available' } }), otherTenant: 'own-tenant' },
  'app/(app)/leads/_views/actions.ts#renameView': { capability: 'work-leads', probe: () => ({ input: { viewId: randomUUID(), name: 'Gate view' } }), otherTenant: 'refused' },
  'app/(app)/leads/_views/actions.ts#deleteView': { capability: 'work-leads', probe: () => ({ input: { viewId: randomUUID() } }), otherTenant: 'refused' },
  'app/(app)/leads/_views/actions.ts#shareView': { capability: 'share-views', probe: () => ({ input: { viewId: randomUUID() } }), otherTenant: 'refused' },
  'app/(app)/leads/_views/actions.ts#unshareView': { capability: 'share-views', probe: () => ({ input: { viewId: randomUUID() } }), otherTenant: 'refused' },
  'app/(app)/leads/actions.ts#findContactHolders': { capability: 'work-leads', probe: (t) => ({ input: { kind: 'phone', value: t.phone } }), otherTenant: 'own-tenant' },
  'app/(app)/admin/users/actions.ts#addUser': { capability: 'manage-users', probe: () => ({ input: { name: 'Gate User', email: `gate-${randomUUID()}@example.com`, password: 'a-long-password', role: 'agent' } }), otherTenant: 'own-tenant' },
  'app/(app)/admin/users/actions.ts#changeUserRole': { capability: 'manage-users', probe: (t) => ({ input: { userId: t.userId, role: 'admin' } }), otherTenant: 'refused' },
  'app/(app)/admin/users/actions.ts#deactivateUser': { capability: 'manage-users', probe: (t) => ({ input: { userId: t.userId, reason: 'Gate probe' } }), otherTenant: 'refused' },
  'app/(app)/admin/users/actions.ts#reactivateUser': { capability: 'manage-users', probe: (t) => ({ input: { userId: t.userId, reason: 'Gate probe' } }), otherTenant: 'refused' },
  // Another tenant's admin changes their own rules; each probe sends a value their rules do not hold yet.
  'app/(app)/dialing/actions.ts#setCallingHours': { capability: 'manage-dialing', probe: () => ({ input: { hours: { days: [1, 2, 3, 4, 5], from: `08:${minute()}`, to: `20:${minute()}` } } }), otherTenant: 'own-tenant' },
  'app/(app)/dialing/actions.ts#setHoursOverrides': { capability: 'manage-dialing', probe: () => ({ input: { overrides: [{ region: 'US-TX', hours: { days: [1, 2, 3, 4, 5], from: `09:${minute()}`, to: '20:00' } }] } }), otherTenant: 'own-tenant' },
  'app/(app)/dialing/actions.ts#setDialingTimeZone': { capability: 'manage-dialing', probe: () => ({ input: { timeZone: ['America/Chicago', 'Asia/Tokyo', 'Europe/Paris', 'Australia/Sydney'][Math.floor(Math.random() * 4)] } }), otherTenant: 'own-tenant' },
  'app/(app)/dialing/actions.ts#setAttemptLimits': { capability: 'manage-dialing', probe: () => ({ input: { attempts: { perLeadPerDay: 3, perLeadTotal: 21 + Math.floor(Math.random() * 400), perPhonePer24h: 3 } } }), otherTenant: 'own-tenant' },
  'app/(app)/dialing/actions.ts#setDispositions': { capability: 'manage-dialing', probe: () => ({ input: { dispositions: [...DEFAULT_DIALING_RULES.dispositions, { ...DEFAULT_DIALING_RULES.dispositions[0]!, code: `gate-${randomUUID().slice(0, 8)}`, label: `Gate ${randomUUID().slice(0, 8)}` }] } }), otherTenant: 'own-tenant' },
  'app/(app)/dialing/actions.ts#setClaimTime': { capability: 'manage-dialing', probe: () => ({ input: { claimMinutes: 6 + Math.floor(Math.random() * 55) } }), otherTenant: 'own-tenant' },
  'app/(app)/dialing/actions.ts#setSourcePriorities': { capability: 'manage-dialing', probe: () => ({ input: { sourcePriorities: [{ source: `gate-${randomUUID()}`, priority: 5 }] } }), otherTenant: 'own-tenant' },
  // Tenant A's agent is nobody another tenant may hand leads to.
  'app/(app)/dialing/actions.ts#setAssignmentRules': { capability: 'manage-dialing', probe: (t) => ({ input: { assignment: [{ source: 'web', mode: 'round-robin', agents: [{ userId: t.userId, weight: 1 }] }] } }), otherTenant: 'refused' },
  'app/(app)/do-not-call/actions.ts#blockNumber': { capability: 'manage-do-not-call', probe: () => ({ input: { phone: freshNumber(), reason: 'Gate probe' } }), otherTenant: 'own-tenant' },
  // Another tenant's list does not hold tenant A's number: there is nothing for it to remove.
  'app/(app)/do-not-call/actions.ts#unblockNumber': { capability: 'manage-do-not-call', probe: (t) => ({ input: { phone: t.blockedPhone, reason: 'Gate probe' } }), otherTenant: 'refused' },
  'app/(app)/admin/tokens/actions.ts#addApiToken': { capability: 'manage-users', probe: () => ({ input: { name: 'Gate token' } }), otherTenant: 'own-tenant' },
  'app/(app)/admin/tokens/actions.ts#revokeToken': { capability: 'manage-users', probe: (t) => ({ input: { tokenId: t.tokenId } }), otherTenant: 'refused' },
  // Another tenant's admin registers their own endpoint (at a port nothing listens on); the others name an endpoint tenant A does not have.
  'app/(app)/admin/webhooks/actions.ts#registerEndpoint': { capability: 'manage-webhooks', probe: () => ({ input: { endpointId: randomUUID(), url: 'http://127.0.0.1:9/gate', types: ['NoteAdded'] } }), otherTenant: 'own-tenant' },
  'app/(app)/admin/webhooks/actions.ts#changeEndpoint': { capability: 'manage-webhooks', probe: () => ({ input: { endpointId: randomUUID(), url: 'http://127.0.0.1:9/gate', types: ['StatusChanged'] } }), otherTenant: 'refused' },
  'app/(app)/admin/webhooks/actions.ts#rotateSecret': { capability: 'manage-webhooks', probe: () => ({ input: { endpointId: randomUUID() } }), otherTenant: 'refused' },
  'app/(app)/admin/webhooks/actions.ts#disableEndpoint': { capability: 'manage-webhooks', probe: () => ({ input: { endpointId: randomUUID() } }), otherTenant: 'refused' },
  'app/(app)/admin/webhooks/actions.ts#enableEndpoint': { capability: 'manage-webhooks', probe: () => ({ input: { endpointId: randomUUID() } }), otherTenant: 'refused' },
  'app/(app)/admin/webhooks/actions.ts#replayDeliveries': { capability: 'manage-webhooks', probe: () => ({ input: { endpointId: randomUUID(), fromPosition: '1' } }), otherTenant: 'refused' },

  '/': { capability: 'logged-in', probe: () => ({}), otherTenant: 'own-tenant' },
  '/leads': { capability: 'work-leads', probe: () => ({}), otherTenant: 'own-tenant' },
  '/leads/new': { capability: 'work-leads', probe: () => ({}), otherTenant: 'own-tenant' },
  '/leads/[id]': { capability: 'work-leads', probe: (t) => ({ path: `/leads/${t.leadId}` }), otherTenant: 'refused' },
  '/leads/[id]/merge': { capability: 'merge-leads', probe: (t) => ({ path: `/leads/${t.leadId}/merge?with=${t.leadId}` }), otherTenant: 'refused' },
  '/queue': { capability: 'work-leads', probe: () => ({ path: '/queue?scope=team' }), otherTenant: 'own-tenant' },
  '/import': { capability: 'work-leads', probe: () => ({}), otherTenant: 'own-tenant' },
  '/analytics': { capability: 'view-analytics', probe: () => ({}), otherTenant: 'own-tenant' },
  '/dialing': { capability: 'manage-dialing', probe: () => ({}), otherTenant: 'own-tenant' },
  '/do-not-call': { capability: 'manage-do-not-call', probe: () => ({}), otherTenant: 'own-tenant' },
  '/do-not-call/import': { capability: 'manage-do-not-call', probe: () => ({}), otherTenant: 'own-tenant' },
  // Any number's page opens, with what the viewer's own list says of it.
  '/do-not-call/[number]': { capability: 'manage-do-not-call', probe: (t) => ({ path: `/do-not-call/${t.blockedPhone.slice(1)}` }), otherTenant: 'own-tenant' },
  '/export': { capability: 'export', probe: () => ({}), otherTenant: 'own-tenant' },
  '/duplicates': { capability: 'merge-leads', probe: () => ({}), otherTenant: 'own-tenant' },
  '/admin/users': { capability: 'manage-users', probe: () => ({}), otherTenant: 'own-tenant' },
  '/admin/tokens': { capability: 'manage-users', probe: () => ({}), otherTenant: 'own-tenant' },
  '/admin/system': { capability: 'manage-users', probe: () => ({}), otherTenant: 'own-tenant' },
  '/admin/webhooks': { capability: 'manage-webhooks', probe: () => ({}), otherTenant: 'own-tenant' },
  '/admin/webhooks/[id]': { capability: 'manage-webhooks', probe: () => ({ path: `/admin/webhooks/${randomUUID()}` }), otherTenant: 'refused' },
  '/bulk': { capability: 'bulk-change', probe: () => ({}), otherTenant: 'own-tenant' },
  '/bulk/[id]': { capability: 'bulk-change', probe: () => ({ path: `/bulk/${randomUUID()}` }), otherTenant: 'refused' },
  '/today': { capability: 'manage-dialing', probe: () => ({}), otherTenant: 'own-tenant' },
  '/login': { capability: 'public', probe: () => ({}), otherTenant: 'public' },
};

let targets: Targets;
let clients: Record<string, APIRequestContext>;
let tokens: { otherTenant: string; exportOnly: string; commandsOnly: string };

/** Tenant A's event count, read by its admin: what the calls of other tenants must not change. */
async function tenantAEvents(): Promise<number> {
  return ((await (await clients.admin!.get('/api/export/count')).json()) as { count: number }).count;
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const base = baseURL!;
  clients = { nobody: await httpClient(playwright, base), otherTenant: await httpClient(playwright, base, USERS.otherTenantAdmin) };
  for (const role of ROLES) clients[role] = await httpClient(playwright, base, USER_OF[role]);

  const leadId = randomUUID();
  const leadName = `Gate Probe ${randomUUID().slice(0, 8)}`;
  const phone = `07911 123${String(Math.floor(Math.random() * 1e3)).padStart(3, '0')}`;
  const registered = await callAction(clients.agent!, 'app/(app)/leads/actions.ts', 'registerLead', {
    type: 'RegisterLead', commandId: randomUUID(), data: { leadId, name: leadName, phones: [phone] },
  });
  expect(registered.ok, registered.text).toBe(true);
  const importCsv = { data: `Name,Email\nGate Import ${randomUUID()},gate-${randomUUID()}@example.com\n`, headers: { 'Content-Type': 'text/csv' } };
  const checked = (await (await clients.agent!.post('/api/imports', importCsv)).json()) as { importId: string };
  const imported = (await (await clients.agent!.post(`/api/imports/${checked.importId}?fileName=gate-a.csv`, importCsv)).json()) as { importId: string };
  const token = (scopes: string[], client = clients.admin!) =>
    callAction(client, 'app/(app)/admin/tokens/actions.ts', 'addApiToken', { name: `Gate ${scopes.join('+')}`, scopes }).then((answer) => actionData<{ id: string; token: string }>(answer));
  const blockedPhone = `+44${freshNumber().replace(/\D/g, '').slice(1)}`;
  const blocked = await callAction(clients.manager!, 'app/(app)/do-not-call/actions.ts', 'blockNumber', { phone: blockedPhone, reason: 'Gate target' });
  expect(blocked.ok, blocked.text).toBe(true);
  const dncCsv = { data: dncFile(), headers: { 'Content-Type': 'text/csv' } };
  const dncChecked = (await (await clients.manager!.post('/api/do-not-call/imports', dncCsv)).json()) as { importId: string };
  const dncImported = (await (await clients.manager!.post(`/api/do-not-call/imports/${dncChecked.importId}?fileName=gate-dnc.csv`, dncCsv)).json()) as { importId: string };
  await expect.poll(async () => ((await (await clients.manager!.get(`/api/do-not-call/imports/${dncImported.importId}`)).json()) as { state: string }).state).toBe('completed');
  const exportOnly = await token(['export']);
  tokens = { otherTenant: (await token(['export', 'commands'], clients.otherTenant!)).token, exportOnly: exportOnly.token, commandsOnly: (await token(['commands'])).token };
  targets = { leadId, leadName, phone, importId: imported.importId, tokenId: exportOnly.id, userId: 'ben', blockedPhone, dncImportId: dncImported.importId };
});

test.afterAll(async () => {
  for (const client of Object.values(clients)) await client.dispose();
});

type Answer = { status: number; refused: boolean; kind: string | null; text: string };

async function callRoute(client: APIRequestContext, method: string, url: string, access: Access, headers: Record<string, string> = {}): Promise<Answer> {
  const probe = access.probe(targets);
  const target = probe.path ?? url.replace('[section]', 'waiting').replace('[id]', targets.importId);
  const response = await client.fetch(target, {
    method, headers: { ...headers, ...(probe.body ? { 'Content-Type': 'application/json' } : probe.csv ? { 'Content-Type': 'text/csv' } : {}) },
    data: probe.body ? JSON.stringify(probe.body) : probe.csv, maxRedirects: 0,
  });
  const text = await response.text();
  const kind = /"kind":"([a-z-]+)"/.exec(text)?.[1] ?? null;
  return { status: response.status(), refused: response.status() >= 400, kind, text };
}

async function callActionOf(client: APIRequestContext, key: string, access: Access): Promise<Answer> {
  const [file, name] = key.split('#') as [string, string];
  const answer = await callAction(client, file, name, access.probe(targets).input);
  return { status: 200, refused: !answer.ok, kind: answer.kind, text: answer.text };
}

async function openPage(client: APIRequestContext, url: string, access: Access): Promise<Answer> {
  const probe = access.probe(targets);
  const response = await client.get(probe.path ?? url, { maxRedirects: 0 });
  const location = response.headers().location ?? '';
  const text = await response.text();
  // No session: a redirect to the login page (or, streamed, the redirect in the page's payload).
  const toLogin = (response.status() >= 300 && response.status() < 400 && location.endsWith('/login')) || /NEXT_REDIRECT;[a-z]+;\/login;/.test(text);
  return { status: response.status(), refused: toLogin || response.status() >= 400, kind: toLogin ? 'unauthenticated' : null, text };
}

/** The roles (never admin's, which may do all) that lack the capability. */
const rolesWithout = (capability: Capability) => ROLES.filter((role) => !can(role, capability));

test('every route handler, server action and page on disk has an entry here, and the build has every action on disk', () => {
  const onDisk = [...routeHandlers().map((route) => route.key), ...actionsOnDisk(), ...appFiles('page.tsx').map(urlOf)];
  expect(onDisk.filter((key) => !ACCESS[key]), 'entry points with no access rule in this test').toEqual([]);
  expect(Object.keys(ACCESS).filter((key) => !onDisk.includes(key)), 'rules for entry points that no longer exist').toEqual([]);
  const built = serverActions().map((action) => `${action.filename}#${action.exportedName}`);
  expect(actionsOnDisk().filter((key) => !built.includes(key))).toEqual([]);
  expect(built.filter((key) => !actionsOnDisk().includes(key)), 'server actions outside an actions.ts').toEqual([]);
});

test('route handlers refuse no credentials, the wrong role or scopes, and another tenant', async () => {
  const before = await tenantAEvents();
  for (const { key, method, url } of routeHandlers()) {
    const access = ACCESS[key]!;
    if (access.capability === 'public') continue;
    if (access.capability === 'logged-in') throw new Error(`${key}: every endpoint needs a capability`);
    const credentials = access.credentials ?? 'session';
    const nobody = await callRoute(clients.nobody!, method, url, access);
    expect([nobody.status, nobody.kind], `${key} without credentials`).toEqual([401, 'unauthenticated']);

    if (credentials !== 'token') {
      for (const role of rolesWithout(access.capability)) {
        const refused = await callRoute(clients[role]!, method, url, access);
        expect([refused.status, refused.kind], `${key} as ${role}`).toEqual([403, 'forbidden']);
      }
    } else {
      const session = await callRoute(clients.admin!, method, url, access);
      expect(session.status, `${key} with a session instead of a token`).toBe(401);
    }
    if (credentials !== 'session') {
      const wrongScope = access.capability === 'export' ? tokens.commandsOnly : tokens.exportOnly;
      const refused = await callRoute(clients.nobody!, method, url, access, { Authorization: `Bearer ${wrongScope}` });
      expect([refused.status, refused.kind], `${key} with a token without its scope`).toEqual([403, 'forbidden']);
      const bogus = await callRoute(clients.nobody!, method, url, access, { Authorization: 'Bearer lsk_000000000000_notatoken' });
      expect(bogus.status, `${key} with a bogus token`).toBe(401);
    }

    const other = credentials === 'token'
      ? await callRoute(clients.nobody!, method, url, access, { Authorization: `Bearer ${tokens.otherTenant}` })
      : await callRoute(clients.otherTenant!, method, url, access);
    if (access.otherTenant === 'refused') expect(other.refused, `${key} as another tenant: ${other.text.slice(0, 200)}`).toBe(true);
    else expect(other.status, `${key} as another tenant works on its own tenant`).toBe(200);
    for (const secret of [targets.leadId, targets.leadName, targets.importId, targets.dncImportId]) expect(other.text, `${key} as another tenant shows tenant A's ${secret}`).not.toContain(secret);
  }
  expect(await tenantAEvents(), 'nothing was written to tenant A').toBe(before);
});

test('server actions refuse no session, the wrong role, and another tenant', async () => {
  const before = await tenantAEvents();
  for (const key of actionsOnDisk()) {
    const access = ACCESS[key]!;
    if (access.capability === 'public' || access.capability === 'logged-in') throw new Error(`${key}: every server action needs a capability`);
    const nobody = await callActionOf(clients.nobody!, key, access);
    expect([nobody.refused, nobody.kind], `${key} without a session`).toEqual([true, 'unauthenticated']);
    for (const role of rolesWithout(access.capability)) {
      const refused = await callActionOf(clients[role]!, key, access);
      expect([refused.refused, refused.kind], `${key} as ${role}`).toEqual([true, 'forbidden']);
    }
    const other = await callActionOf(clients.otherTenant!, key, access);
    if (access.otherTenant === 'refused') expect(other.refused, `${key} as another tenant: ${other.text.slice(0, 200)}`).toBe(true);
    else expect(other.refused, `${key} as another tenant works on its own tenant: ${other.text.slice(0, 200)}`).toBe(false);
    for (const secret of [targets.leadId, targets.leadName, targets.importId]) expect(other.text, `${key} as another tenant shows tenant A's ${secret}`).not.toContain(secret);
  }
  // (A deactivation aimed at tenant A's user, or a removal of its blocked number, would have been an event of tenant A.)
  expect(await tenantAEvents(), 'nothing was written to tenant A').toBe(before);
  // Nor did the role change or the revocation aimed at tenant A take effect.
  const users = await (await clients.admin!.get('/admin/users')).text();
  expect(users).toMatch(/Ben Okafor/);
  const revoked = await clients.nobody!.get('/api/export/count', { headers: { Authorization: `Bearer ${tokens.exportOnly}` } });
  expect(revoked.status()).toBe(200);
});

test('pages send visitors without a session to the login page, give other roles the 403 page, and another tenant nothing of tenant A', async () => {
  for (const url of appFiles('page.tsx').map(urlOf)) {
    const access = ACCESS[url]!;
    if (url === '/login') continue;
    const nobody = await openPage(clients.nobody!, url, access);
    expect(nobody.kind, `${url} without a session`).toBe('unauthenticated');
    if (access.capability !== 'public' && access.capability !== 'logged-in') {
      for (const role of rolesWithout(access.capability)) {
        const refused = await openPage(clients[role]!, url, access);
        expect(refused.status, `${url} as ${role}`).toBe(403);
      }
    }
    const other = await openPage(clients.otherTenant!, url, access);
    if (access.otherTenant === 'refused') expect(other.status, `${url} as another tenant`).toBe(404);
    else expect(other.status, `${url} as another tenant`).toBe(200);
    // (The page echoes the address it was asked for, so the lead's id is in it: its name must not be.)
    expect(other.text, `${url} as another tenant shows tenant A's lead`).not.toContain(targets.leadName);
  }
});
