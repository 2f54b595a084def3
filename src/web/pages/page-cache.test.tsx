import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildEventState } from '../../../test/support/builders.ts';
import type { EventState } from '../../core/model/event-state.ts';
import type { Instant } from '../../core/model/instant.ts';
import { PageCache } from './page-cache.ts';

/** A real server whose one page counts how often it is rendered; the clock is after Monday's last slot. */
async function countingServer() {
  const cache = new PageCache();
  const context = { state: buildEventState(), now: '2022-10-17T17:10:00Z' as Instant, zone: 'UTC' };
  let renders = 0;
  const app = Fastify();
  app.get('/page', (request, reply) =>
    cache.send(request, reply, { ...context, user: null }, () => {
      renders++;
      return <p>{context.state.revision}</p>;
    }),
  );
  const get = async () => (await app.inject({ url: '/page' })).body;
  return { context, get, renders: () => renders, app };
}

describe('PageCache', () => {
  it('renders a page once while its revision and the board’s moment stay the same', async () => {
    const server = await countingServer();
    expect(await server.get()).toBe(await server.get());
    expect(server.renders()).toBe(1);
  });

  it('renders again after a new revision', async () => {
    const server = await countingServer();
    await server.get();
    server.context.state = {
      ...server.context.state,
      revision: server.context.state.revision + 1,
    } as EventState;
    await server.get();
    expect(server.renders()).toBe(2);
  });

  it('renders again once the clock passes midnight UTC, when the day shown may change', async () => {
    const server = await countingServer();
    await server.get();
    server.context.now = '2022-10-17T23:59:00Z';
    await server.get();
    expect(server.renders()).toBe(1);
    server.context.now = '2022-10-18T00:00:01Z';
    await server.get();
    expect(server.renders()).toBe(2);
  });

  it('sends a large page compressed as the client asks, the same document in every encoding', async () => {
    const cache = new PageCache();
    const context = {
      state: buildEventState(),
      now: '2022-10-17T17:10:00Z' as Instant,
      zone: 'UTC',
      user: null,
    };
    const app = Fastify();
    app.get('/long', (request, reply) =>
      cache.send(request, reply, context, () => <p>{'A line of the schedule. '.repeat(200)}</p>),
    );
    const get = (encoding?: string) =>
      app.inject({ url: '/long', headers: encoding ? { 'accept-encoding': encoding } : {} });
    const plain = await get();
    expect(plain.headers['content-encoding']).toBeUndefined();
    const [brotli, again, gzip] = [await get('br, gzip'), await get('br'), await get('gzip')];
    expect([brotli.headers['content-encoding'], gzip.headers['content-encoding']]).toEqual(['br', 'gzip']);
    expect(brotli.headers.vary).toBe('accept-encoding');
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 10);
    expect(again.rawPayload.equals(brotli.rawPayload)).toBe(true);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
  });
});
