'use client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgressView } from '@/lib/api/imports';
import styles from './import.module.css';

/** `api`: the routes of the import's kind (import-kinds.ts). */
export const importProgressQuery = (api: string, importId: string) =>
  queryOptions({
    queryKey: ['import', api, importId],
    queryFn: async ({ signal }): Promise<ProgressView> => {
      const response = await fetch(`${api}/${importId}`, { signal });
      if (!response.ok) throw new Error('Could not read how far the import has got.');
      return response.json();
    },
  });

/** Rows stored so far, polled every second while the import runs on the server. */
export function ImportProgress({ api, importId }: { api: string; importId: string }) {
  const { data, error } = useQuery({
    ...importProgressQuery(api, importId),
    refetchInterval: (query) => (query.state.data && query.state.data.state !== 'running' ? false : 1000),
  });
  if (error && !data) return <p role="alert" className="error">{error.message}</p>;
  if (!data) return <p role="status">Starting the import…</p>;
  const percent = data.total === 0 ? 100 : Math.round((data.done / data.total) * 100);
  return (
    <div className={styles.progress}>
      <label htmlFor="import-progress">
        {data.done.toLocaleString('en-GB')} of {data.total.toLocaleString('en-GB')} rows imported
      </label>
      <progress id="import-progress" value={data.done} max={Math.max(data.total, 1)}>{percent}%</progress>
      <p role="status" className={styles.status}>{describe(data)}</p>
    </div>
  );
}

function describe(progress: ProgressView): string {
  const rows = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'row' : 'rows'}`;
  switch (progress.state) {
    case 'running':
      return `Importing ${progress.fileName} (started by ${progress.startedByName})… It carries on if you leave this page.`;
    case 'completed':
      return `Import finished: ${rows(progress.imported)} imported, ${rows(progress.skipped)} skipped.` +
        (progress.runs > 1 ? ' This file had been imported before: rows already stored were not stored again.' : '');
    case 'failed':
    case 'interrupted':
      return `The import stopped after ${rows(progress.done)}. Nothing else was stored: choose the same file and import it again to carry on where it stopped.`;
  }
}
