import type { Metadata } from 'next';
import { AnalyticsCharts } from '@/components/analytics/analytics-charts';
import { AnalyticsFiltersForm } from '@/components/analytics/analytics-filters';
import { AnalyticsSection } from '@/components/analytics/analytics-section';
import styles from '@/components/analytics/analytics.module.css';
import { parseAnalyticsFilters, toSearchString, type RawSearchParams } from '@/lib/read/analytics/filters';
import { analyticsFilterOptions } from '@/lib/read/analytics/options';
import { loadAnalyticsReport } from '@/lib/read/analytics/report';
import { SECTION_TITLES, sectionTable, type Section } from '@/lib/present/analytics-tables';
import { page, reader } from '@/lib/gate';
import { actorNames } from '@/lib/read/organisation/users';

// Read at request time: the figures move with every change to a lead.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Analytics · Leadstream' };

const EXPLAIN: Record<Section, string> = {
  'time-in-status': 'Status periods entered in the range that have ended: how long leads stayed. Periods still open are not counted.',
  funnel: 'Moves out of Available in the range and where they went; leads put on Follow-up in the range and the status they are in now.',
  transitions: 'Every status change made in the range, and its share of the changes out of the same status.',
  conversions: 'Leads moved to Converted, per UTC day (ranges up to 45 days) or per week starting Monday.',
  callbacks: 'Callbacks due in the range, by who set them: handled by their due time, handled late, or missed (never handled while they were the lead’s callback).',
  waiting: 'Leads in Available or Follow-up now, longest in that status first. The date range does not apply: this is now.',
};

const EMPTY = 'Nothing to show for these filters.';

/** Team analytics: how long leads stay in each status, where they go next, and how callbacks are kept. */
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await page('view-analytics');
  const now = new Date();
  const db = await reader(user);
  const options = await analyticsFilterOptions(db, user.tenantId);
  const { filters, problems } = parseAnalyticsFilters(await searchParams, options, now);
  const [report, nameMap] = await Promise.all([loadAnalyticsReport(db, user.tenantId, filters, { now }), actorNames(db, user.tenantId)]);
  const names = Object.fromEntries(nameMap);
  const query = toSearchString(filters, { at: report.asOf });
  const section = (id: Section, extra: Partial<Parameters<typeof AnalyticsSection>[0]> = {}) => (
    <AnalyticsSection
      key={id}
      id={id}
      title={SECTION_TITLES[id]}
      explain={EXPLAIN[id]}
      table={sectionTable(report, id, names)}
      downloadHref={`/api/analytics/${id}${query}`}
      empty={EMPTY}
      {...extra}
    />
  );
  const charts = AnalyticsCharts({ report, names });
  const agentName = filters.agent ? (names[filters.agent] ?? filters.agent) : 'everyone';

  return (
    <>
      <h1>Team analytics</h1>
      <AnalyticsFiltersForm filters={filters} options={options} />
      {problems.length > 0 && (
        <div role="alert" className={styles.problems}>
          <strong>Some filters were not applied:</strong>
          <ul>{problems.map((problem) => <li key={problem.filter}>{problem.message}</li>)}</ul>
          The figures below use the default for each of them.
        </div>
      )}
      <p className={styles.summary}>
        {filters.from} to {filters.to} (UTC) · {agentName} · {filters.source ?? 'any source'} · as of {report.asOf.slice(0, 16).replace('T', ' ')} UTC
      </p>
      <div className={styles.sections}>
        {section('time-in-status', { chart: charts.timeInStatus })}
        {section('funnel', { chart: charts.funnel })}
        {section('conversions', { chart: charts.conversions, wide: true })}
        {section('callbacks', { chart: charts.callbacks })}
        {section('transitions')}
        {section('waiting', { wide: true, rowLinks: report.waiting.map((row) => `/leads/${row.leadId}`) })}
      </div>
    </>
  );
}
