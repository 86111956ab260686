// One attempt to deliver one change: its body built now from the log (read back through the event
// store, as every reader does), signed per Standard Webhooks (HMAC-SHA256 over the message id, the
// send time and the body) and posted with a time limit. Any 2xx answer is a delivery; anything
// else, a timeout or a refused connection is a failure to try again later.
import { Webhook } from 'standardwebhooks';
import type { EventStore } from '@/lib/event-store';
import type { Attempt, Head } from './outbox-store';
import { EXCERPT_CHARS } from './outbox-store';
import { messageId, webhookPayload } from './payload';

export const SEND_TIMEOUT_MS = 10_000;

/** The signed request for `head` at `sentAt`, or null when its change is no longer in the log. */
export async function signedRequest(store: EventStore, head: Head, sentAt: Date) {
  const [event] = await store.readStream(head.tenantId, head.streamId, { fromVersion: head.version, toVersion: head.version });
  if (!event) return null;
  const id = messageId(event.position);
  const body = JSON.stringify(webhookPayload(event));
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Leadstream-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': new Webhook(head.secret).sign(id, sentAt, body),
  };
  return { body, headers };
}

export async function send(store: EventStore, head: Head, sentAt: Date, { timeoutMs = SEND_TIMEOUT_MS, signal }: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Attempt> {
  const request = await signedRequest(store, head, sentAt);
  if (!request) return { at: sentAt, statusCode: null, latencyMs: 0, ok: true, excerpt: 'Not sent: the change is no longer in the log' };
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const limit = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])]);
  try {
    const response = await fetch(head.url, { method: 'POST', headers: request.headers, body: request.body, redirect: 'manual', signal: limit });
    const excerpt = await readExcerpt(response);
    const ok = response.status >= 200 && response.status < 300;
    return { at: sentAt, statusCode: response.status, latencyMs: latency(), ok, excerpt };
  } catch (error) {
    const timedOut = limit.aborted && !signal?.aborted;
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    return { at: sentAt, statusCode: null, latencyMs: latency(), ok: false, excerpt: timedOut ? `No answer within ${timeoutMs / 1000} s` : `Not reached: ${cause}` };
  }
}

/** The start of the answer's body: at most what is kept, without reading a large body to its end. */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < EXCERPT_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The answer's status is what counts; a body cut short is shown as far as it came.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text.slice(0, EXCERPT_CHARS);
}
