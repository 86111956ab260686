'use client';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fileNameOf, readExport, saveFile, type DownloadProgress } from './download';
import styles from './export.module.css';

type Filters = { from: string; to: string; types: string[]; lead: string; actor: string };
type Person = { id: string; name: string };
type ApiError = { message: string; parameter?: string };
type Download =
  | { state: 'idle' }
  | { state: 'running'; progress: DownloadProgress }
  | { state: 'done'; rows: number; bytes: number; fileName: string; horizon: string }
  | { state: 'failed'; error: ApiError };

const FIELD_OF: Record<string, string> = { from: 'from', to: 'to', lead: 'lead', actor: 'actor', type: 'types' };

function filterQuery({ from, to, types, lead, actor }: Filters): URLSearchParams {
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  for (const type of types) query.append('type', type);
  if (lead.trim()) query.set('lead', lead.trim());
  if (actor) query.set('actor', actor);
  return query;
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null);
  return { message: body?.error?.message ?? `The server answered ${response.status}.`, parameter: body?.error?.parameter };
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} KB`;

export function ExportForm({ eventTypes, people }: { eventTypes: string[]; people: Person[] }) {
  const [filters, setFilters] = useState<Filters>({ from: '', to: '', types: [], lead: '', actor: '' });
  const [format, setFormat] = useState<'csv' | 'ndjson'>('csv');
  const [gzip, setGzip] = useState(false);
  const [download, setDownload] = useState<Download>({ state: 'idle' });
  const query = filterQuery(filters).toString();
  const count = useQuery({
    queryKey: ['export-count', query],
    queryFn: async (): Promise<{ count: number } | { error: ApiError }> => {
      const response = await fetch(`/api/export/count?${query}`);
      return response.ok ? response.json() : { error: await errorOf(response) };
    },
  });
  const countError = count.data && 'error' in count.data ? count.data.error : null;
  const total = count.data && 'count' in count.data ? count.data.count : null;
  const shownError = download.state === 'failed' ? download.error : countError;
  const fieldError = (field: string) => (shownError?.parameter && FIELD_OF[shownError.parameter] === field ? shownError.message : null);
  const update = (change: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...change }));
    if (download.state !== 'running') setDownload({ state: 'idle' });
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = filterQuery(filters);
    params.set('format', format);
    // A CSV saved from this page is opened in a spreadsheet: cells it would run as formulas come as text.
    if (format === 'csv') params.set('spreadsheet', 'true');
    if (gzip) params.set('gzip', 'true');
    setDownload({ state: 'running', progress: { rows: 0, bytes: 0 } });
    try {
      const response = await fetch(`/api/export?${params}`);
      if (!response.ok) {
        setDownload({ state: 'failed', error: await errorOf(response) });
        return;
      }
      let last: DownloadProgress = { rows: 0, bytes: 0 };
      const chunks = await readExport(response, format, gzip, (progress) => {
        last = progress;
        setDownload({ state: 'running', progress });
      });
      const fileName = fileNameOf(response, `leadstream-export.${format}${gzip ? '.gz' : ''}`);
      saveFile(chunks, fileName, response.headers.get('content-type') ?? 'application/octet-stream');
      setDownload({ state: 'done', rows: last.rows, bytes: last.bytes, fileName, horizon: response.headers.get('x-export-horizon') ?? '' });
    } catch {
      setDownload({ state: 'failed', error: { message: 'The download was interrupted. Try again.' } });
    }
  }

  const describedBy = (field: string, hint?: string) => [hint, fieldError(field) ? `export-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  const errorText = (field: string) => fieldError(field) && <p id={`export-${field}-error`} className={styles.fieldError}>{fieldError(field)}</p>;
  const running = download.state === 'running';
  const shownTotal = total ?? 0;

  return (
    <form onSubmit={submit} noValidate className={styles.form} aria-label="Export">
      <fieldset className={styles.group}>
        <legend>Which events</legend>
        <div className={styles.row}>
          <div className={styles.field}>
            <label htmlFor="export-from">From (UTC)</label>
            <input id="export-from" type="date" value={filters.from} onChange={(e) => update({ from: e.target.value })} aria-invalid={fieldError('from') ? true : undefined} aria-describedby={describedBy('from')} />
            {errorText('from')}
          </div>
          <div className={styles.field}>
            <label htmlFor="export-to">To (UTC, inclusive)</label>
            <input id="export-to" type="date" value={filters.to} onChange={(e) => update({ to: e.target.value })} aria-invalid={fieldError('to') ? true : undefined} aria-describedby={describedBy('to')} />
            {errorText('to')}
          </div>
          <div className={styles.field}>
            <label htmlFor="export-lead">Lead id</label>
            <input id="export-lead" value={filters.lead} onChange={(e) => update({ lead: e.target.value })} autoComplete="off" spellCheck={false}
              aria-invalid={fieldError('lead') ? true : undefined} aria-describedby={describedBy('lead', 'export-lead-hint')} />
            <p id="export-lead-hint" className={styles.hint}>The id in the lead page&apos;s address. Empty: every lead.</p>
            {errorText('lead')}
          </div>
          <div className={styles.field}>
            <label htmlFor="export-actor">Agent</label>
            <select id="export-actor" value={filters.actor} onChange={(e) => update({ actor: e.target.value })} aria-describedby={describedBy('actor')}>
              <option value="">Anyone</option>
              {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
            </select>
            {errorText('actor')}
          </div>
        </div>
        <fieldset className={styles.types} aria-describedby={describedBy('types', 'export-types-hint')}>
          <legend>Event types</legend>
          <p id="export-types-hint" className={styles.hint}>None ticked: every type.</p>
          {eventTypes.map((type) => (
            <label key={type} className={styles.check}>
              <input type="checkbox" checked={filters.types.includes(type)}
                onChange={(e) => update({ types: e.target.checked ? [...filters.types, type] : filters.types.filter((t) => t !== type) })} />
              {type}
            </label>
          ))}
          {errorText('types')}
        </fieldset>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>File</legend>
        <div className={styles.row}>
          <label className={styles.check}><input type="radio" name="format" value="csv" checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV</label>
          <label className={styles.check}><input type="radio" name="format" value="ndjson" checked={format === 'ndjson'} onChange={() => setFormat('ndjson')} /> NDJSON</label>
          <label className={styles.check}><input type="checkbox" checked={gzip} onChange={(e) => setGzip(e.target.checked)} /> Compress (gzip)</label>
        </div>
        {format === 'csv' && (
          <p className={styles.hint}>
            Ready for a spreadsheet: a cell that would run as a formula (starting with =, +, - or @) starts with a single quote (&apos;) and shows as text.
            The exact values are in the <code>data</code> column, and in NDJSON.
          </p>
        )}
      </fieldset>

      <div className={styles.actions}>
        <p aria-live="polite" className={styles.count}>
          {count.isPending ? 'Counting matching events…' : total !== null ? `${total.toLocaleString('en')} matching events` : ''}
        </p>
        <button type="submit" className="button" disabled={running}>{running ? 'Downloading…' : 'Download'}</button>
      </div>

      {running && (
        <div className={styles.progress}>
          <progress max={Math.max(shownTotal, download.progress.rows, 1)} value={download.progress.rows}
            aria-label={`${download.progress.rows.toLocaleString('en')} of ${shownTotal.toLocaleString('en')} events downloaded`} />
          <span>{download.progress.rows.toLocaleString('en')} of {shownTotal.toLocaleString('en')} events · {kilobytes(download.progress.bytes)}</span>
        </div>
      )}
      <div role="status">
        {download.state === 'done' && (
          <p className={styles.done}>
            Saved {download.rows.toLocaleString('en')} events ({kilobytes(download.bytes)}) as {download.fileName}. Everything up to
            position {download.horizon} is in it: next time, export with <code>after={download.horizon}</code> for what is new.
          </p>
        )}
      </div>
      {shownError && !shownError.parameter && <p role="alert" className="error">{shownError.message}</p>}
      {shownError?.parameter && !FIELD_OF[shownError.parameter] && <p role="alert" className="error">{shownError.message}</p>}
    </form>
  );
}
