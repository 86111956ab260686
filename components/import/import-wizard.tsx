'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { previewImport, runImport } from '@/app/(app)/import/actions';
import type { ActionResult } from '@/lib/gate/result';
import { guessMapping, toRecords, type ColumnMapping as Mapping } from '@/lib/imports/mapping';
import { ColumnMapping } from './column-mapping';
import { FilePicker, type LoadedFile } from './file-picker';
import { ImportProgress } from './import-progress';
import { PreviewTable } from './preview-table';
import styles from './import.module.css';

function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const plural = (count: number, word: string) => `${count.toLocaleString('en-GB')} ${word}${count === 1 ? '' : 's'}`;

/** Pick a file, match its columns, check every row, then import the good ones in the background. */
export function ImportWizard() {
  // Bumped for every file picked, so the same file picked again is checked again.
  const [upload, setUpload] = useState<{ id: number; file: LoadedFile; mapping: Mapping } | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const records = useMemo(() => (upload ? toRecords(upload.file.table.rows, upload.mapping) : null), [upload]);

  const preview = useQuery({
    queryKey: ['import-preview', upload?.id, upload?.mapping],
    enabled: records !== null,
    staleTime: Infinity,
    retry: false,
    queryFn: async () => unwrap(await previewImport({ records })),
  });
  const problems = useMemo(() => new Map(preview.data?.problems.map((row) => [row.index, row.errors])), [preview.data]);
  const start = useMutation({
    mutationFn: async () => unwrap(await runImport({ fileName: upload!.file.name, records })),
    onSuccess: (started) => setImportId(started.importId),
  });

  const load = (file: LoadedFile) => {
    setImportId(null);
    start.reset();
    setUpload((previous) => ({ id: (previous?.id ?? 0) + 1, file, mapping: guessMapping(file.table.headers) }));
  };
  const locked = importId !== null || start.isPending;

  return (
    <>
      <section aria-labelledby="import-step-file" className={styles.step}>
        <h2 id="import-step-file">1. Choose a CSV file</h2>
        <FilePicker key={upload?.id ?? 0} onLoad={load} disabled={start.isPending} />
      </section>
      {upload && records && (
        <>
          <section aria-labelledby="import-step-columns" className={styles.step}>
            <h2 id="import-step-columns">2. Match the columns of {upload.file.name}</h2>
            <ColumnMapping headers={upload.file.table.headers} mapping={upload.mapping} disabled={locked}
              onChange={(mapping) => setUpload({ ...upload, mapping })} />
          </section>
          <section aria-labelledby="import-step-rows" className={styles.step}>
            <h2 id="import-step-rows">3. Check the rows and import</h2>
            {preview.isPending && <p role="status">Checking {plural(records.length, 'row')}…</p>}
            {preview.error && <p role="alert" className="error">{preview.error.message}</p>}
            {preview.data && (
              <>
                <div className={styles.summary}>
                  <p><span className={styles.good}>{plural(preview.data.validRows, 'row')} ready</span>, <span className={styles.bad}>{plural(preview.data.problems.length, 'row')} with problems</span> (not imported).</p>
                  <div className={styles.actions}>
                    <button type="button" className={`button ${styles.button}`} disabled={locked || preview.data.validRows === 0} onClick={() => start.mutate()}>
                      {start.isPending ? 'Starting…' : `Import ${plural(preview.data.validRows, 'valid row')}`}
                    </button>
                  </div>
                </div>
                {start.error && <p role="alert" className="error">{start.error.message}</p>}
                {importId && <ImportProgress importId={importId} />}
                <PreviewTable records={records} problems={problems} />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
