// An import's requests from the browser, each sending the picked file as the body: the
// browser streams it from disk, and the server reads it as it arrives (lib/api/imports.ts).
import { mappingParam, type ColumnMapping } from '@/lib/imports/mapping';
import type { UploadPreview, UploadStarted } from '@/lib/api/imports';
import type { ImportForm } from './import-kinds';

/** A refusal, with `file` set when it is about the file itself (shown next to the file picker). */
export class UploadError extends Error {
  constructor(message: string, readonly aboutFile: boolean) {
    super(message);
  }
}

async function send<T>(url: string, file: File): Promise<T> {
  return (await post(url, file)).json();
}

/** The server's answer to the file, or the refusal in words. */
async function post(url: string, file: File): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: file, headers: { 'Content-Type': 'text/csv' } });
  } catch {
    throw new UploadError('The file could not be sent: check the connection and try again.', false);
  }
  if (response.ok) return response;
  const error = (await response.json().catch(() => null))?.error as { kind?: string; message?: string; fields?: Record<string, string> } | undefined;
  const aboutFile = error?.fields?.file !== undefined || error?.kind === 'too-large';
  throw new UploadError(error?.fields?.file ?? error?.message ?? `The server answered ${response.status}.`, aboutFile);
}

/** The preview of the file, its columns matched as given (or guessed from its header by the server). */
export const checkFile = (form: ImportForm, file: File, mapping: ColumnMapping<string> | null) =>
  send<UploadPreview>(`${form.api}${mapping ? `?mapping=${mappingParam(mapping, form.shape)}` : ''}`, file);

/** Imports the file the preview named `importId`, its columns matched as in that preview. */
export const importFile = (form: ImportForm, importId: string, file: File, mapping: ColumnMapping<string>) =>
  send<UploadStarted>(`${form.api}/${importId}?${new URLSearchParams({ fileName: file.name, mapping: mappingParam(mapping, form.shape) })}`, file);

/** Every row of the file with a problem, as a CSV file the browser saves (the file is checked again; nothing is stored). */
export async function downloadProblems(form: ImportForm, file: File, mapping: ColumnMapping<string>): Promise<void> {
  const response = await post(`${form.api}/problems?${new URLSearchParams({ mapping: mappingParam(mapping, form.shape) })}`, file);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${file.name.replace(/\.[^.]*$/, '')} - problems.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
