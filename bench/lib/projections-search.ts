// Search latency: what agents type, sampled (seeded) from the bench tenant's own search terms, run
// one after another through searchLeads against the warm database.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { seededRandom, type Random } from '@/lib/demo/random';
import type { Db } from '@/lib/db/client';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { searchLeads } from '@/lib/read/search-terms/search';
import { BENCH_TENANT, leadIdOf } from '../generate/leads';
import { summarise, type Latencies } from './stats';

export const QUERY_TYPES = ['phone', 'email', 'name', 'previous'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];
export type SearchInput = { type: QueryType; variant: string; text: string };
export type SearchRun = { type: QueryType; queries: number; latency: Latencies; meanResults: number; slowest: { text: string; ms: number }; byVariant: Record<string, Latencies> };

const TIMED = 200;
const WARM = 20;
const SAMPLED_LEADS = 4000;

type TermRow = { kind: string; value: string; normalized: string; current: boolean };

/** 4-7 consecutive digits of a UK number as typed: from the start with its trunk 0, or from inside with a space. */
function phoneFragment(random: Random, digits: string, leadingZero: boolean): string {
  const national = `0${digits.slice(2)}`; // every bench phone is +44
  const length = random.int(4, 7);
  if (leadingZero) {
    const typed = national.slice(0, length);
    return typed.length > 5 ? `${typed.slice(0, 5)} ${typed.slice(5)}` : typed;
  }
  const start = random.int(1, national.length - length);
  const fragment = national.slice(start, start + length);
  const cut = random.int(1, length - 1);
  return `${fragment.slice(0, cut)} ${fragment.slice(cut)}`;
}

/** 4-6 letters of the surname; a third upper-cased, a third typed without accents. */
function nameFragment(random: Random, name: string, style: number): string {
  const surname = name.split(' ').pop()!;
  const length = random.int(4, 6);
  const start = surname.length > length ? random.int(0, surname.length - length) : 0;
  const fragment = surname.slice(start, start + length);
  if (style === 1) return fragment.toUpperCase();
  if (style === 2) return fragment.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return fragment;
}

function emailFragment(random: Random, email: string, local: boolean): string {
  const [localPart, domain] = email.split('@') as [string, string];
  if (local) return localPart;
  const labels = domain.split('.');
  const at = random.int(0, labels.length - 2);
  return labels.slice(at, at + 2).join('.'); // e.g. "inbox.example", "example.net"
}

/** WARM + TIMED inputs per type, drawn from the terms of seeded random leads among the first `leads`. */
export async function sampleInputs(pool: pg.Pool, leads: number, seed: number): Promise<SearchInput[]> {
  const random = seededRandom(seed);
  const ids = Array.from({ length: SAMPLED_LEADS }, () => leadIdOf(random.int(0, leads - 1)));
  const { rows } = await pool.query<TermRow>(
    'SELECT kind, value, normalized, current FROM search_terms WHERE tenant_id = $1 AND lead_id = ANY($2) ORDER BY lead_id, kind, normalized',
    [BENCH_TENANT, ids],
  );
  const pool_ = (kind: string, current: boolean) => rows.filter((row) => row.kind === kind && row.current === current);
  const [phones, emails, names, previous] = [pool_('phone', true), pool_('email', true), pool_('name', true), rows.filter((row) => !row.current)];
  const inputs: SearchInput[] = [];
  for (let i = 0; i < WARM + TIMED; i++) {
    const leadingZero = i % 2 === 0;
    inputs.push({ type: 'phone', variant: leadingZero ? 'leading 0' : 'spaced', text: phoneFragment(random, random.pick(phones).normalized, leadingZero) });
    const local = i % 2 === 0;
    inputs.push({ type: 'email', variant: local ? 'local part' : 'domain piece', text: emailFragment(random, random.pick(emails).value, local) });
    inputs.push({ type: 'name', variant: ['as written', 'upper case', 'no accents'][i % 3]!, text: nameFragment(random, random.pick(names).value, i % 3) });
    const old = random.pick(previous);
    const text = old.kind === 'phone' ? phoneFragment(random, old.normalized, false) : old.kind === 'name' ? nameFragment(random, old.value, 0) : emailFragment(random, old.value, true);
    inputs.push({ type: 'previous', variant: `${old.kind}`, text });
  }
  return inputs;
}

export async function runSearches(db: Db, inputs: readonly SearchInput[], log: (line: string) => void): Promise<SearchRun[]> {
  const runs: SearchRun[] = [];
  for (const type of QUERY_TYPES) {
    const mine = inputs.filter((input) => input.type === type);
    for (const input of mine.slice(0, WARM)) await searchLeads(db, BENCH_TENANT, input.text, { region: 'GB' });
    const samples: { input: SearchInput; ms: number; results: number }[] = [];
    for (const input of mine.slice(WARM)) {
      const started = performance.now();
      const { results } = await searchLeads(db, BENCH_TENANT, input.text, { region: 'GB' });
      samples.push({ input, ms: performance.now() - started, results: results.length });
    }
    const slowest = samples.reduce((a, b) => (b.ms > a.ms ? b : a));
    const variants = [...new Set(samples.map((s) => s.input.variant))];
    runs.push({
      type,
      queries: samples.length,
      latency: summarise(samples.map((s) => s.ms)),
      meanResults: samples.reduce((sum, s) => sum + s.results, 0) / samples.length,
      slowest: { text: slowest.input.text, ms: slowest.ms },
      byVariant: Object.fromEntries(variants.map((v) => [v, summarise(samples.filter((s) => s.input.variant === v).map((s) => s.ms))])),
    });
    log(`  ${type}: p95 ${runs.at(-1)!.latency.p95.toFixed(1)} ms`);
  }
  return runs;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the very statement searchLeads sends for `text`, caught from a
 * Prisma client that logs its queries, written to .data/bench/. Returns the file's path.
 */
export async function explainSearch(url: string, pool: pg.Pool, text: string, file: string): Promise<string> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }), log: [{ emit: 'event', level: 'query' }] });
  let captured: { query: string; params: string } | undefined;
  db.$on('query', (event) => {
    if (event.query.includes('search_terms')) captured = { query: event.query, params: event.params };
  });
  try {
    await searchLeads(db as Db, BENCH_TENANT, text, { region: 'GB' });
  } finally {
    await db.$disconnect();
  }
  if (!captured) throw new Error('searchLeads sent no query to explain');
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${captured.query}`, JSON.parse(captured.params));
  const target = path.resolve('.data', 'bench', file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  fs.writeFileSync(target, `-- searchLeads(db, '${BENCH_TENANT}', ${JSON.stringify(text)}, { region: 'GB' })\n${captured.query}\n-- params: ${captured.params}\n\n${plan}\n`);
  return path.relative(process.cwd(), target);
}
