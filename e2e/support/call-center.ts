// A call center of a test's own: its tenant and people, made straight in the test database, so the
// rules, leads and figures a test changes are nobody else's. And a clock the test moves: the test
// server honours the X-Leadstream-Now header (lib/clock.ts), so hours pass without waiting.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createUser } from '../../lib/auth/users';
import type { Role } from '../../lib/auth/roles';
import { createDb } from '../../lib/db/client';
import { createSystem, type System } from '../../lib/system';
import { PASSWORD } from './auth';

export type CallCenter<Name extends string> = { readonly tenantId: string; readonly emails: Readonly<Record<Name, string>> };

/** Its people by a short name each (their login is `<name>-<tenant>@example.com`); `setUp` fills it. */
export async function openCallCenter<Name extends string>(
  label: string,
  people: Readonly<Record<Name, { readonly name: string; readonly role: Role }>>,
  setUp: (system: System, tenantId: string) => Promise<void> = async () => {},
): Promise<CallCenter<Name>> {
  const tenantId = `${label.toLowerCase().replaceAll(' ', '-')}-${randomUUID().slice(0, 8)}`;
  const db = createDb(process.env.DATABASE_URL!, { poolSize: 2 });
  try {
    await db.tenant.create({ data: { id: tenantId, name: `${label} Test Sales` } });
    const emails = {} as Record<Name, string>;
    for (const [key, person] of Object.entries(people) as [Name, { name: string; role: Role }][]) {
      emails[key] = `${key}-${tenantId}@example.com`;
      await createUser(db, tenantId, { name: person.name, email: emails[key], password: PASSWORD, role: person.role });
    }
    await setUp(createSystem(db), tenantId);
    return { tenantId, emails };
  } finally {
    await db.$disconnect();
  }
}

/** Every request of the page's browser context from now on happens at `at`. */
export async function sayTime(page: Page, at: Date): Promise<void> {
  // lib/clock.ts's CLOCK_HEADER (that module is server-only).
  await page.context().setExtraHTTPHeaders({ 'x-leadstream-now': at.toISOString() });
}
