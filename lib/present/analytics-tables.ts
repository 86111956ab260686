// Each analytics section as a table of text: the page shows it and the CSV download writes it, so
// the two always hold the same figures. Pure.
import { type LeadStatus } from '@/lib/leads/lead';
import { STATUS_LABELS } from '@/lib/present/labels';
import type { AnalyticsReport } from '@/lib/read/analytics/report';

export const SECTIONS = ['time-in-status', 'funnel', 'transitions', 'conversions', 'callbacks', 'waiting'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<Section, string> = {
  'time-in-status': 'Time in each status',
  funnel: 'Follow-up funnel',
  transitions: 'Status changes',
  conversions: 'Conversions over time',
  callbacks: 'Callbacks handled late or missed',
  waiting: 'Leads waiting longest',
};

export type SectionTable = { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };
export type Names = Readonly<Record<string, string>>;

const HOUR = 3600;
export const hours = (seconds: number | null) => (seconds === null ? '' : (seconds / HOUR).toFixed(1));
export const percent = (part: number, whole: number) => (whole === 0 ? '' : ((100 * part) / whole).toFixed(1));
const label = (status: string) => STATUS_LABELS[status as LeadStatus] ?? status;
const person = (names: Names, id: string | null) => (id === null ? 'the system' : (names[id] ?? id));

/** The follow-up funnel's steps as numbers, for the table and the chart alike. */
export function funnelSteps(report: AnalyticsReport) {
  const { transitions, funnel } = report.transitions;
  const movesOut = (from: LeadStatus) => transitions.filter((t) => t.from === from).reduce((sum, t) => sum + t.count, 0);
  const move = (from: LeadStatus, to: LeadStatus) => transitions.find((t) => t.from === from && t.to === to)?.count ?? 0;
  return [
    { step: 'Moved on from Available', count: movesOut('Available'), of: null },
    { step: 'Available to Follow-up', count: move('Available', 'FollowUp'), of: movesOut('Available') },
    { step: 'Put on Follow-up (leads)', count: funnel.reachedFollowUp, of: null },
    { step: 'of those, Converted now', count: funnel.converted, of: funnel.reachedFollowUp },
    { step: 'of those, Closed now', count: funnel.closed, of: funnel.reachedFollowUp },
  ];
}

export function sectionTable(report: AnalyticsReport, section: Section, names: Names): SectionTable {
  switch (section) {
    case 'time-in-status':
      return {
        columns: ['Status', 'Completed periods', 'Median (hours)', '90th percentile (hours)', 'Average (hours)'],
        rows: report.timeInStatus.map((row) => [label(row.status), String(row.count), hours(row.medianSeconds), hours(row.p90Seconds), hours(row.averageSeconds)]),
      };
    case 'funnel':
      return {
        columns: ['Step', 'Count', 'Rate (%)'],
        rows: funnelSteps(report).map((step) => [step.step, String(step.count), step.of === null ? '' : percent(step.count, step.of)]),
      };
    case 'transitions': {
      const out = new Map<string, number>();
      for (const t of report.transitions.transitions) out.set(t.from, (out.get(t.from) ?? 0) + t.count);
      return {
        columns: ['From', 'To', 'Changes', 'Share of changes from this status (%)'],
        rows: report.transitions.transitions.map((t) => [label(t.from), label(t.to), String(t.count), percent(t.count, out.get(t.from)!)]),
      };
    }
    case 'conversions':
      return {
        columns: [report.bucket === 'day' ? 'Day (UTC)' : 'Week starting (UTC)', 'Conversions'],
        rows: report.conversions.map((row) => [row.start, String(row.conversions)]),
      };
    case 'callbacks':
      return {
        columns: ['Scheduled by', 'Due', 'On time', 'Late', 'Missed', 'Late or missed (%)', 'Average lateness (hours)'],
        rows: report.callbacks.map((row) => [
          person(names, row.agent), String(row.due), String(row.onTime), String(row.late), String(row.missed),
          percent(row.late + row.missed, row.due), hours(row.averageLatenessSeconds),
        ]),
      };
    case 'waiting':
      return {
        columns: ['Lead', 'Status', 'Since (UTC)', 'Waiting (days)', 'Moved in by', 'Owner', 'Callback due (UTC)'],
        rows: report.waiting.map((row) => [
          row.leadName ?? row.leadId, label(row.status), minute(row.since), (row.waitingSeconds / 86_400).toFixed(1),
          person(names, row.movedBy), row.ownerId === null ? 'Unassigned' : person(names, row.ownerId), row.followUpAt ? minute(row.followUpAt) : '',
        ]),
      };
    default: {
      const never: never = section;
      throw new Error(`Unknown section ${String(never)}`);
    }
  }
}

/** "2026-11-23 14:05": an ISO time to the minute, UTC. */
const minute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
