import { Writable } from 'node:stream';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestSite } from '../../test/support/web.ts';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const site = useTestSite(undefined, { app: { loggerInstance: pino(sink) } });
let base = '';
beforeAll(async () => {
  base = await site().app.listen({ port: 0, host: '127.0.0.1' });
});

const event = '/api/v1/events/oct2022-ptg';
const sameHeaders = [
  'content-type',
  'etag',
  'last-modified',
  'cache-control',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'cross-origin-opener-policy',
];

describe('the board and schedule JSON, answered before the framework', () => {
  for (const document of ['board', 'schedule']) {
    it(`sends the same bytes and headers for GET …/${document} as the route does, and logs the access line`, async () => {
      const routed = await site().app.inject({ url: `${event}/${document}` });
      const before = lines.length;
      const response = await fetch(`${base}${event}/${document}`);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(routed.rawPayload)).toBe(true);
      for (const name of sameHeaders) expect(response.headers.get(name), name).toBe(routed.headers[name]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines.slice(before).filter((line) => line.msg === 'request')).toEqual([
        expect.objectContaining({
          reqId: expect.stringMatching(/^fast-/),
          method: 'GET',
          route: `/api/v1/events/:event/${document}`,
          status: 200,
        }),
      ]);
    });
  }

  it('leaves validators, queries, unknown events and other methods to the routes', async () => {
    const first = await fetch(`${base}${event}/board`);
    const etag = first.headers.get('etag') ?? '';
    const again = await fetch(`${base}${event}/board`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const unknown = await fetch(`${base}/api/v1/events/no-such-event/board`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('unknown_event');
    expect((await fetch(`${base}${event}/board?x=1`)).status).toBe(200);
    const posted = await fetch(`${base}${event}/board`, { method: 'POST' });
    expect(posted.status).toBe(404);
    const routed = lines.filter((line) => line.msg === 'request' && String(line.reqId).startsWith('req-'));
    expect(routed.length).toBeGreaterThanOrEqual(4);
  });

  it('follows a change at once: a new topic is in the next answer', async () => {
    const set = await site().app.inject({
      method: 'POST',
      url: `${event}/teams/nova/now`,
      headers: { authorization: `Bearer ${site().token}` },
      payload: { text: 'Fast path topic' },
    });
    expect(set.statusCode).toBe(200);
    const board = await (await fetch(`${base}${event}/board`)).json();
    expect(board.now).toEqual(
      expect.arrayContaining([expect.objectContaining({ team: 'nova', text: 'Fast path topic' })]),
    );
  });
});
