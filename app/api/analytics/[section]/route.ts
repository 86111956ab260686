import { NotFoundError, ValidationError } from '@/lib/errors';
import { reader, route } from '@/lib/gate';
import { SECTIONS, sectionTable, type Section } from '@/lib/present/analytics-tables';
import { csvTable } from '@/lib/present/csv';
import { parseAnalyticsFilters, parseAsOf } from '@/lib/read/analytics/filters';
import { analyticsFilterOptions } from '@/lib/read/analytics/options';
import { loadAnalyticsReport } from '@/lib/read/analytics/report';
import { actorNames } from '@/lib/read/organisation/users';

export const dynamic = 'force-dynamic';

/**
 * GET /api/analytics/<section>?from&to&agent&source[&at]: one section of the analytics page as CSV,
 * the same rows as its table. `at` (the page's "as of") judges open periods and callbacks at the
 * moment the page showed them. A bad filter is a 400 naming it, not a default. Cells a spreadsheet
 * would run as a formula start with a single quote (lib/present/csv.ts).
 */
export const GET = route<{ section: string }>({ capability: 'view-analytics' }, async (user, request, { params }) => {
  const section = (await params).section as Section;
  if (!SECTIONS.includes(section)) throw new NotFoundError('analytics.no-section', { section: section.slice(0, 40), sections: SECTIONS.join(', ') });

  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams);
  if (url.searchParams.getAll('agent').length > 1 || url.searchParams.getAll('source').length > 1) {
    throw new ValidationError([{ field: 'filters', message: 'Give each filter once.' }]);
  }
  const asOf = parseAsOf(raw);
  if (asOf !== null && !(asOf instanceof Date)) throw new ValidationError([{ field: asOf.filter, message: asOf.message }]);
  const now = asOf ?? new Date();
  const db = await reader(user);
  const { filters, problems } = parseAnalyticsFilters(raw, await analyticsFilterOptions(db, user.tenantId), now);
  if (problems.length > 0) throw new ValidationError(problems.map((problem) => ({ field: problem.filter, message: problem.message })));

  const [report, names] = await Promise.all([loadAnalyticsReport(db, user.tenantId, filters, { now }), actorNames(db, user.tenantId)]);
  const table = sectionTable(report, section, Object.fromEntries(names));
  // Made to be opened in a spreadsheet: a lead or agent named like a formula stays text.
  return new Response(csvTable(table.columns, table.rows, { spreadsheet: true }), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="leadstream-${section}-${filters.from}-to-${filters.to}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
