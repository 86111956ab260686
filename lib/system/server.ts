import 'server-only';
import { db } from '@/lib/db';
import { createSystem, type System } from '.';

// One system per server process, on its one database client, kept across hot reloads in development.
const globalForSystem = globalThis as unknown as { leadstreamSystem?: System };

export function system(): System {
  globalForSystem.leadstreamSystem ??= createSystem(db());
  return globalForSystem.leadstreamSystem;
}
