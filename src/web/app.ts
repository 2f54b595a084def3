import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { batchAlertMail, watchWebTopicAlerts } from '../app/alerts.ts';
import { MailSender } from '../app/mail-outbox.ts';
import { actorForToken } from '../app/people.ts';
import { watchReminders } from '../app/reminders.ts';
import { randomToken } from '../app/secret-token.ts';
import { logMailer } from '../mail/log-mailer.ts';
import { accountRoutes } from './api/account-routes.ts';
import { adminRoutes } from './api/admin-routes.ts';
import { alertRoutes } from './api/alert-routes.ts';
import { bookingRoutes } from './api/booking-routes.ts';
import { clashRoutes } from './api/clash-routes.ts';
import { commandRoutes } from './api/command-routes.ts';
import { ErrorResponse } from './api/common.schema.ts';
import { draftRoutes } from './api/draft-routes.ts';
import { eventRoutes } from './api/event-routes.ts';
import { feedRoutes } from './api/feed-routes.ts';
import { feedbackRoutes } from './api/feedback-routes.ts';
import { motdRoutes } from './api/motd-routes.ts';
import { peopleRoutes } from './api/people-routes.ts';
import { sharedSchemas } from './api/read.schema.ts';
import { readRoutes } from './api/read-routes.ts';
import { sessionRoutes } from './api/session-routes.ts';
import { teamRoutes } from './api/team-routes.ts';
import type { WebDeps } from './deps.ts';
import { httpLimits } from './limits.ts';
import { AppMetrics } from './ops/app-metrics.ts';
import { addGracefulStop } from './ops/graceful-stop.ts';
import { healthRoutes } from './ops/health-routes.ts';
import { metricsRoutes } from './ops/metrics-routes.ts';
import { RequestLog } from './ops/request-log.ts';
import { pageRoutes } from './pages/index.ts';
import { sendNotFound } from './pages/not-found-page.tsx';
import { pageUser } from './pages/page-context.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { answerClientError, answerFrameworkError } from './plugins/framework-errors.ts';
import { bearerIdentifier, identityPlugin } from './plugins/identity.ts';
import { pagesPlugin } from './plugins/pages.ts';
import { sessionPlugin } from './plugins/session.ts';
import { validatorCompiler } from './plugins/validation.ts';
import { LiveFeeds } from './stream/live-feeds.ts';
import { StreamLimits } from './stream/stream-limits.ts';
import { streamRoutes } from './stream/stream-routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** the live board and schedule of every event, as streamed to viewers */
    liveFeeds: LiveFeeds;
    /** the figures `GET /metrics` shows, when `metricsToken` is set */
    metrics: AppMetrics | null;
  }
}

export interface AppOptions {
  readonly logger?: FastifyServerOptions['logger'];
  /** a logger of the caller's own (the server's asynchronous one); wins over `logger` */
  readonly loggerInstance?: FastifyBaseLogger;
  /** turns on `GET /metrics`, answering only requests that bear this token */
  readonly metricsToken?: string | null;
  /** how long a stopping server waits for writes in flight (default 5 s) */
  readonly drainMs?: number;
  /** behind a reverse proxy: whose X-Forwarded-For to believe (rate limits count client addresses) */
  readonly trustProxy?: boolean | string;
  /** runs once the app has closed everything of its own (streams, queued mail): close what it used */
  readonly afterClose?: () => Promise<void>;
}

/**
 * The whole HTTP side, built but not listening: tests call `inject()` on it, the server calls
 * `listen()`. Routes translate and present; every rule is the core's.
 */
export async function buildApp(deps: WebDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const metrics = options.metricsToken ? new AppMetrics(deps.runtime) : null;
  const requestLog = new RequestLog(metrics);
  const limits = httpLimits(deps.limits);
  const app = Fastify({
    // Fastify tells the request log about answers only when it has a logger: metrics need one.
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : { logger: options.logger ?? (metrics ? { level: 'silent' } : false) }),
    logController: requestLog,
    // Open event streams must not keep the server from shutting down.
    forceCloseConnections: true,
    bodyLimit: limits.bodyLimitBytes,
    // A client that sends its request slowly (a byte now and then) is cut off with 408; the check
    // runs every second, over requests still arriving only.
    requestTimeout: limits.requestTimeoutMs,
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: 1000 },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // onClose hooks run last-registered first: what the app uses closes after the app's own parts.
  const { afterClose } = options;
  if (afterClose) app.addHook('onClose', async () => afterClose());
  app.setValidatorCompiler(validatorCompiler);
  const liveFeeds = new LiveFeeds(
    deps.runtime,
    metrics ? { onUpdate: metrics.streamUpdate.bind(metrics) } : {},
  );
  metrics?.watchStreams(liveFeeds);
  app.decorate('liveFeeds', liveFeeds);
  app.decorate('metrics', metrics);
  app.addHook('onClose', async () => {
    liveFeeds.close();
    metrics?.close();
  });
  addGracefulStop(app, liveFeeds, () => requestLog.writesInFlight, options.drainMs ?? 5000);
  const alertFailed = (error: unknown) => app.log.error({ err: error }, 'alert not delivered');
  const stopAlerts = watchWebTopicAlerts(
    deps.runtime,
    deps.baseUrl,
    (userId, alert) => liveFeeds.sendToUser(userId, alert),
    alertFailed,
  );
  let stopTimers: (() => void)[] = [];
  app.addHook('onReady', async () => {
    stopTimers = [
      batchAlertMail(deps.runtime, deps.baseUrl, alertFailed, deps.alertCheckMs),
      watchReminders(
        deps.runtime,
        deps.baseUrl,
        (userId, alert) => liveFeeds.sendToUser(userId, alert),
        alertFailed,
        deps.alertCheckMs,
      ),
    ];
  });
  app.addHook('onClose', async () => {
    stopAlerts();
    for (const stop of stopTimers) stop();
  });
  const mailSender = new MailSender(deps.runtime, deps.mailer ?? logMailer((text) => app.log.info(text)), {
    onError: (error, to) => app.log.error({ err: error, to }, 'queued e-mail not sent'),
  });
  app.addHook('onReady', async () => mailSender.start());
  // Mail already due goes out before the process stops, within a few seconds.
  app.addHook('onClose', async () => {
    await mailSender.stop();
    await mailSender.flush(5000);
  });

  await app.register(errorsPlugin, {
    notFoundPage: async (request, reply) =>
      sendNotFound(reply, await pageUser(request), 'There is no page at this address.'),
  });
  await app.register(identityPlugin);
  await app.register(pagesPlugin);
  app.addIdentifier(bearerIdentifier((token) => actorForToken(deps.runtime, token)));
  await app.register(sessionPlugin, {
    deps,
    secret:
      deps.sessionSecret ?? (await deps.runtime.store.people.settingOrCreate('session-secret', randomToken)),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Convene API',
        version: '1',
        description:
          'Events, teams, rooms, the schedule and the live board of a Project Teams Gathering. Writes need `Authorization: Bearer <token>` (`convene token create EMAIL`). Errors are `{"error": {"code", "message"}}` with a 4xx status.',
      },
      servers: [{ url: deps.baseUrl }],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`),
    },
  });
  app.addSchema(ErrorResponse);
  for (const schema of sharedSchemas) app.addSchema(schema);

  await app.register(healthRoutes(deps.runtime));
  if (metrics && options.metricsToken) await app.register(metricsRoutes(metrics, options.metricsToken));

  await app.register(
    async (api) => {
      await api.register(readRoutes(deps));
      await api.register(eventRoutes(deps));
      await api.register(bookingRoutes(deps));
      await api.register(clashRoutes(deps));
      await api.register(teamRoutes(deps));
      await api.register(motdRoutes(deps));
      await api.register(adminRoutes(deps));
      await api.register(accountRoutes(deps));
      await api.register(alertRoutes(deps));
      await api.register(commandRoutes(deps));
      await api.register(peopleRoutes(deps));
      await api.register(draftRoutes(deps));
      await api.register(sessionRoutes(deps));
      await api.register(feedbackRoutes(deps));
      await api.register(
        streamRoutes(
          liveFeeds,
          new StreamLimits({ perAddress: limits.streamsPerAddress, total: limits.streamsTotal }),
        ),
      );
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );
  await app.register(feedRoutes(deps));
  await app.register(pageRoutes(deps));
  return app;
}
