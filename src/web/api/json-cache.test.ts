import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ResponseCache } from './json-cache.ts';

/** A one-route server whose body and clock the test sets. */
async function serverWith(cache: ResponseCache) {
  const world = { body: 'one', version: '1', now: '2022-10-17T13:00:00Z' };
  const app = Fastify();
  app.get('/feed', async (request, reply) =>
    cache.send(request, reply, 'feed', world.version, world.now, () => ({
      body: world.body,
      type: 'text/plain; charset=utf-8',
      validUntil: null,
    })),
  );
  const get = (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: '/feed', headers });
  return { world, get };
}

describe('ResponseCache', () => {
  it('keeps Last-Modified when a new version renders the same bytes', async () => {
    const { world, get } = await serverWith(new ResponseCache());
    const first = await get();
    Object.assign(world, { version: '2', now: '2022-10-17T14:00:00Z' });
    const second = await get({ 'if-modified-since': String(first.headers['last-modified']) });
    expect(second.statusCode).toBe(304);
    expect(second.headers['last-modified']).toBe('Mon, 17 Oct 2022 13:00:00 GMT');
  });

  it('dates a new body after the previous one even within the same second, so If-Modified-Since sees it', async () => {
    const { world, get } = await serverWith(new ResponseCache());
    const first = await get();
    Object.assign(world, { version: '2', body: 'two' });
    const second = await get({ 'if-modified-since': String(first.headers['last-modified']) });
    expect(second.statusCode).toBe(200);
    expect(second.headers['last-modified']).toBe('Mon, 17 Oct 2022 13:00:01 GMT');
  });

  it('matches If-None-Match in a list, weak or *, and then ignores If-Modified-Since', async () => {
    const { get } = await serverWith(new ResponseCache());
    const { etag } = (await get()).headers;
    expect((await get({ 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await get({ 'if-none-match': '*' })).statusCode).toBe(304);
    const stale = await get({
      'if-none-match': '"other"',
      'if-modified-since': 'Tue, 18 Oct 2022 00:00:00 GMT',
    });
    expect(stale.statusCode).toBe(200);
    expect((await get({ 'if-modified-since': 'not a date' })).statusCode).toBe(200);
  });
});
