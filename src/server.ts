import type { FastifyInstance } from 'fastify';
import { seedDemo } from './app/events.ts';
import { OidcSignIn } from './app/oidc.ts';
import { firstOrganizerLink } from './app/sign-in.ts';
import { startIrcBot } from './chat/start-irc-bot.ts';
import type { Config } from './config.ts';
import { fitStreamsToDescriptors, openFilesLimit } from './descriptor-limit.ts';
import { smtpMailer } from './mail/smtp-mailer.ts';
import { readPeopleConfig } from './people-config.ts';
import { openRuntime } from './runtime.ts';
import { buildApp } from './web/app.ts';
import { serverLogger } from './web/ops/server-logger.ts';

/** How long the IRC bot may take to send the lines it still holds when the server stops. */
const ircFlushMs = 2000;

/**
 * Starts Convene: opens the database (migrating it), loads the demo event into an empty database
 * in demo mode, and listens. `env` holds the rest of the settings (sign-in, mail, logging). On
 * SIGINT and SIGTERM it stops without dropping anyone (see `addGracefulStop`), and exits within
 * `STOP_TIMEOUT` whatever happens.
 */
export async function startServer(config: Config, env: NodeJS.ProcessEnv): Promise<FastifyInstance> {
  const people = readPeopleConfig(env, config.baseUrl);
  const runtime = await openRuntime(config);
  const mailer = people.smtp ? smtpMailer(people.smtp) : undefined;
  const log = serverLogger(env.LOG_LEVEL ?? 'info');
  const descriptors = openFilesLimit();
  const fitted = fitStreamsToDescriptors(config.limits, descriptors, config.descriptorReserve);
  const app = await buildApp(
    {
      runtime,
      ops: runtime.ops,
      baseUrl: config.baseUrl,
      chatBot: config.irc ? { channel: config.irc.channel, event: config.irc.event } : null,
      mailer,
      oidc: people.oidc ? new OidcSignIn(people.oidc) : null,
      ...(people.sessionSecret ? { sessionSecret: people.sessionSecret } : {}),
      rateLimits: people.rateLimits,
      limits: fitted.limits,
    },
    {
      loggerInstance: log.logger,
      metricsToken: config.metricsToken,
      // Writes in flight get most of the budget; mail and IRC flush within what is left.
      drainMs: Math.max(1000, config.stopTimeoutMs - 3000),
      trustProxy: people.trustProxy,
      afterClose: async () => {
        mailer?.close();
        await runtime.close();
      },
    },
  );
  if (fitted.lowered)
    app.log.warn(
      `This process may open ${descriptors} files, so at most ${fitted.limits.streamsTotal} event streams are let in (STREAMS_TOTAL is ${config.limits.streamsTotal}, STREAMS_RESERVE ${config.descriptorReserve}); raise the limit with ulimit -n or LimitNOFILE= (see docs/limits.md).`,
    );
  // At the instant the clock started from, not the seconds start-up took: the same demo every time.
  if (config.demo && (await seedDemo(runtime, config.clockStart ?? runtime.clock.now()))) {
    app.log.info('loaded the demo event oct2022-ptg');
  }
  if (config.irc) {
    const bot = startIrcBot(runtime, config.irc, app.log);
    app.metrics?.watchIrc(bot);
    app.addHook('onClose', async () => bot.stop(ircFlushMs));
  }
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Convene is ready on ${config.baseUrl}${config.clockStart ? ` (clock started at ${config.clockStart})` : ''}`,
  );
  const setUp = await firstOrganizerLink(runtime, config.baseUrl);
  if (setUp)
    app.log.warn(`No organiser yet. Open this link to become the first organiser (it works once): ${setUp}`);
  if (!mailer) app.log.info('No SMTP_HOST is set: e-mails are written to this log instead of being sent.');
  const stop = async () => {
    app.log.info('stopping: streams are told to reconnect, writes in flight finish, mail is sent');
    setTimeout(() => {
      app.log.warn(`did not stop within ${config.stopTimeoutMs} ms; exiting anyway`);
      log.flush();
      process.exit(1);
    }, config.stopTimeoutMs).unref();
    await app.close();
    log.flush();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return app;
}
