import type { FastifyInstance } from 'fastify';
import { seedDemo } from './app/events.ts';
import { IrcBot } from './chat/irc-bot.ts';
import type { Config } from './config.ts';
import { openRuntime } from './runtime.ts';
import { buildApp } from './web/app.ts';
import { redactSecrets } from './web/redact-secrets.ts';

/**
 * Starts Convene: opens the database (migrating it), loads the demo event into an empty database
 * in demo mode, and listens. Stops cleanly on SIGINT and SIGTERM.
 */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const runtime = await openRuntime(config);
  const app = await buildApp(
    { runtime, ops: runtime.ops, baseUrl: config.baseUrl },
    {
      logger: {
        level: process.env.LOG_LEVEL ?? 'info',
        // Personal calendar addresses carry a secret; keep it out of the logs.
        serializers: {
          req: (request) => ({ method: request.method, url: redactSecrets(request.url), reqId: request.id }),
        },
      },
    },
  );
  if (config.demo && (await seedDemo(runtime, runtime.clock.now()))) {
    app.log.info('loaded the demo event oct2022-ptg');
  }
  if (config.irc) {
    const bot = new IrcBot({
      settings: config.irc,
      runtime,
      log: {
        info: (message) => app.log.info(message),
        warn: (message) => app.log.warn(message),
        error: (message, err) => app.log.error({ err }, message),
      },
    });
    bot.start();
    app.addHook('onClose', async () => bot.stop());
  }
  app.addHook('onClose', async () => runtime.close());
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Convene is ready on ${config.baseUrl}${config.clockStart ? ` (clock started at ${config.clockStart})` : ''}`,
  );
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return app;
}
