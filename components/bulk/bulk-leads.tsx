'use client';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { LeadsTable } from '@/components/leads-table/leads-table';
import type { DoNotCallNote } from '@/components/do-not-call/do-not-call-mark';
import type { BulkSelection } from '@/lib/api/bulk';
import type { LeadList, LeadListRow } from '@/lib/read/lead-table/leads-list';
import { DEFAULT_PARAMS, toSearchString } from '@/lib/read/lead-table/list-params';
import { BulkBar } from './bulk-bar';
import { selectColumn } from './select-column';

type Props = { list: LeadList; now: string; blockedPhones: Readonly<Record<string, DoNotCallNote>> };

/**
 * The lead list for those who may change many leads at once: a checkbox on each row (the version
 * each row showed is what its change expects), or every lead matching the filter, and the bar
 * that changes them.
 */
export function BulkLeads({ list, now, blockedPhones }: Props) {
  const [selected, setSelected] = useState<ReadonlyMap<string, number>>(new Map());
  // The list's filters alone (not its order or page): what chooses the leads, and what the batch records.
  const { statuses, owner, due, updatedFrom, updatedTo } = list.params;
  const filter = toSearchString({ ...DEFAULT_PARAMS, statuses, owner, due, updatedFrom, updatedTo }).replace(/^\?/, '');
  // "All matching": the leads and their versions as they were when it was chosen, for that filter only.
  const [allMatching, setAllMatching] = useState<{ filter: string; leads: BulkSelection['leads'] } | null>(null);
  const matching = allMatching?.filter === filter ? allMatching : null;
  const selectMatching = useMutation<BulkSelection, Error>({
    mutationFn: async () => {
      const response = await fetch(`/api/bulk/selection?${filter}`);
      const json = await response.json();
      if (!response.ok) throw new Error((json as { error?: { message?: string } }).error?.message ?? 'Could not select the matching leads.');
      return json as BulkSelection;
    },
    onSuccess: (selection) => setAllMatching({ filter, leads: selection.leads }),
  });

  const toggle = useCallback((rows: readonly LeadListRow[], on: boolean) => {
    setSelected((current) => {
      const next = new Map(current);
      for (const row of rows) {
        if (on) next.set(row.leadId, row.version);
        else next.delete(row.leadId);
      }
      return next;
    });
  }, []);
  const column = useMemo(() => selectColumn(selected, toggle, matching !== null), [selected, toggle, matching]);
  const clear = () => {
    setSelected(new Map());
    setAllMatching(null);
  };

  const bar = (
    <BulkBar
      selected={selected}
      matching={matching}
      canSelectMatching={list.total > 0}
      selecting={selectMatching.isPending}
      selectError={selectMatching.error?.message ?? null}
      owners={list.owners}
      onSelectMatching={() => selectMatching.mutate()}
      onClear={clear}
    />
  );
  return <LeadsTable list={list} now={now} blockedPhones={blockedPhones} leadingColumn={column} toolbar={bar} />;
}
