// The limits of one import (docs/lead-rules.md, "Limits"), above the largest lead lists call
// centers buy and work in one go. Pure: the browser refuses a file too large before sending it,
// the server refuses it again however it is sent.

export const MAX_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_ROWS = 1_000_000;
/** One row, all its columns: far above any lead's, low enough that one row cannot fill the memory. */
export const MAX_ROW_CHARACTERS = 64 * 1024;

/** Why a file of this size is refused, or null if it may be sent. */
export function fileSizeError(bytes: number): string | null {
  if (bytes === 0) return 'The file is empty.';
  if (bytes > MAX_FILE_BYTES) return `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; import at most ${MAX_FILE_BYTES / 1024 / 1024} MB at a time (split the file).`;
  return null;
}
