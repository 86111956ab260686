// The address a request came from, as the login limit and the sessions record it. Only two sources
// are believed: the header a trusted proxy in front of the app sets (named by
// LEADSTREAM_TRUSTED_PROXY_HEADER), or else the TCP peer of the connection, recorded by the server
// itself (./peer-address.ts). Never X-Forwarded-For as the client sent it: Next's own server keeps
// a client's X-Forwarded-For and only fills it in when it is missing, so anyone could name any
// address there and get a fresh login budget with each request.
import { isIP } from 'node:net';
import { PEER_ADDRESS_HEADER } from './peer-address';

/** The header the app hands the address on in, to better-auth (advanced.ipAddress in lib/auth/auth.ts). */
export const CLIENT_ADDRESS_HEADER = 'x-leadstream-client-address';

/** When no address can be believed: such requests share one budget, which fails safe. */
export const UNKNOWN_ADDRESS = 'unknown';

export type AddressSources = {
  /** The header a trusted proxy sets (lower case), or null when the app is reached directly. */
  readonly trustedHeader: string | null;
  /** Whether this process records each connection's peer in PEER_ADDRESS_HEADER. */
  readonly peerRecorded: boolean;
};

export function clientAddress(headers: Headers, { trustedHeader, peerRecorded }: AddressSources): string {
  // A proxy that appends to a list (X-Forwarded-For) puts the address it saw last.
  const fromProxy = trustedHeader ? lastAddress(headers.get(trustedHeader)) : null;
  if (fromProxy) return fromProxy;
  const peer = peerRecorded ? lastAddress(headers.get(PEER_ADDRESS_HEADER)) : null;
  return peer ?? UNKNOWN_ADDRESS;
}

function lastAddress(value: string | null): string | null {
  const last = value?.split(',').at(-1)?.trim();
  if (!last) return null;
  const address = last.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return isIP(address) ? address : null;
}
