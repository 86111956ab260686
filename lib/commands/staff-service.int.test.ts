// Off-boarding: an admin deactivates a user, and from that moment the user's session is refused,
// they cannot log in and the API tokens they created stop; their leads and history stay, under
// their name. Reactivated, all of it works again. Every change is an audited event.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportCountRoute } from '@/app/api/export/count/route';
import { GET as queueCountRoute } from '@/app/api/queue/count/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { auth } from '@/lib/auth/auth';
import { ValidationError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/gate/principal';
import { describeError } from '@/lib/present/error-text';
import { countExportEvents } from '@/lib/read/event-log/export/count';
import { accessHistory, deactivatedUserIds } from '@/lib/read/event-log/staff-access';
import { actorNames, assignableUsers, tenantUsers } from '@/lib/read/organisation/users';
import { leadHistory } from '@/lib/read/event-log/lead-history';
import { staffStreamId } from '@/lib/staff/staff';
import { createSystem } from '@/lib/system';
import { freshId, testDb } from '@/lib/testing/database';
import { loggedIn, requestAs, routeContext, type TestSession } from '@/lib/testing/sessions';
import { staffAggregate } from '@/lib/staff/aggregate';
import { handleCommand } from './handle-command';
import { runLeadCommand } from './lead-service';
import { changeUserAccess } from './staff-service';

const db = testDb();
const system = createSystem(db);

const asUser = (session: TestSession, name: string): CurrentUser => ({ kind: 'user', id: session.userId, name, email: `${session.userId}@leadstream.test`, tenantId: session.tenantId, role: session.role });
const queueCount = (session: TestSession) => queueCountRoute(requestAs(session, '/api/queue/count'), routeContext());
const exportCount = (token: string) => exportCountRoute(new Request('http://leadstream.test/api/export/count', { headers: { Authorization: `Bearer ${token}` } }), routeContext());
const logIn = (session: TestSession) =>
  auth.api.signInEmail({ body: { email: `${session.userId}@leadstream.test`, password: 'integration-test-password' }, asResponse: true });

describe('deactivating a user', () => {
  let tenantId: string;
  let admin: TestSession;
  let otherAdmin: TestSession;
  let agent: TestSession;
  let leadId: string;
  let token: string;

  beforeAll(async () => {
    tenantId = freshId('tenant');
    [admin, otherAdmin, agent] = [await loggedIn(db, tenantId, 'admin'), await loggedIn(db, tenantId, 'admin'), await loggedIn(db, tenantId, 'agent')];
    token = (await createApiToken(db, tenantId, otherAdmin.userId, { name: 'Made by the other admin', scopes: ['export'] })).token;
    leadId = randomUUID();
    await runLeadCommand(system, asUser(agent, 'Test agent'), { type: 'RegisterLead', data: { leadId, name: 'Kept Lead', phones: ['020 7946 0018'], ownerId: agent.userId } });
  });

  it('ends their session at the next request, stops their login and their tokens, and keeps their leads and history', async () => {
    expect((await queueCount(agent)).status).toBe(200);
    expect((await exportCount(token)).status).toBe(200);

    await changeUserAccess(system, asUser(admin, 'Admin'), 'deactivate', { userId: agent.userId, reason: 'Left the company' });
    await changeUserAccess(system, asUser(admin, 'Admin'), 'deactivate', { userId: otherAdmin.userId, reason: 'Moved to another team' });

    const refused = await queueCount(agent);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.kind).toBe('unauthenticated');
    expect(await db.session.count({ where: { userId: agent.userId } })).toBe(0);
    const login = await logIn(agent);
    expect(login.status).toBe(403);
    expect(await login.text()).toMatch(/deactivated/);
    const tokenRefused = await exportCount(token);
    expect(tokenRefused.status).toBe(401);
    expect((await tokenRefused.json()).error.message).toMatch(/the person who created it has been deactivated/);

    expect((await leadHistory(system.store, tenantId, leadId)).map((event) => event.actor)).toEqual([agent.userId]);
    expect((await actorNames(db, tenantId)).get(agent.userId)).toBe('Test agent');
    expect((await tenantUsers(db, tenantId)).find((user) => user.id === agent.userId)).toMatchObject({ active: false });
  });

  it('no longer offers them as a lead\'s owner, and refuses a command that names them', async () => {
    expect((await assignableUsers(db, tenantId)).map((person) => person.id)).not.toContain(agent.userId);
    const assign = runLeadCommand(system, asUser(admin, 'Admin'), { type: 'AssignLead', leadId, expectedVersion: 1, data: { ownerId: agent.userId } });
    await expect(assign).rejects.toBeInstanceOf(ValidationError);
  });

  it('is an event of the user\'s own stream, with the admin who did it, when and why, in the export too', async () => {
    const [event] = await system.store.readStream(tenantId, staffStreamId(agent.userId));
    expect(event).toMatchObject({ streamType: 'staff', type: 'UserDeactivated', data: { userId: agent.userId, reason: 'Left the company' }, metadata: { actor: admin.userId } });
    expect((await countExportEvents(db, tenantId, 0n, { type: ['UserDeactivated'] })).count).toBe(2);
    expect((await accessHistory(system.store, tenantId, [agent.userId, otherAdmin.userId])).map((change) => [change.userId, change.change, change.by, change.reason])).toEqual([
      [otherAdmin.userId, 'deactivated', admin.userId, 'Moved to another team'],
      [agent.userId, 'deactivated', admin.userId, 'Left the company'],
    ]);
  });

  it('refuses an admin deactivating themself, a user already deactivated, a user of another tenant, and a change without a reason', async () => {
    const refusal = (input: unknown, who = admin, change: 'deactivate' | 'reactivate' = 'deactivate') =>
      changeUserAccess(system, asUser(who, 'Admin'), change, input).then(() => null, (error: unknown) => describeError(error));
    expect(await refusal({ userId: admin.userId, reason: 'x' })).toBe('You cannot deactivate yourself: ask another admin.');
    expect(await refusal({ userId: agent.userId, reason: 'again' })).toBe('This user is already deactivated');
    const stranger = await loggedIn(db, freshId('tenant'), 'admin');
    expect(await refusal({ userId: agent.userId, reason: 'x' }, stranger, 'reactivate')).toBe('No such user in your organisation');
    expect(await refusal({ userId: agent.userId, reason: ' ' }, admin, 'reactivate')).toBe('Say why, for the audit log');
    expect(await refusal({ userId: admin.userId, reason: 'x' }, admin, 'reactivate')).toMatch(/only a deactivated user can be reactivated/);
    expect((await system.store.readStream(tenantId, staffStreamId(admin.userId)))).toEqual([]);
  });

  it('reactivated, they log in again, their tokens work again and they can own leads', async () => {
    await changeUserAccess(system, asUser(admin, 'Admin'), 'reactivate', { userId: agent.userId, reason: 'Came back' });
    await changeUserAccess(system, asUser(admin, 'Admin'), 'reactivate', { userId: otherAdmin.userId, reason: 'Back in the team' });
    expect(await deactivatedUserIds(db, tenantId, [agent.userId, otherAdmin.userId, admin.userId])).toEqual(new Set());
    const login = await logIn(agent);
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    expect((await queueCount({ ...agent, cookie })).status).toBe(200);
    expect((await exportCount(token)).status).toBe(200);
    expect((await assignableUsers(db, tenantId)).map((person) => person.id)).toContain(agent.userId);
    expect((await accessHistory(system.store, tenantId, [agent.userId]))[0]).toMatchObject({ change: 'reactivated', reason: 'Came back', by: admin.userId });
  });

  it('is enforced from the log itself: a session still stored is refused the moment the event commits', async () => {
    const agent2 = await loggedIn(db, tenantId, 'agent');
    // The event alone, without the service's deletion of the sessions.
    await handleCommand(system.store, staffAggregate, {
      tenantId, streamId: staffStreamId(agent2.userId), command: { type: 'DeactivateUser', data: { userId: agent2.userId, reason: 'Left', by: admin.userId } },
      commandId: randomUUID(), actor: admin.userId, now: new Date(),
    });
    expect(await db.session.count({ where: { userId: agent2.userId } })).toBe(1);
    const refused = await queueCount(agent2);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toBe('Your account has been deactivated: ask an administrator.');
  });
});
