// One subscriber's server-sent-event stream: "ready" with the position it stands at, then a
// "change" per lead event of its tenant (each with its log position as id), a heartbeat comment
// every 15 s so proxies keep the connection open, and "reset" when more was missed than a
// resume replays. Closes (and leaves the hub) when the browser goes or the server stops.
import type { Checkpoint } from '@/lib/event-store';
import type { LiveHub } from './hub';
import { eventIdOf, SSE_HEARTBEAT, sseFrame } from './messages';

export type LiveStreamOptions = {
  readonly tenantId: string;
  readonly after: Checkpoint | null;
  /** Any of them aborting ends the stream: the request's (the browser went away), the server's. */
  readonly signals: readonly AbortSignal[];
  readonly heartbeatMs?: number;
  /** End after the catch-up ("ready"): a poll for what was missed, where a proxy will not stream. */
  readonly once?: boolean;
};

export function liveStream(hub: Pick<LiveHub, 'subscribe'>, { tenantId, after, signals, heartbeatMs = 15_000, once = false }: LiveStreamOptions): Response {
  const encoder = new TextEncoder();
  let close = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      let leave = () => {};
      const heartbeat = setInterval(() => write(SSE_HEARTBEAT), heartbeatMs);
      close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        leave();
        for (const signal of signals) signal.removeEventListener('abort', close);
        try {
          controller.close();
        } catch {} // already closed by the other side
      };
      function write(text: string) {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      }
      for (const signal of signals) signal.addEventListener('abort', close, { once: true });
      if (signals.some((signal) => signal.aborted)) return close();
      write('retry: 2000\n\n');
      try {
        leave = await hub.subscribe({
          tenantId,
          send: (change) => write(sseFrame('change', change.id, change)),
          presence: (presence) => write(sseFrame('presence', null, presence)),
          ready: (at) => write(sseFrame('ready', eventIdOf(at), {})),
          reset: () => write(sseFrame('reset', null, {})),
        }, after);
      } catch (error) {
        // The browser reconnects with the same Last-Event-ID and resumes from there.
        console.error('Live updates: could not subscribe:', error instanceof Error ? error.message : error);
        return close();
      }
      if (!open) leave(); // the browser went away while the replay ran
      else if (once) close();
    },
    cancel: () => close(),
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no', // nginx: pass each event on at once
      // Not kept for other requests once the stream ends: a server stopping closes the stream, and
      // the browser must not then go on sending requests on that connection, which holds the stop up.
      Connection: 'close',
    },
  });
}
