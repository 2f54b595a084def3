import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../test/support/web.ts';

const site = useTestSite();
const securityHeaders = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
] as const;

function headersOf(headers: Record<string, unknown>) {
  return securityHeaders.map((name) => [name, typeof headers[name]]);
}
const present = securityHeaders.map((name) => [name, 'string']);

/** Sends bytes as they are over a real socket and reads the whole answer. */
async function raw(port: number, request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.write(request);
  });
}

describe('requests the framework cannot route', () => {
  it('answers undecodable %-escapes and over-long parameters in the API with {"error": {code, message}} and the security headers', async () => {
    for (const [url, status, code] of [
      ['/api/v1/events/%ff/teams', 400, 'invalid_input'],
      ['/api/v1/events/%c0%af/teams', 400, 'invalid_input'],
      [`/api/v1/events/${'a'.repeat(600)}/teams`, 414, 'uri_too_long'],
    ] as const) {
      const response = await site().app.inject({ url });
      expect([url, response.statusCode, response.json().error.code]).toEqual([url, status, code]);
      expect(typeof response.json().error.message).toBe('string');
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(headersOf(response.headers)).toEqual(present);
    }
  });

  it('answers the same on pages with the HTML error page', async () => {
    for (const [url, status] of [
      ['/events/%ff', 400],
      ['/events/%c0%af/board', 400],
      [`/events/${'a'.repeat(600)}`, 414],
    ] as const) {
      const response = await site().app.inject({ url, headers: { accept: 'text/html' } });
      expect([url, response.statusCode, response.headers['content-type']]).toEqual([
        url,
        status,
        'text/html; charset=utf-8',
      ]);
      expect(response.body).toMatch(/^<!doctype html>/);
      expect(headersOf(response.headers)).toEqual(present);
    }
  });

  it('answers a NUL or a raw 0xFF byte in the path, which the HTTP parser refuses, in the same shapes', async () => {
    const app = site().app;
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    for (const byte of [0x00, 0xff]) {
      const api = await raw(
        port,
        Buffer.concat([
          Buffer.from('GET /api/v1/events/'),
          Buffer.from([byte]),
          Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
        ]),
      );
      const [head = '', body] = api.split('\r\n\r\n');
      expect([byte, head.split('\r\n')[0]]).toEqual([byte, 'HTTP/1.1 400 Bad Request']);
      expect(head).toMatch(/\r\nx-content-type-options: nosniff\r\n/);
      expect(head).toMatch(/\r\ncontent-security-policy: default-src 'self'/);
      expect(JSON.parse(body ?? '').error.code).toBe('invalid_input');
      const page = await raw(
        port,
        Buffer.concat([
          Buffer.from('GET /events/'),
          Buffer.from([byte]),
          Buffer.from(' HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n'),
        ]),
      );
      expect(page).toMatch(/\r\ncontent-type: text\/html; charset=utf-8\r\n/);
      expect(page).toMatch(/\r\n\r\n<!doctype html>/);
    }
  });
});
