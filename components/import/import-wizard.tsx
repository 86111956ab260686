'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ImportKindName } from '@/lib/imports/import-stream';
import type { ColumnMapping as Mapping } from '@/lib/imports/mapping';
import { ColumnMapping } from './column-mapping';
import { FilePicker } from './file-picker';
import { IMPORT_FORMS } from './import-kinds';
import { ImportProgress } from './import-progress';
import { PreviewTable } from './preview-table';
import { checkFile, downloadProblems, importFile, UploadError } from './upload-requests';
import styles from './import.module.css';

const plural = (count: number, word: string) => `${count.toLocaleString('en-GB')} ${word}${count === 1 ? '' : 's'}`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

/**
 * Pick a file, match its columns, check every row, then import the good ones in the background:
 * leads, or numbers for the do-not-call list (`kind`). The file goes to the server for each check
 * (the server reads it as it arrives and keeps nothing) and once more to import it: nothing of it
 * is parsed or held in the browser.
 */
export function ImportWizard({ kind }: { kind: ImportKindName }) {
  const form = IMPORT_FORMS[kind];
  // Bumped for every file picked, so the same file picked again is checked again. No mapping: the server guesses it.
  const [upload, setUpload] = useState<{ id: number; file: File; mapping: Mapping<string> | null } | null>(null);
  const [importId, setImportId] = useState<string | null>(null);

  const preview = useQuery({
    queryKey: ['import-preview', kind, upload?.id, upload?.mapping],
    enabled: upload !== null,
    staleTime: Infinity,
    retry: false,
    // While the rows are checked again with other columns, the last check of the same file stays on screen.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === upload?.id ? previous : undefined),
    queryFn: () => checkFile(form, upload!.file, upload!.mapping),
  });
  const start = useMutation({
    mutationFn: () => importFile(form, preview.data!.importId, upload!.file, preview.data!.mapping),
    onSuccess: (started) => setImportId(started.importId),
  });
  const problems = useMutation({ mutationFn: () => downloadProblems(form, upload!.file, preview.data!.mapping) });

  const pick = (file: File) => {
    setImportId(null);
    start.reset();
    setUpload((previous) => ({ id: (previous?.id ?? 0) + 1, file, mapping: null }));
  };
  const checked = preview.data;
  const locked = importId !== null || start.isPending;
  // A refusal of the file itself, or any refusal before the file could be checked at all, is said next to the picker.
  const fileError = preview.error && (!checked || (preview.error instanceof UploadError && preview.error.aboutFile)) ? preview.error.message : null;

  return (
    <>
      <section aria-labelledby="import-step-file" className={styles.step}>
        <h2 id="import-step-file">1. Choose a CSV file</h2>
        <FilePicker key={upload?.id ?? 0} rows={form.rows} onPick={pick} error={fileError} disabled={start.isPending} />
        {upload && preview.isFetching && (
          <p role="status" className={styles.hint}>Sending and checking {upload.file.name} ({megabytes(upload.file.size)})…</p>
        )}
      </section>
      {upload && checked && (
        <>
          <section aria-labelledby="import-step-columns" className={styles.step}>
            <h2 id="import-step-columns">2. Match the columns of {upload.file.name}</h2>
            <ColumnMapping form={form} headers={checked.headers} mapping={checked.mapping} disabled={locked || preview.isFetching}
              onChange={(mapping) => setUpload({ ...upload, mapping })} />
          </section>
          <section aria-labelledby="import-step-rows" className={styles.step}>
            <h2 id="import-step-rows">3. Check the rows and import</h2>
            {preview.error && !fileError && <p role="alert" className="error">{preview.error.message}</p>}
            <div className={styles.summary}>
              <p>
                <span className={styles.good}>{plural(checked.validRows, 'row')} ready</span>,{' '}
                <span className={styles.bad}>{plural(checked.rows - checked.validRows, 'row')} with problems</span> (not imported).
              </p>
              <div className={styles.actions}>
                {checked.rows > checked.validRows && (
                  <button type="button" className={`${styles.secondary} ${styles.button}`} disabled={preview.isFetching || problems.isPending} onClick={() => problems.mutate()}>
                    {problems.isPending ? 'Preparing the list…' : 'Download the rows with problems (CSV)'}
                  </button>
                )}
                <button type="button" className={`button ${styles.button}`} disabled={locked || preview.isFetching || checked.validRows === 0} onClick={() => start.mutate()}>
                  {start.isPending ? 'Starting…' : `Import ${plural(checked.validRows, 'valid row')}`}
                </button>
              </div>
            </div>
            {problems.error && <p role="alert" className="error">{problems.error.message}</p>}
            {start.error && <p role="alert" className="error">{start.error.message}</p>}
            {importId && <ImportProgress api={form.api} importId={importId} />}
            <PreviewTable labels={form.shape.fields.map((field) => form.shape.labels[field]!)} sample={checked.sample} problems={checked.problems} rows={checked.rows} problemRows={checked.rows - checked.validRows} />
          </section>
        </>
      )}
    </>
  );
}
