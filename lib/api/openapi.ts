// The OpenAPI 3.1 description of Leadstream's APIs for other systems (the command API and the
// audit-log export), generated from the very Zod schemas the endpoints check their input with.
import { z } from 'zod';
import { createDocument } from 'zod-openapi';
import { leadCommandSchemas, LEAD_COMMAND_TYPES } from '@/lib/leads/schemas';
import { exportParamsSchema } from '@/lib/read/event-log/export/params';
import { byteSize } from '@/lib/input/body';
import { COMMAND_BODY_LIMIT, commandAccepted, IDEMPOTENCY_KEY } from './command-schemas';

const errorBody = z.object({
  error: z.object({
    kind: z.enum(['unauthenticated', 'forbidden', 'validation', 'illegal-state', 'not-found', 'conflict', 'concurrency', 'too-large', 'busy', 'unexpected']),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional().meta({ description: 'Each bad field and what is wrong with it: a field of the command\u2019s `data` by its dotted path (`phones.0`), an envelope field (`expectedVersion`), a header (`Idempotency-Key`) or a parameter.' }),
    parameter: z.string().optional().meta({ description: 'The query parameter at fault (export).' }),
    currentVersion: z.number().int().optional().meta({ description: 'Conflicts: the lead\u2019s version now.' }),
    changes: z.array(z.object({ version: z.number().int(), type: z.string(), actor: z.string().nullable(), occurredAt: z.string(), data: z.unknown() }))
      .optional().meta({ description: 'Conflicts: the changes made since the expected version that collide with the command.' }),
  }),
}).meta({ id: 'Error' });

const leadId = z.uuid().meta({ description: 'The lead the command is for.' });
const expectedVersion = z.number().int().min(0).meta({
  description: 'The lead\u2019s version the caller last saw. Behind the current one, the command is applied anyway unless a change made since collides with it (409 with those changes).',
});

// Phones typed without a country code are read in the tenant's region; the schema's shape is the same in every region.
const dataSchemas = leadCommandSchemas('GB');
const commandBodies = LEAD_COMMAND_TYPES.map((type) =>
  z.strictObject(type === 'RegisterLead'
    ? { type: z.literal(type), data: dataSchemas[type] }
    : { type: z.literal(type), leadId, expectedVersion: expectedVersion.optional(), data: dataSchemas[type] }).meta({ id: `${type}Command` }));

const commandRequest = z.discriminatedUnion('type', commandBodies as unknown as [z.ZodObject, ...z.ZodObject[]]).meta({ id: 'CommandRequest' });

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const refusals = {
  '400': json(errorBody, 'A bad field, header or parameter, each named in `fields`; nothing was stored.'),
  '401': json(errorBody, 'No API token, or one that is malformed, unknown, revoked or expired, or whose creator has been deactivated.'),
  '403': json(errorBody, 'The token\u2019s scopes do not allow this.'),
  '429': json(errorBody, '`rate-limited`: more requests a minute than the token may make; try again after Retry-After seconds. Nothing was stored.'),
};

export function openApiDocument() {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Leadstream API',
      version: '1',
      description: 'Issue the commands agents issue (dialers and other systems), and export the complete audit log (BI tools). Authenticate with an API token made by an admin on /admin/tokens.',
    },
    components: { securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: 'lsk_<prefix>_<secret>, from /admin/tokens' } } },
    security: [{ apiToken: [] }],
    paths: {
      '/api/commands': {
        post: {
          summary: 'Issue one lead command',
          description: `Needs a token with the \`commands\` scope. The command is checked field by field and decided by the same rules as an agent\u2019s. The body is at most ${byteSize(COMMAND_BODY_LIMIT)}.`,
          requestParams: {
            header: z.object({
              'Idempotency-Key': z.string().regex(IDEMPOTENCY_KEY).optional().meta({ description: 'The command id: sending the same key again returns the first result and writes nothing.' }),
            }),
          },
          requestBody: { required: true, content: { 'application/json': { schema: commandRequest } } },
          responses: {
            '200': json(commandAccepted, 'The command was carried out (or, with an Idempotency-Key seen before, had been).'),
            ...refusals,
            '404': json(errorBody, 'No such lead in the token\u2019s organisation.'),
            '409': json(errorBody, '`conflict`: changes made since `expectedVersion` collide with the command (listed in `changes`); `concurrency`: `expectedVersion` is ahead of the lead.'),
            '413': json(errorBody, `The body is larger than ${byteSize(COMMAND_BODY_LIMIT)}; nothing was read past that, nothing was stored.`),
            '422': json(errorBody, 'The lead\u2019s current state does not allow the command (for example, a converted lead\u2019s status cannot change).'),
          },
        },
      },
      '/api/export': {
        get: {
          summary: 'Export the audit log',
          description: 'Needs a token with the `export` scope. Every event of the organisation in position order, streamed. Pass the response\u2019s X-Export-Horizon as `after` to fetch only what is new.',
          requestParams: { query: exportParamsSchema },
          responses: {
            '200': {
              description: 'The events, CSV or NDJSON (gzip when asked).',
              headers: z.object({
                'X-Export-After': z.string().meta({ description: 'The `after` used.' }),
                'X-Export-Horizon': z.string().meta({ description: 'Every event of the file is at or below this position; use it as the next `after`.' }),
              }),
              content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() }, 'application/gzip': { schema: z.string() } },
            },
            ...refusals,
            '503': json(errorBody, 'Appends in flight did not settle within 5 s: try again after Retry-After seconds.'),
          },
        },
      },
      '/api/export/count': {
        get: {
          summary: 'Count the events an export would hold',
          requestParams: { query: exportParamsSchema },
          responses: {
            '200': json(z.object({ count: z.number().int(), lastPosition: z.string() }), 'How many events match, and the last one\u2019s position.'),
            ...refusals,
          },
        },
      },
    },
  });
}
