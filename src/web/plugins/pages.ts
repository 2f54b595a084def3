import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findAsset } from './assets.ts';
import { chooseEncoding, compress, encodingFor } from './compression.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * What every page needs from HTTP: security headers on every response, compressed HTML and CSS, and the
 * static files of `src/web/assets/` (plus built scripts) under `/assets/` with ETags, a year of
 * caching for versioned URLs, and brotli or gzip made once.
 */
export const pagesPlugin = fp(async (app: FastifyInstance) => {
  // These hooks run on every answer, so they are plain callbacks: an async hook costs a promise
  // and a trip through the microtask queue per request, which the hot JSON endpoints feel.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload !== 'string') return done(null, payload);
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !/^text\/(html|css)/.test(type)) return done(null, payload);
    reply.header('vary', 'accept-encoding');
    const encoding = encodingFor(request.headers['accept-encoding'], payload);
    if (encoding === 'identity') return done(null, payload);
    reply.header('content-encoding', encoding);
    done(null, compress(payload, encoding));
  });

  app.get<{ Params: { name: string }; Querystring: { v?: string } }>(
    '/assets/:name',
    { schema: { hide: true } },
    async (request, reply) => sendAsset(request, reply),
  );
});

function sendAsset(
  request: FastifyRequest<{ Params: { name: string }; Querystring: { v?: string } }>,
  reply: FastifyReply,
): FastifyReply {
  const asset = findAsset(request.params.name);
  if (!asset) {
    return reply.status(404).type('text/plain; charset=utf-8').send('There is no such file.');
  }
  const etag = `"${asset.version}"`;
  reply
    .header('etag', etag)
    .header('vary', 'accept-encoding')
    .header(
      'cache-control',
      request.query.v === asset.version ? 'public, max-age=31536000, immutable' : 'public, no-cache',
    );
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  reply.type(asset.type);
  if (encoding === 'br') return reply.header('content-encoding', 'br').send(asset.brotli);
  if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}
