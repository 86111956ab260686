'use client';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import styles from './analytics.module.css';

export type ChartSeries = { readonly key: string; readonly name: string; readonly color: string };

export type ChartSpec = {
  readonly kind: 'bar' | 'line';
  /** Bars along a category axis on the left (true) or along the bottom (false). */
  readonly horizontal?: boolean;
  readonly stacked?: boolean;
  readonly category: string;
  readonly series: readonly ChartSeries[];
  readonly data: readonly Record<string, string | number>[];
};

/**
 * One chart of the analytics page. The table beside it holds the same numbers, so the drawing is one
 * image to assistive technology, named by `label`.
 */
export function AnalyticsChart({ label, spec }: { label: string; spec: ChartSpec }) {
  const { kind, horizontal = false, stacked = false, category, series, data } = spec;
  const rows = data as Record<string, string | number>[];
  const axes = horizontal
    ? [<XAxis key="x" type="number" allowDecimals={false} />, <YAxis key="y" type="category" dataKey={category} width={170} />]
    : [<XAxis key="x" dataKey={category} />, <YAxis key="y" allowDecimals={kind === 'bar' && !stacked} />];
  const common = [<CartesianGrid key="grid" strokeDasharray="3 3" />, ...axes, <Tooltip key="tip" />, <Legend key="legend" />];
  return (
    <div role="img" aria-label={label} className={styles.chart}>
      <ResponsiveContainer width="100%" height={horizontal ? 60 + 40 * rows.length : 260}>
        {kind === 'line' ? (
          <LineChart data={rows} accessibilityLayer={false}>
            {common}
            {series.map((s) => <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={rows.length < 40} isAnimationActive={false} />)}
          </LineChart>
        ) : (
          <BarChart data={rows} layout={horizontal ? 'vertical' : 'horizontal'} accessibilityLayer={false}>
            {common}
            {series.map((s) => <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={stacked ? 'stack' : undefined} isAnimationActive={false} />)}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
