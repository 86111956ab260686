'use client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { BulkProgressView, BulkStarted } from '@/lib/api/bulk';
import type { ActionError } from '@/lib/gate/result';
import { errorText } from '@/lib/present/error-text';
import { actionWords, leadCount, OUTCOME_WORDS, resultWords } from './bulk-words';
import { postBulk } from './post-bulk';
import styles from './bulk.module.css';

export const bulkProgressQuery = (batchId: string) =>
  queryOptions({
    queryKey: ['bulk', batchId],
    queryFn: async ({ signal }): Promise<BulkProgressView> => {
      const response = await fetch(`/api/bulk/${batchId}`, { signal });
      if (!response.ok) throw new Error('Could not read how far the bulk change has got.');
      return response.json();
    },
  });

/** Leads done so far, polled every second while the change runs on the server; the leads not done, with why. */
export function BulkProgress({ batchId, renderedState }: { batchId: string; renderedState: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ ...bulkProgressQuery(batchId), refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false) });
  const resume = useMutation<BulkStarted, ActionError>({
    mutationFn: () => postBulk(`/api/bulk/${batchId}/resume`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['bulk', batchId] }),
  });
  const undo = useMutation<BulkStarted, ActionError>({
    mutationFn: () => postBulk(`/api/bulk/${batchId}/undo`),
    onSuccess: (started) => router.push(`/bulk/${started.batchId}`),
  });
  // The history beside it is the server's, rendered in `renderedState`: read again once the change has ended.
  const state = data?.state;
  const seen = useRef<string | undefined>(renderedState);
  useEffect(() => {
    if (state === undefined) return;
    if (seen.current === 'running' && state !== 'running') router.refresh();
    seen.current = state;
  }, [state, router]);

  if (error && !data) return <p role="alert" className="error">{error.message}</p>;
  if (!data) return <p role="status">Reading the bulk change…</p>;
  const done = data.done;
  const canUndo = data.state === 'finished' && data.action.kind !== 'undo' && data.action.kind !== 'note' && data.counts.done > 0;
  return (
    <>
      <div className={styles.progress}>
        <label htmlFor="bulk-progress">{done.toLocaleString('en-GB')} of {leadCount(data.total)} handled</label>
        <progress id="bulk-progress" value={done} max={Math.max(data.total, 1)}>{Math.round((done / Math.max(data.total, 1)) * 100)}%</progress>
        <p role="status">{describe(data)}</p>
        <div className={styles.actions}>
          {(data.state === 'interrupted' || data.state === 'stopped') && (
            <button type="button" className="button" onClick={() => resume.mutate()} disabled={resume.isPending}>Resume</button>
          )}
          {canUndo && <button type="button" className="button" onClick={() => undo.mutate()} disabled={undo.isPending}>Undo this change</button>}
          {data.action.kind === 'undo' && <Link href={`/bulk/${data.action.of}`}>The change this undoes</Link>}
        </div>
        {(resume.error ?? undo.error) && <p role="alert" className="error">{(resume.error ?? undo.error)!.message}</p>}
      </div>
      {data.problems.length > 0 && <ProblemTable problems={data.problems} total={data.total - data.counts.done} />}
    </>
  );
}

function describe(progress: BulkProgressView): string {
  switch (progress.state) {
    case 'running':
      return `${progress.startedByName} is changing ${leadCount(progress.total)} ${actionWords(progress.action)}… It carries on if you leave this page.`;
    case 'finished':
      return resultWords(progress.startedByName, progress.action, progress.counts);
    case 'stopped':
    case 'interrupted':
      return `The change stopped after ${leadCount(progress.done)}. Resume it to carry on: leads already handled are not changed again.`;
  }
}

function ProblemTable({ problems, total }: { problems: BulkProgressView['problems']; total: number }) {
  return (
    <table>
      <caption>Leads not changed{problems.length < total ? ` (the first ${problems.length.toLocaleString('en-GB')})` : ''}</caption>
      <thead>
        <tr><th scope="col">Lead</th><th scope="col">Outcome</th><th scope="col">Why</th></tr>
      </thead>
      <tbody>
        {problems.map((problem) => (
          <tr key={problem.leadId}>
            <td><Link href={`/leads/${problem.leadId}`} prefetch={false}>{problem.name ?? problem.leadId}</Link></td>
            <td>{OUTCOME_WORDS[problem.outcome]}</td>
            <td>{problem.reason ? errorText(problem.reason, problem.params) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
