import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { AppMetrics } from './app-metrics.ts';

/** Methods that only read: everything else may be a write a stopping server lets finish. */
const reading = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What the server notes about each request, in the place Fastify already calls for it (no extra
 * hook on the hot path): one access line when the answer is sent — request id, method, route
 * pattern, status and milliseconds; never the path itself, a header or a body, so no token, cookie
 * or secret address can reach the log — the request's figures for the metrics, and how many writes
 * are still being answered, for a graceful stop.
 */
export class RequestLog extends LogController {
  #writesInFlight = 0;

  constructor(private readonly metrics: AppMetrics | null) {
    super();
  }

  /** requests other than reads whose answer has not been sent (or abandoned) yet */
  get writesInFlight(): number {
    return this.#writesInFlight;
  }

  override incomingRequest(request: FastifyRequest, reply: FastifyReply): void {
    if (reading.has(request.method)) return;
    this.#writesInFlight++;
    reply.raw.once('close', () => {
      this.#writesInFlight--;
    });
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const ms = reply.elapsedTime;
    this.metrics?.request(request.method, route, status, ms / 1000);
    const line = { method: request.method, route, status, ms: Math.round(ms * 100) / 100 };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }

  /** the access line already says 404 */
  override routeNotFound(): void {}
}
