import type { FastifyInstance } from 'fastify';
import type { LiveFeeds } from '../stream/live-feeds.ts';

/**
 * How the app stops without dropping anyone: before Fastify closes the connections, stop accepting
 * new ones, end every event stream with a hint to reconnect (to another instance, behind a proxy),
 * and give writes being answered up to `waitMs` to finish. Mail and the IRC bot's lines are flushed
 * by their own close hooks afterwards.
 */
export function addGracefulStop(
  app: FastifyInstance,
  feeds: LiveFeeds,
  writesInFlight: () => number,
  waitMs: number,
): void {
  app.addHook('preClose', async () => {
    // Fastify closes the listening socket only after destroying every connection; closing it now
    // lets requests already here finish first. Closing twice is harmless.
    app.server.close(() => {});
    feeds.sendOff();
    const deadline = Date.now() + waitMs;
    while (writesInFlight() > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
}
