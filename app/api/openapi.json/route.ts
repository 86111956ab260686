import { openApiDocument } from '@/lib/api/openapi';
import { publicRoute } from '@/lib/gate';

export const dynamic = 'force-static';

/** GET /api/openapi.json: the description of the command and export APIs, for anyone to read. */
export const GET = publicRoute(async () => Response.json(openApiDocument()));
