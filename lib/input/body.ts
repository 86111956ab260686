// A request's body, read without taking in more than a limit. A client that says it will send more
// (Content-Length) is refused before anything is read; one that sends more without saying so is
// refused at the first chunk past the limit, and the rest of its upload is cancelled, not read.
// So no request makes the server hold more than the limit, whatever it claims. A body within the
// limit that its reader stops reading early (a CSV upload refused at a bad line) is read to its
// end and dropped, never held: cancelling it would cut the connection under a client still
// sending, which then gets a reset instead of the answer, and so would the next request a client
// sends on the same kept-alive connection.

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${byteSize(limit)}.`);
    this.name = 'BodyTooLargeError';
  }
}

/** 65536 -> "64 KB", 67108864 -> "64 MB": how limits are worded to people. */
export function byteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** The body's chunks as they arrive; throws BodyTooLargeError as soon as they pass `limit` bytes. */
export async function* bodyChunks(request: Request, limit: number): AsyncGenerator<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return;
  const reader = request.body.getReader();
  let received = 0;
  let ended = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        return;
      }
      received += value.byteLength;
      if (received > limit) throw new BodyTooLargeError(limit);
      yield value;
    }
  } finally {
    // Stopped early by its reader, within the limit: the rest is read and dropped. Past the limit,
    // or if reading fails, the rest of the upload is not read.
    if (!ended && received <= limit) await dropRest(reader, limit - received);
    await reader.cancel().catch(() => {});
  }
}

async function dropRest(reader: ReadableStreamDefaultReader<Uint8Array>, allowed: number): Promise<void> {
  try {
    for (let left = allowed; left >= 0; ) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.byteLength;
    }
  } catch {
    // The client went away: there is nothing left to read.
  }
}

/** The whole body as UTF-8 text, at most `limit` bytes of it. */
export async function bodyText(request: Request, limit: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of bodyChunks(request, limit)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/**
 * The largest body a server action reads (next.config.js, serverActions.bodySizeLimit, says the
 * same). Actions take a lead's fields, a note or a user: the largest, a note of 5,000 characters,
 * is under 40 KB. Imports, the one large upload, go through their own route (/api/imports).
 */
export const SERVER_ACTION_BODY_LIMIT = 256 * 1024;
