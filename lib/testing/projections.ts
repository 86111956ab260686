// Helpers for projection tests: table contents of one tenant, comparable across live and rebuilt
// tables, and projector processes started as a user would start them.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import type { Db } from '@/lib/db/client';
import { ident } from '@/lib/db/sql';
import type { EventStore } from '@/lib/event-store';
import { rebuildProjection } from '@/lib/read/engine/rebuild';
import { ASYNC_PROJECTIONS } from '@/lib/system/projections';

/** Every row of `table` for the tenant, as plain JSON, in a stable order. */
export async function tenantRows(db: Db, table: string, tenantId: string): Promise<unknown[]> {
  const rows = await db.$queryRaw<{ row: Record<string, unknown> }[]>`SELECT to_jsonb(t) AS row FROM ${ident(table)} t WHERE tenant_id = ${tenantId}`;
  return rows.map((r) => r.row).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Each async read model's live table, for the tenant, equals a fresh rebuild of it from the log. */
export async function expectAsyncModelsEqualRebuild(store: EventStore, tenantId: string): Promise<void> {
  for (const projection of ASYNC_PROJECTIONS) {
    await rebuildProjection(store, projection, { tenantId });
    for (const table of projection.tables) {
      expect(await tenantRows(store.db, table, tenantId), `${table} equals its rebuild`).toEqual(await tenantRows(store.db, `${table}__rebuild`, tenantId));
    }
  }
}

export type ProjectorProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** `scripts/projector.ts` in a child process, as `npm run projector` runs it. */
export function startProjector(args: string[] = [], env: Record<string, string> = {}): ProjectorProcess {
  const root = path.resolve(import.meta.dirname, '..', '..');
  // node itself with tsx's loader (not the tsx wrapper, which would run it in a grandchild that a
  // SIGKILL of the wrapper leaves running).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/projector.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function until(condition: () => Promise<boolean> | boolean, { timeoutMs = 20_000, everyMs = 50 } = {}): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
