import { request } from 'node:http';
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestSite } from '../../test/support/web.ts';
import { addressKey } from './stream/stream-limits.ts';

const site = useTestSite(undefined, {
  deps: {
    limits: { streamsPerAddress: 2, streamsTotal: 3, headersTimeoutMs: 1000, requestTimeoutMs: 1500 },
  },
});
let port = 0;
beforeAll(async () => {
  await site().app.listen({ port: 0, host: '127.0.0.1' });
  const address = site().app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

interface Opened {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** the body, for a refusal (a stream stays open and has none here) */
  readonly body: string;
  close(): void;
}

/** GET `path` from the loopback address `from` (all of 127.0.0.0/8 reaches this machine). */
function get(path: string, from = '127.0.0.1'): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, localAddress: from, agent: false }, (response) => {
      const close = () => response.destroy();
      const status = response.statusCode ?? 0;
      if (status === 200 && path.endsWith('/stream')) {
        resolve({ status, headers: response.headers, body: '', close });
        return;
      }
      let body = '';
      response.on('data', (chunk) => {
        body += String(chunk);
      });
      response.on('end', () => resolve({ status, headers: response.headers, body, close }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

const stream = '/api/v1/events/oct2022-ptg/stream';
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('event streams are capped per address and in total', () => {
  it('refuses a third stream from one address with 429 too_many_streams, and lets one in when another closes', async () => {
    const first = await get(stream);
    const second = await get(stream);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await get(stream);
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body).error.code).toBe('too_many_streams');
    expect((await get('/healthz')).status).toBe(200);
    first.close();
    await settle();
    const again = await get(stream);
    expect(again.status).toBe(200);
    second.close();
    again.close();
    await settle();
  });

  it('refuses everyone with 503 unavailable and Retry-After once the total is reached, while ordinary requests go on', async () => {
    const held = [
      await get(stream, '127.0.0.2'),
      await get(stream, '127.0.0.2'),
      await get(stream, '127.0.0.3'),
    ];
    expect(held.map((opened) => opened.status)).toEqual([200, 200, 200]);
    const refused = await get(stream, '127.0.0.4');
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body).error.code).toBe('unavailable');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get('/healthz', '127.0.0.4')).status).toBe(200);
    expect((await get('/api/v1/events/oct2022-ptg/board', '127.0.0.4')).status).toBe(200);
    for (const opened of held) opened.close();
    await settle();
    const after = await get(stream, '127.0.0.4');
    expect(after.status).toBe(200);
    after.close();
  });

  it('counts an IPv6 client by its /64 network and an IPv4-mapped one by its IPv4 address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  });
});

describe('requests must arrive in time', () => {
  /** Sends `head`, then one byte of the body every 200 ms; resolves with what came back and when the server hung up. */
  function dribble(head: string, bodyBytes: number): Promise<{ answer: string; afterMs: number }> {
    return new Promise((resolve) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < bodyBytes && !socket.destroyed) {
          socket.write('x');
          sent++;
        }
      }, 200);
      socket.on('data', (chunk) => {
        answer += String(chunk);
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, afterMs: Date.now() - started });
      });
      socket.write(head);
    });
  }

  it('cuts off a body sent a byte at a time with 408 once the request timeout has passed', async () => {
    const { answer, afterMs } = await dribble(
      'POST /api/v1/events/oct2022-ptg/commands HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
      100,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(5000);
  });

  it('cuts off request headers that never end', async () => {
    const { answer, afterMs } = await dribble('GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', 100);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(5000);
  });
});
