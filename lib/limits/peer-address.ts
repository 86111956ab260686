// Next.js gives route handlers no way to the connection's socket, so the server records each
// connection's peer address in a header of its own before Next sees the request, overwriting
// whatever a client sent under that name. Installed once per server process at start
// (instrumentation.ts); until it is, the header is not believed (client-address.ts).
import http from 'node:http';

export const PEER_ADDRESS_HEADER = 'x-leadstream-peer-address';

const INSTALLED = Symbol.for('leadstream.peer-address');
type Marked = { [INSTALLED]?: true };

export function recordPeerAddresses(): void {
  const server = http.Server.prototype as unknown as Marked & { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  if (server[INSTALLED]) return;
  const emit = server.emit;
  server.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  };
  server[INSTALLED] = true;
  (globalThis as Marked)[INSTALLED] = true;
}

/** Whether this process records peer addresses, so that the header can be believed. */
export const peerAddressesRecorded = (): boolean => (globalThis as Marked)[INSTALLED] === true;
