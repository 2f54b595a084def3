import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../app/runtime.ts';

/** How long the database may take to answer a readiness check before it counts as unreachable. */
const pingTimeoutMs = 2000;

/**
 * `GET /healthz`: the process is alive. `GET /readyz`: it can serve — the database answers and the
 * bus reaches the other instances — else 503 with the reason, so a load balancer sends traffic
 * elsewhere. While the server stops, Fastify answers 503 to both.
 */
export function healthRoutes(runtime: Runtime) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
    app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
      const reason = await unreadyReason(runtime);
      if (reason) return reply.status(503).send({ ready: false, reason });
      return { ready: true };
    });
  };
}

async function unreadyReason(runtime: Runtime): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`the database did not answer within ${pingTimeoutMs} ms`),
      pingTimeoutMs,
    );
  });
  const ping = runtime.store.ping().then(
    () => null,
    // The code only: the message may name the database's host.
    (error: unknown) =>
      `the database cannot be reached (${(error as { code?: string }).code ?? 'no answer'})`,
  );
  const database = await Promise.race([ping, timeout]).finally(() => clearTimeout(timer));
  if (database) return database;
  const bus = runtime.bus.health();
  return bus.ok ? null : bus.reason;
}
