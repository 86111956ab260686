import 'server-only';
// GET /api/health: whether this app server can serve, for load balancers and process managers.
// It says ok or not and nothing else (no versions, no positions, no tenants): anyone may ask.
import type { Db } from '@/lib/db/client';

const DATABASE_BUDGET_MS = 2000;

export async function healthResponse(db: Db, { budgetMs = DATABASE_BUDGET_MS }: { budgetMs?: number } = {}): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), budgetMs); });
  const answered = db.$queryRaw`SELECT 1`.then(() => true, () => false);
  const ok = await Promise.race([answered, late]).finally(() => clearTimeout(timer));
  return ok ? Response.json({ status: 'ok' }, { headers }) : Response.json({ status: 'unavailable' }, { status: 503, headers });
}
