import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, bodyChunks, bodyText, byteSize, SERVER_ACTION_BODY_LIMIT } from './body';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://leadstream.test/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('reading a body up to a limit', () => {
  it('reads a body within the limit, multi-byte characters split across chunks included', async () => {
    const bytes = new TextEncoder().encode('Zoë Ørsted');
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 3));
        controller.enqueue(bytes.slice(3));
        controller.close();
      },
    });
    expect(await bodyText(post(chunks), 100)).toBe('Zoë Ørsted');
  });

  it('refuses a body that declares more than the limit, and one that sends more without saying', async () => {
    await expect(bodyText(post('{}', { 'content-length': '2048' }), 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(bodyText(post('x'.repeat(1025)), 1024)).rejects.toThrow('The request body is larger than 1 KB.');
    expect(await bodyText(post('x'.repeat(1024)), 1024)).toHaveLength(1024);
  });

  it('reads to its end, and drops, a body its reader stops early within the limit; cancels one past the limit', async () => {
    const upload = (chunks: number) => {
      const sent = { chunks: 0, cancelled: false };
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent.chunks === chunks) return controller.close();
          sent.chunks++;
          controller.enqueue(new Uint8Array(100));
        },
        cancel() {
          sent.cancelled = true;
        },
      });
      return { request: post(body), sent };
    };
    const firstChunkOnly = async (request: Request, limit: number) => {
      for await (const _chunk of bodyChunks(request, limit)) break;
    };
    const within = upload(10);
    await firstChunkOnly(within.request, 1000);
    expect(within.sent).toEqual({ chunks: 10, cancelled: false });
    const past = upload(50);
    await firstChunkOnly(past.request, 1000);
    expect(past.sent.cancelled).toBe(true);
    expect(past.sent.chunks).toBeLessThan(50);
  });

  it('words sizes as people read them', () => {
    expect([byteSize(900), byteSize(64 * 1024), byteSize(64 * 1024 * 1024), byteSize(1.5 * 1024 * 1024)]).toEqual(['900 bytes', '64 KB', '64 MB', '1.5 MB']);
  });
});

describe('the server actions\u2019 body limit', () => {
  it('is the same in next.config.js as the one proxy.ts enforces', () => {
    const config = fs.readFileSync(path.resolve(import.meta.dirname, '../../next.config.js'), 'utf8');
    expect(/bodySizeLimit: '(\w+)'/.exec(config)?.[1]).toBe(`${SERVER_ACTION_BODY_LIMIT / 1024}kb`);
  });
});
