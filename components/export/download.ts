// Reads an export response while counting its rows, then hands the bytes to the browser as a file.

/** Counts records in CSV (newlines outside quotes, less the header) or NDJSON (newlines) bytes. */
export function rowCounter(format: 'csv' | 'ndjson') {
  let newlines = 0;
  let quoted = false;
  return {
    add(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        // '"' and '\n' never occur inside a multi-byte UTF-8 character, so bytes are enough.
        if (format === 'csv' && byte === 0x22) quoted = !quoted;
        else if (byte === 0x0a && !quoted) newlines++;
      }
    },
    get rows() {
      return format === 'csv' ? Math.max(0, newlines - 1) : newlines;
    },
  };
}

async function drain(stream: ReadableStream<Uint8Array>, onChunk: (chunk: Uint8Array) => void) {
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onChunk(value);
  }
}

export type DownloadProgress = { rows: number; bytes: number };

/** The body's bytes, counting rows on the way (through a decompressor when the body is gzip). */
export async function readExport(response: Response, format: 'csv' | 'ndjson', gzip: boolean, onProgress: (progress: DownloadProgress) => void): Promise<Uint8Array[]> {
  const counter = rowCounter(format);
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const report = () => onProgress({ rows: counter.rows, bytes });
  const [kept, counted] = gzip ? response.body!.tee() : [response.body!, null];
  await Promise.all([
    drain(kept, (chunk) => {
      chunks.push(chunk);
      bytes += chunk.length;
      if (!gzip) counter.add(chunk);
      report();
    }),
    counted && drain(counted.pipeThrough(new DecompressionStream('gzip')), (chunk) => {
      counter.add(chunk);
      report();
    }),
  ]);
  report();
  return chunks;
}

export function saveFile(chunks: Uint8Array[], fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function fileNameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}
