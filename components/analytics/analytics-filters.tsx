import type { AnalyticsFilters, FilterOptions } from '@/lib/read/analytics/filters';
import styles from './analytics.module.css';

/**
 * The filters as a plain GET form: applying them loads /analytics with them in the URL, so any view
 * can be bookmarked or shared, and the form works before any script has loaded.
 */
export function AnalyticsFiltersForm({ filters, options }: { filters: AnalyticsFilters; options: FilterOptions }) {
  return (
    <form method="get" action="/analytics" className={styles.filters} aria-label="Filter the figures">
      <div className={styles.field}>
        <label htmlFor="analytics-from">From</label>
        <input id="analytics-from" name="from" type="date" defaultValue={filters.from} max={filters.to} />
      </div>
      <div className={styles.field}>
        <label htmlFor="analytics-to">To</label>
        <input id="analytics-to" name="to" type="date" defaultValue={filters.to} min={filters.from} />
      </div>
      <div className={styles.field}>
        <label htmlFor="analytics-agent">Agent</label>
        <select id="analytics-agent" name="agent" defaultValue={filters.agent ?? ''}>
          <option value="">Everyone</option>
          {options.agents.map((agent) => <option key={agent.id} value={agent.id}>{agent.name}</option>)}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="analytics-source">Source</label>
        <select id="analytics-source" name="source" defaultValue={filters.source ?? ''}>
          <option value="">Any source</option>
          {options.sources.map((source) => <option key={source} value={source}>{source}</option>)}
        </select>
      </div>
      <button type="submit" className="button">Apply filters</button>
    </form>
  );
}
