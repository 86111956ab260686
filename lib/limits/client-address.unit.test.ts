import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_ADDRESS } from './client-address';
import { PEER_ADDRESS_HEADER, peerAddressesRecorded, recordPeerAddresses } from './peer-address';

const headers = (values: Record<string, string>) => new Headers(values);

describe('the client address', () => {
  it('is the connection\'s peer as the server recorded it, never the X-Forwarded-For a client sent', () => {
    const sent = headers({ 'x-forwarded-for': '203.0.113.9', [PEER_ADDRESS_HEADER]: '::ffff:198.51.100.4' });
    expect(clientAddress(sent, { trustedHeader: null, peerRecorded: true })).toBe('198.51.100.4');
  });

  it('is unknown (one shared budget) while the server does not record peers: the header could be anyone\'s', () => {
    const sent = headers({ 'x-forwarded-for': '203.0.113.9', [PEER_ADDRESS_HEADER]: '198.51.100.4' });
    expect(clientAddress(sent, { trustedHeader: null, peerRecorded: false })).toBe(UNKNOWN_ADDRESS);
  });

  it('is what a trusted proxy\'s header says, its last entry when the proxy appends to a list', () => {
    const sent = headers({ 'x-forwarded-for': '203.0.113.9, 192.0.2.7', 'x-real-ip': '2001:DB8::1', [PEER_ADDRESS_HEADER]: '10.0.0.2' });
    expect(clientAddress(sent, { trustedHeader: 'x-forwarded-for', peerRecorded: true })).toBe('192.0.2.7');
    expect(clientAddress(sent, { trustedHeader: 'x-real-ip', peerRecorded: true })).toBe('2001:db8::1');
  });

  it('falls back to the peer when the trusted header is missing or holds no address', () => {
    const peer = { [PEER_ADDRESS_HEADER]: '10.0.0.2' };
    expect(clientAddress(headers(peer), { trustedHeader: 'x-real-ip', peerRecorded: true })).toBe('10.0.0.2');
    expect(clientAddress(headers({ ...peer, 'x-real-ip': 'not an address' }), { trustedHeader: 'x-real-ip', peerRecorded: true })).toBe('10.0.0.2');
  });
});

describe('the server recording peers', () => {
  it('puts the socket\'s address in its header, over whatever the client sent under that name', async () => {
    recordPeerAddresses();
    recordPeerAddresses(); // installed once, however often asked
    expect(peerAddressesRecorded()).toBe(true);
    const server = http.createServer((request, response) => response.end(JSON.stringify(request.headers)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: '203.0.113.9', 'X-Forwarded-For': '203.0.113.9' } });
      const seen = (await answer.json()) as Record<string, string>;
      expect(seen[PEER_ADDRESS_HEADER]).toBe('127.0.0.1');
      expect(clientAddress(new Headers(seen), { trustedHeader: null, peerRecorded: true })).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });
});
