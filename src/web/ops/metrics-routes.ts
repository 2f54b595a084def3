import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { refusal } from '../../core/errors.ts';
import { sendRefusal } from '../plugins/errors.ts';
import type { AppMetrics } from './app-metrics.ts';

/**
 * `GET /metrics`, Prometheus' text format, for `Authorization: Bearer <METRICS_TOKEN>` only. The
 * route exists only when a token is set.
 */
export function metricsRoutes(metrics: AppMetrics, token: string) {
  const expected = digest(token);
  return async (app: FastifyInstance) => {
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      const header = request.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (!given || !timingSafeEqual(digest(given), expected)) {
        return sendRefusal(reply, refusal('unauthenticated', 'Send the metrics token as a bearer token.'));
      }
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    });
  };
}

/** Equal-length digests, so comparing them takes the same time whatever was sent. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
