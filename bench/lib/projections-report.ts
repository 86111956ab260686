// The projections benchmark's output: one table per measurement (each row with the core count),
// a summary of every figure against its target, and one final JSON line.
import type { Generation } from '../generate/insert';
import type { LagRun } from './projections-lag';
import type { RebuildRun } from './projections-rebuild';
import type { SearchRun } from './projections-search';
import { table, type Cell } from './report';
import { round } from './stats';

export const REBUILD_TARGET = 50_000; // events/s
export const REBUILD_RATIO_TARGET = 0.6; // every read model's rebuild over the plain copy of the same rows
export const SEARCH_TARGET_MS = 50; // p95
export const LAG_TARGET_MS = 250; // p99
export const RSS_GROWTH_LIMIT = 1.25; // peak at N over peak at --small

export type Phase = {
  label: 'small' | 'full';
  target: number;
  benchLeads: number;
  events: { bench: number; other: number };
  generation: Generation | null;
  vacuumSeconds: number;
  rebuilds: RebuildRun[];
  total: Omit<RebuildRun, 'tables'>;
  searches: SearchRun[];
  explains: Record<string, string>;
  at: string;
  /** Measured by an earlier run (the log has since grown past --small). */
  reused?: boolean;
};

type Report = {
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; diskFreeGb: number; databaseSizeBefore: string };
  phases: Phase[];
  /** Null when the run measured the rebuilds only (--rebuilds-only). */
  lag: LagRun | null;
  small: number;
  leads: number;
  wallSeconds: number;
};

const r0 = (x: number) => Math.round(x);
const r1 = (x: number) => round(x, 1);
const scale = (phase: Phase) => `${phase.benchLeads.toLocaleString('en')} leads${phase.reused ? ` (run of ${phase.at.slice(0, 16)})` : ''}`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** The rebuild of every read model against the plain copy of their rows: baseline seconds over rebuild seconds. */
const rebuildRatio = (phase: Phase) => phase.total.baseline.seconds / phase.total.seconds;

export function printReport({ machine, phases, lag, small, leads, wallSeconds }: Report): void {
  const cpus = machine.cpus;
  const full = phases.at(-1)!;
  const smallPhase = phases.length > 1 ? phases[0]! : null;
  console.log(table('Machine', ['cpus', 'cpu model', 'memory GB', 'node', 'postgres', 'disk free GB', 'db size before'], [
    [cpus, machine.cpuModel, machine.memoryGb, machine.node, machine.postgres, machine.diskFreeGb, machine.databaseSizeBefore],
  ]));
  console.log(table(
    `Data: tenant 'bench' (demoLeadHistory -> parseLeadCommand -> decide/evolve -> plain pg, ~5000 rows per INSERT, one commit each)\n` +
      'other = events of other tenants in the same log (bench:store\'s dataset): every rebuild replays them too',
    ['cpus', 'scale', 'generated leads', 'events', 'events/lead', 'refused cmds', 'workers', 'gen s', 'events/s', 'vacuum s', 'bench events', 'other events'],
    phases.map((p) => {
      const g = p.generation;
      return g
        ? [cpus, scale(p), `${g.fromLeads.toLocaleString('en')}..${g.toLeads.toLocaleString('en')}`, g.events, round(g.events / (g.toLeads - g.fromLeads), 2), g.refused, g.workers, r1(g.seconds), r0(g.eventsPerSec), r1(p.vacuumSeconds), p.events.bench, p.events.other]
        : [cpus, scale(p), 'skipped: already there', '', '', '', '', '', '', '', p.events.bench, p.events.other];
    }),
  ));
  console.log(table(
    'Rebuilds (rebuildLeadTable, rebuildDoNotCall in place; rebuildProjections: every async one in one pass, with swap) vs baseline:\n' +
      'CREATE TABLE x_baseline (LIKE x INCLUDING ALL); INSERT ... SELECT * FROM x, for every table of the read model\n' +
      'baseline events/s = the rebuild\'s events / baseline seconds; rebuild/baseline = baseline seconds / rebuild seconds; RSS sampled every 100 ms',
    ['cpus', 'scale', 'projection', 'events', 'rebuild s', 'events/s', 'rows', 'baseline s', 'rows/s', 'baseline events/s', 'rebuild/baseline', 'RSS start MB', 'peak RSS MB'],
    phases.flatMap((p) => [...p.rebuilds, p.total].map((run) => [
      cpus, scale(p), run.name, run.events, r1(run.seconds), r0(run.eventsPerSec), run.baseline.rows, r1(run.baseline.seconds), r0(run.baseline.rowsPerSec),
      r0(run.baseline.eventsPerSec), run.events > 0 ? round(run.baseline.seconds / run.seconds, 3) : 'n/a', r0(run.rssStartMb), r0(run.peakRssMb),
    ])),
  ));
  console.log(table(
    'Search: searchLeads(db, \'bench\', text, { region: \'GB\' }), sequential, warm (20 untimed first), inputs sampled (seeded) from the terms',
    ['cpus', 'scale', 'query', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', 'avg results', 'slowest input', 'slowest ms'],
    phases.flatMap((p) => p.searches.map((s) => [cpus, scale(p), s.type, s.queries, r1(s.latency.p50), r1(s.latency.p95), r1(s.latency.p99), r1(s.latency.mean), round(s.meanResults, 1), JSON.stringify(s.slowest.text), r1(s.slowest.ms)])),
  ));
  console.log(table('Search p95 by input variant', ['cpus', 'scale', 'query', 'variant', 'p50 ms', 'p95 ms'],
    phases.flatMap((p) => p.searches.flatMap((s) => Object.entries(s.byVariant).map(([variant, l]) => [cpus, scale(p), s.type, variant, r1(l.p50), r1(l.p95)] as Cell[]))),
  ));
  if (lag) {
    const refused = Object.entries(lag.refused).map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none';
    console.log(table(
      `Async projection lag: executeLeadCommand at ${lag.rate}/s for ${round(lag.seconds, 1)} s (AddNote / ChangeStatus / ChangeContactInfo), runProjector in-process;\n` +
        'lag = command returned -> waitForProjection (poll 5 ms) says search-terms and status-history have passed it',
      ['cpus', 'leads', 'issued', 'ok', 'refused', 'failed', 'timed out', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [[cpus, full.benchLeads, lag.issued, lag.succeeded, refused, lag.failed, lag.timedOut, r1(lag.lag.p50), r1(lag.lag.p95), r1(lag.lag.p99), r1(lag.lag.max)]],
    ));
  }
  for (const p of phases) for (const [type, file] of Object.entries(p.explains)) console.log(`EXPLAIN (ANALYZE, BUFFERS) of the slowest ${type} search at ${scale(p)}: ${file}`);

  const summary: Cell[][] = [];
  const row = (figure: string, value: Cell, target: string, ok: boolean | null) => summary.push([cpus, figure, value, target, ok === null ? 'n/a' : verdict(ok)]);
  for (const run of [...full.rebuilds, full.total]) row(`rebuild ${run.name} at ${full.benchLeads.toLocaleString('en')} leads, events/s`, r0(run.eventsPerSec), `>= ${REBUILD_TARGET.toLocaleString('en')}`, run.eventsPerSec >= REBUILD_TARGET);
  const ratio = rebuildRatio(full);
  row(`rebuild of every read model / plain copy of the same rows (${r1(full.total.seconds)} s vs ${r1(full.total.baseline.seconds)} s)`, round(ratio, 3), `>= ${REBUILD_RATIO_TARGET}`, ratio >= REBUILD_RATIO_TARGET);
  for (const run of full.rebuilds) {
    const before = smallPhase?.rebuilds.find((r) => r.name === run.name);
    row(`peak RSS ${run.name}, MB (${smallPhase && before ? `${r0(before.peakRssMb)} at ${smallPhase.benchLeads.toLocaleString('en')} ->` : ''} at N)`, r0(run.peakRssMb), `<= ${RSS_GROWTH_LIMIT}x small`, before ? run.peakRssMb <= RSS_GROWTH_LIMIT * before.peakRssMb : null);
  }
  for (const s of full.searches) row(`search ${s.type} p95 at ${full.benchLeads.toLocaleString('en')} leads, ms`, r1(s.latency.p95), `< ${SEARCH_TARGET_MS}`, s.latency.p95 < SEARCH_TARGET_MS);
  if (lag) row('async projection lag p99, ms', r1(lag.lag.p99), `< ${LAG_TARGET_MS}`, lag.lag.p99 < LAG_TARGET_MS && lag.timedOut === 0);
  console.log(table(`Summary (--leads ${leads} --small ${small}, wall ${r0(wallSeconds)} s)`, ['cpus', 'figure', 'value', 'target', 'result'], summary));

  console.log(JSON.stringify({
    bench: 'projections',
    at: new Date().toISOString(),
    args: { leads, small },
    wallSeconds: r1(wallSeconds),
    machine,
    phases,
    lag,
    rebuild: {
      seconds: r1(full.total.seconds), baselineSeconds: r1(full.total.baseline.seconds), ratio: round(rebuildRatio(full), 3), target: REBUILD_RATIO_TARGET,
      peakRssMb: r0(full.total.peakRssMb),
      byReadModel: full.rebuilds.map((run) => ({ name: run.name, events: run.events, seconds: r1(run.seconds), baselineSeconds: r1(run.baseline.seconds), ratio: run.events > 0 ? round(run.baseline.seconds / run.seconds, 3) : null })),
    },
    summary: summary.map(([, figure, value, target, result]) => ({ figure, value, target, result })),
  }));
}
