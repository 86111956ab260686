// A webhook receiver for tests: a local HTTP server on a free port that records what it is sent,
// and can answer 503, answer slowly, or stop listening (and listen again on the same port).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { readonly headers: Record<string, string>; readonly body: string; readonly at: number };
export type ReceiverMode = { kind: 'ok' } | { kind: 'unavailable' } | { kind: 'slow'; ms: number };

export async function startReceiver(path = '/hooks') {
  const received: Received[] = [];
  let mode: ReceiverMode = { kind: 'ok' };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = () => {
        if (mode.kind === 'unavailable') return response.writeHead(503).end('Down for maintenance');
        received.push({ headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)])), body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        response.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
      };
      if (mode.kind === 'slow') setTimeout(answer, mode.ms);
      else answer();
    });
  });
  const listen = (port = 0) => new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const port = await listen();
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    /** The payloads received, parsed. */
    payloads: () => received.map((message) => JSON.parse(message.body) as { type: string; id: string; data: { leadId: string; version: number } }),
    setMode: (next: ReceiverMode) => {
      mode = next;
    },
    /** Stops listening: connections are refused until `reopen`. */
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
    reopen: () => listen(port),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
