// Next-lead benchmark on the bench tenant (generate it with `npm run bench`; its leads belong to 200
// agents): every agent at once draws its next lead, records a call on it (no answer, so the lead is
// recycled) and draws again, for a fixed time, through the app's own next-lead service and command
// handler. Reports the draw's p50/p95/p99, the share of draws that met another agent's claim and
// moved on, and the recorded call's p95; next to the textbook queue claim in plain SQL (a row picked
// FOR UPDATE SKIP LOCKED and marked, rolled back) by as many agents in the same run.
//   npm run bench:next-lead [-- --leads 1000000 --agents 200 --seconds 60]
// Grows the bench tenant to --leads first when it is smaller (as `npm run bench` does) and brings
// its lead table up to date.
// The draws write real claims and calls into the bench tenant's log. The clock is fixed on a
// weekday at 10:00 in London, inside the default calling hours, and moves on as the run does.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { executeLeadCommand } from '@/lib/commands/lead-commands';
import { nextLead } from '@/lib/commands/next-lead';
import { createDb } from '@/lib/db/client';
import { createSystem } from '@/lib/system';
import { countBenchLeads, growBenchTenant } from './generate/insert';
import { AGENTS, BENCH_TENANT } from './generate/leads';
import { table } from './lib/report';
import { round, summarise } from './lib/stats';

const { values } = parseArgs({ options: { leads: { type: 'string', default: '1000000' }, agents: { type: 'string', default: '200' }, seconds: { type: 'string', default: '60' } } });
const AGENT_COUNT = Math.min(Number(values.agents), AGENTS.length);
const SECONDS = Number(values.seconds);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `npm run bench:next-lead`');
const log = (line: string) => console.error(line);
const pool = new pg.Pool({ connectionString: url, max: 20 });
const db = createDb(url, { poolSize: 20, statementTimeoutMs: 0 });
const system = createSystem(db);
const agents = AGENTS.slice(0, AGENT_COUNT);
const START = new Date('2026-11-04T10:00:00Z'); // a Wednesday, 10:00 in London
const clock = (started: number) => new Date(START.getTime() + (performance.now() - started));

type Run = { draws: number[]; records: number[]; claimed: number; dry: number; collisions: number };

async function appPath(): Promise<Run> {
  const run: Run = { draws: [], records: [], claimed: 0, dry: 0, collisions: 0 };
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(agents.map(async (agentId) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const drawn = await nextLead(system, BENCH_TENANT, agentId, clock(started));
      run.draws.push(performance.now() - t0);
      run.collisions += drawn.collisions;
      if (drawn.kind === 'none') {
        run.dry++;
        continue;
      }
      run.claimed++;
      const t1 = performance.now();
      await executeLeadCommand(system.store, { tenantId: BENCH_TENANT, actorId: agentId, region: 'GB', now: clock(started), dialing: system.dialing }, {
        type: 'RecordCallOutcome', leadId: drawn.leadId, data: { outcome: 'no-answer', agentId },
      });
      run.records.push(performance.now() - t1);
    }
  }));
  return run;
}

/** The textbook queue claim: the agent's most due lead, skipping locked rows, marked held; rolled back. */
async function plainSql(): Promise<Run> {
  const run: Run = { draws: [], records: [], claimed: 0, dry: 0, collisions: 0 };
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(agents.slice(0, 20).map(async (agentId) => {
    const client = await pool.connect();
    try {
      while (performance.now() < until) {
        const t0 = performance.now();
        await client.query('BEGIN');
        const { rowCount } = await client.query(
          `UPDATE leads SET claimed_by = $2, claim_until = $3::timestamptz + interval '5 minutes'
           WHERE (tenant_id, lead_id) = (
             SELECT tenant_id, lead_id FROM leads
             WHERE tenant_id = $1 AND owner_id = $2 AND status = 'Available' AND call_count > 0 AND retry_at <= $3
               AND NOT do_not_call AND NOT exhausted AND (claimed_by IS NULL OR claim_until <= $3)
             ORDER BY retry_at LIMIT 1 FOR UPDATE SKIP LOCKED)`,
          [BENCH_TENANT, agentId, START],
        );
        await client.query('ROLLBACK');
        run.draws.push(performance.now() - t0);
        if (rowCount) run.claimed++;
        else run.dry++;
      }
    } finally {
      client.release();
    }
  }));
  return run;
}

if (await growBenchTenant(pool, Number(values.leads), log)) {
  log('  bringing the lead table up to date ...');
  await system.projections.rebuild('lead-table');
  await pool.query('VACUUM (ANALYZE) leads');
}
const leads = await countBenchLeads(pool);
log(`Next lead: ${AGENT_COUNT} agents for ${SECONDS} s on ${leads.toLocaleString('en')} leads`);
log('  plain SQL claim (20 connections, rolled back) ...');
const baseline = await plainSql();
log('  the app\u2019s next lead, then a call recorded, per agent ...');
const app = await appPath();

const row = (name: string, samples: number[]) => {
  const s = summarise(samples);
  return [name, samples.length, round(s.p50, 1), round(s.p95, 1), round(s.p99, 1)];
};
process.stdout.write(table(`Next lead on ${leads.toLocaleString('en')} leads, ${AGENT_COUNT} agents at once for ${SECONDS} s (ms)`, ['what', 'count', 'p50', 'p95', 'p99'], [
  row('next lead (draw and claim)', app.draws),
  row('recording the call (no answer)', app.records),
  row('plain SQL claim, rolled back', baseline.draws),
]));
const share = app.collisions / Math.max(1, app.claimed + app.collisions);
process.stdout.write(`Claims: ${app.claimed}; draws finding nothing: ${app.dry}; collisions moved past: ${app.collisions} (${round(share * 100, 1)}% of claim attempts); p95 ratio to plain SQL: ${round(summarise(app.draws).p95 / summarise(baseline.draws).p95, 1)}x\n`);
process.stdout.write(`${JSON.stringify({ leads, agents: AGENT_COUNT, seconds: SECONDS, draw: summarise(app.draws), record: summarise(app.records), baseline: summarise(baseline.draws), claimed: app.claimed, dry: app.dry, collisions: app.collisions })}\n`);
await pool.end();
await db.$disconnect();
