import { commandResponse } from '@/lib/api/commands';
import { route } from '@/lib/gate';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

/**
 * POST /api/commands with `Authorization: Bearer <token with the commands scope>`,
 * `Idempotency-Key: <command id>` and `{ type, leadId, expectedVersion, data }`: one lead command,
 * as an agent would issue it. See /api/openapi.json and the README.
 */
export const POST = route({ capability: 'work-leads', credentials: 'token', limit: 'commands' }, (caller, request) => commandResponse(system(), caller, request));
