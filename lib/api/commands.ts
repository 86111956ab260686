import 'server-only';
// POST /api/commands: the commands agents issue, for dialers and other systems holding an API token
// with the `commands` scope. The same schemas, the same handler and the same result as the lead
// pages' server actions (lib/commands/lead-service.ts); the `Idempotency-Key` header is the command
// id, so a retry returns the first result and writes nothing again.
import type { z } from 'zod';
import { clockOf } from '@/lib/clock';
import { runLeadCommand } from '@/lib/commands/lead-service';
import { IllegalStateError } from '@/lib/errors';
import { errorResponse } from '@/lib/gate/result';
import { BodyTooLargeError, bodyText, byteSize } from '@/lib/input/body';
import { fieldError, parseInput } from '@/lib/input/validation';
import type { Principal } from '@/lib/gate/principal';
import type { System } from '@/lib/system';
import { COMMAND_BODY_LIMIT, commandAccepted, commandRequestEnvelope, IDEMPOTENCY_KEY } from './command-schemas';

/** The body, as JSON, or a 400 naming what is wrong with it; BodyTooLargeError past the limit. */
export async function jsonBody(request: Request, limit = COMMAND_BODY_LIMIT): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) throw fieldError('Content-Type', 'Send the command as JSON (Content-Type: application/json)');
  const text = await bodyText(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw fieldError('body', 'The body is not valid JSON');
  }
}

const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export async function commandResponse(system: System, caller: Principal, request: Request): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) throw fieldError(IDEMPOTENCY_HEADER, 'Idempotency-Key must be 8 to 100 visible characters (a UUID, say)');
  let json: unknown;
  try {
    json = await jsonBody(request);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return errorResponse({ kind: 'too-large', message: `A command is at most ${byteSize(COMMAND_BODY_LIMIT)} of JSON; this body is larger. Nothing was stored.` });
  }
  const body = parseInput(commandRequestEnvelope, json);
  const outcome = await runLeadCommand(system, caller, { ...body, ...(key === null ? {} : { commandId: key }) }, clockOf(request.headers)).catch((error: unknown) => {
    // Over HTTP the command id is the Idempotency-Key header: name it as the client sent it.
    if (key !== null && error instanceof IllegalStateError && error.field === 'commandId') throw new IllegalStateError(error.code, { ...error.details, field: IDEMPOTENCY_HEADER });
    throw error;
  });
  return Response.json(outcome satisfies z.input<typeof commandAccepted>, { headers: { 'Cache-Control': 'no-store' } });
}
