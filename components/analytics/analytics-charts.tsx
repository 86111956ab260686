// The charts of the analytics page, built from the same report as its tables.
import { funnelSteps, SECTION_TITLES, type Names } from '@/lib/present/analytics-tables';
import type { AnalyticsReport } from '@/lib/read/analytics/report';
import { STATUS_LABELS } from '@/lib/present/labels';
import { AnalyticsChart } from './analytics-chart';

// Dark enough for 4.5:1 on white, and told apart by more than hue in the tables beside them.
const BLUE = '#0b5cad';
const ORANGE = '#a84f00';
const RED = '#a4000f';
const GREEN = '#1d6b2c';
const HOUR = 3600;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function AnalyticsCharts({ report, names }: { report: AnalyticsReport; names: Names }) {
  return {
    timeInStatus: (
      <AnalyticsChart
        label={`${SECTION_TITLES['time-in-status']}: median and 90th percentile hours per status, as in the table below`}
        spec={{
          kind: 'bar',
          category: 'status',
          series: [{ key: 'median', name: 'Median (hours)', color: BLUE }, { key: 'p90', name: '90th percentile (hours)', color: ORANGE }],
          data: report.timeInStatus.map((row) => ({ status: STATUS_LABELS[row.status], median: oneDecimal(row.medianSeconds / HOUR), p90: oneDecimal(row.p90Seconds / HOUR) })),
        }}
      />
    ),
    funnel: (
      <AnalyticsChart
        label={`${SECTION_TITLES.funnel}: counts per step, as in the table below`}
        spec={{
          kind: 'bar',
          horizontal: true,
          category: 'step',
          series: [{ key: 'count', name: 'Count', color: BLUE }],
          data: funnelSteps(report).map((step) => ({ step: step.step, count: step.count })),
        }}
      />
    ),
    conversions: (
      <AnalyticsChart
        label={`${SECTION_TITLES.conversions}: conversions per ${report.bucket}, as in the table below`}
        spec={{
          kind: report.conversions.length > 20 ? 'line' : 'bar',
          category: 'start',
          series: [{ key: 'conversions', name: 'Conversions', color: GREEN }],
          data: report.conversions.map((row) => ({ start: row.start, conversions: row.conversions })),
        }}
      />
    ),
    callbacks: (
      <AnalyticsChart
        label={`${SECTION_TITLES.callbacks}: on time, late and missed callbacks per agent, as in the table below`}
        spec={{
          kind: 'bar',
          stacked: true,
          category: 'agent',
          series: [{ key: 'onTime', name: 'On time', color: GREEN }, { key: 'late', name: 'Late', color: ORANGE }, { key: 'missed', name: 'Missed', color: RED }],
          data: report.callbacks.map((row) => ({ agent: row.agent ? (names[row.agent] ?? row.agent) : 'the system', onTime: row.onTime, late: row.late, missed: row.missed })),
        }}
      />
    ),
  };
}
