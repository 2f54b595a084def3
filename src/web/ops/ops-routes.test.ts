import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format';
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MailCatcher } from '../../../test/support/mail-catcher.ts';
import {
  createTestDatabase,
  describeWithPostgres,
  postgresAdminUrl,
} from '../../../test/support/postgres.ts';
import { openSse } from '../../../test/support/sse-client.ts';
import { demoNow, freeCell, openTestSite, useTestSite } from '../../../test/support/web.ts';
import { seedDemo } from '../../app/events.ts';
import { queueMail } from '../../app/mail-outbox.ts';
import { openRuntime } from '../../runtime.ts';
import { buildApp } from '../app.ts';

const metricsToken = 'a-metrics-token-of-some-length';
const event = '/api/v1/events/oct2022-ptg';

function family(families: MetricFamily[], name: string): MetricFamily {
  const found = families.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no ${name} in the scrape`);
  return found;
}

function sampleOf(families: MetricFamily[], name: string, labels: Record<string, string>): number {
  const sample = family(families, name).metrics.find((metric) =>
    Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value),
  );
  return Number(sample?.value ?? sample?.count ?? Number.NaN);
}

describe('GET /healthz and /readyz', () => {
  it('says alive, and ready while the database and the bus answer', async () => {
    const site = await openTestSite();
    try {
      expect((await site.app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
      const ready = await site.app.inject({ url: '/readyz' });
      expect([ready.statusCode, ready.json()]).toEqual([200, { ready: true }]);
    } finally {
      await site.close();
    }
  });

  it('answers 503 with the reason when the database cannot be reached, while /healthz stays 200', async () => {
    const site = await openTestSite();
    await site.runtime.store.close();
    const ready = await site.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({
      ready: false,
      reason: expect.stringContaining('database cannot be reached'),
    });
    expect((await site.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await site.app.close();
  });
});

describeWithPostgres('GET /readyz on PostgreSQL', () => {
  it('answers 503 naming the bus while the LISTEN connection is down, and 200 once it is back', async () => {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: postgresAdminUrl });
    await admin.connect();
    const runtime = await openRuntime({ databaseUrl: database.url, clockStart: null });
    const app = await buildApp({ runtime, ops: runtime.ops, baseUrl: 'http://localhost' });
    const readiness = async () => {
      const response = await app.inject({ url: '/readyz' });
      return [response.statusCode, response.json()];
    };
    try {
      expect(await readiness()).toEqual([200, { ready: true }]);
      // No new connection may reach the database, and the listening one is cut: the bus is down,
      // while the store's pooled connection, kept busy by the checks, still answers.
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN %'`,
        [name],
      );
      await expect
        .poll(readiness, { timeout: 10_000, interval: 20 })
        .toEqual([503, { ready: false, reason: 'the LISTEN connection to PostgreSQL is down' }]);
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await expect.poll(readiness, { timeout: 20_000, interval: 100 }).toEqual([200, { ready: true }]);
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
      await app.close();
      await runtime.close();
      await database.drop();
    }
  }, 60_000);
});

describe('GET /metrics without METRICS_TOKEN', () => {
  const site = useTestSite();
  it('does not exist', async () => {
    expect((await site().app.inject({ url: '/metrics' })).statusCode).toBe(404);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const site = useTestSite(undefined, { app: { metricsToken } });
  const scrape = async () => {
    const response = await site().app.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusTextFormat(response.body);
  };

  it('refuses a request without the token or with another one (401)', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer not-the-token-at-all' },
      { authorization: metricsToken },
    ]) {
      const response = await site().app.inject({ url: '/metrics', headers });
      expect([response.statusCode, response.json().error.code]).toEqual([401, 'unauthenticated']);
    }
  });

  it('counts requests by route pattern and status, with latency histograms', async () => {
    const { app } = site();
    await app.inject({ url: `${event}/board` });
    await app.inject({ url: `${event}/board` });
    await app.inject({ url: '/api/v1/events/no-such-event/board' });
    const families = await scrape();
    const route = '/api/v1/events/:event/board';
    expect(
      sampleOf(families, 'convene_http_requests_total', { route, status: '200' }),
    ).toBeGreaterThanOrEqual(2);
    expect(sampleOf(families, 'convene_http_requests_total', { route, status: '404' })).toBe(1);
    expect(family(families, 'convene_http_request_duration_seconds').type).toBe('HISTOGRAM');
    // The parser folds a labelled histogram's series into one; what it checks here is the format.
    const buckets = family(families, 'convene_http_request_duration_seconds').metrics[0]?.buckets ?? {};
    expect(Number(buckets['+Inf'])).toBeGreaterThanOrEqual(1);
    expect(Object.keys(buckets)).toContain('0.005');
  });

  it('counts bookings and refusals by code, and no open stream while none is open', async () => {
    const { app, token } = site();
    const schedule = (await app.inject({ url: `${event}/schedule` })).json();
    const cell = freeCell(schedule, 'nova');
    const headers = { authorization: `Bearer ${token}` };
    const body = { team: 'nova', room: cell.room, slot: cell.slot, override: true };
    expect((await app.inject({ method: 'POST', url: `${event}/bookings`, headers, body })).statusCode).toBe(
      201,
    );
    const again = await app.inject({ method: 'POST', url: `${event}/bookings`, headers, body });
    expect(again.json().error.code).toBe('slot_taken');
    const families = await scrape();
    expect(sampleOf(families, 'convene_bookings_total', { source: 'api' })).toBe(1);
    expect(sampleOf(families, 'convene_writes_total', { outcome: 'accepted', source: 'api' })).toBe(1);
    expect(sampleOf(families, 'convene_writes_total', { outcome: 'slot_taken', source: 'api' })).toBe(1);
    expect(sampleOf(families, 'convene_event_streams_open', {})).toBe(0);
    expect(family(families, 'convene_stream_update_delay_seconds').type).toBe('HISTOGRAM');
  });

  it('shows the process figures', async () => {
    const families = await scrape();
    expect(sampleOf(families, 'process_resident_memory_bytes', {})).toBeGreaterThan(0);
    expect(sampleOf(families, 'nodejs_eventloop_lag_seconds', {})).toBeGreaterThanOrEqual(0);
  });
});

/** Scrapes an app's metrics with the token, parsed by the same library's parser. */
async function scrapeOf(app: FastifyInstance): Promise<MetricFamily[]> {
  const response = await app.inject({
    url: '/metrics',
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  return parsePrometheusTextFormat(response.body);
}

describe('GET /metrics for live updates and mail', () => {
  it('counts open streams, the updates written to them with their delay, and e-mails sent and failed', async () => {
    const catcher = await MailCatcher.start((address) => address === 'nobody@example.org');
    const mailer = catcher.mailer();
    const site = await openTestSite(undefined, { deps: { mailer }, app: { metricsToken } });
    try {
      const url = await site.app.listen({ port: 0, host: '127.0.0.1' });
      const viewer = await openSse(`${url}${event}/stream?views=board`);
      await viewer.next();
      expect(sampleOf(await scrapeOf(site.app), 'convene_event_streams_open', {})).toBe(1);
      const topic = await site.app.inject({
        method: 'POST',
        url: `${event}/teams/nova/now`,
        headers: { authorization: `Bearer ${site.token}` },
        body: { text: 'Placement API cleanup' },
      });
      expect(topic.statusCode).toBe(200);
      expect((await viewer.next()).event).toBe('board');
      const live = await scrapeOf(site.app);
      expect(sampleOf(live, 'convene_stream_updates_sent_total', { view: 'board' })).toBe(1);
      // The parser folds a labelled histogram's series into one: its buckets hold the update's delay.
      const delays = family(live, 'convene_stream_update_delay_seconds').metrics[0]?.buckets ?? {};
      expect(Number(delays['+Inf'])).toBeGreaterThanOrEqual(1);
      viewer.close();

      await queueMail(site.runtime, [
        { key: 'metrics:ana', to: 'ana@example.org', subject: 'Hello', text: 'Hello Ana.' },
        { key: 'metrics:nobody', to: 'nobody@example.org', subject: 'Hello', text: 'Hello?' },
      ]);
      await expect
        .poll(
          async () => {
            const families = await scrapeOf(site.app);
            return [
              sampleOf(families, 'convene_mail_total', { result: 'sent' }),
              sampleOf(families, 'convene_mail_total', { result: 'failed' }),
            ];
          },
          { timeout: 20_000, interval: 200 },
        )
        .toEqual([1, 1]);
    } finally {
      await site.close();
      mailer.close();
      await catcher.close();
    }
  });
});

describeWithPostgres('GET /metrics with two instances on one PostgreSQL', () => {
  it('measures the bus lag of revisions another instance published', async () => {
    const database = await createTestDatabase();
    const publisher = await openRuntime({ databaseUrl: database.url, clockStart: null });
    const listener = await openRuntime({ databaseUrl: database.url, clockStart: null });
    const app = await buildApp(
      { runtime: listener, ops: listener.ops, baseUrl: 'http://localhost' },
      { metricsToken },
    );
    try {
      await app.ready();
      await seedDemo(publisher, demoNow);
      await expect
        .poll(async () => sampleOf(await scrapeOf(app), 'convene_bus_lag_seconds', {}), {
          timeout: 10_000,
          interval: 100,
        })
        .toBe(1);
    } finally {
      await app.close();
      await listener.close();
      await publisher.close();
      await database.drop();
    }
  }, 60_000);
});

describe('the access log', () => {
  it('writes one line per request with its id, route, status and time, and no secret', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const site = await openTestSite(undefined, { app: { loggerInstance: pino(sink) } });
    try {
      const secrets = ['s3cr3t-feed-address', 'one-time-link-token', site.token, 'session-cookie-value'];
      await site.app.inject({ url: `/feeds/${secrets[0]}/calendar.ics` });
      await site.app.inject({ url: `/signin/link?token=${secrets[1]}` });
      await site.app.inject({
        method: 'POST',
        url: `${event}/teams/nova/now`,
        headers: { authorization: `Bearer ${site.token}`, cookie: `convene_session=${secrets[3]}` },
        body: { text: 'Placement' },
      });
      const access = lines.filter((line) => line.msg === 'request');
      expect(access).toEqual([
        expect.objectContaining({
          reqId: expect.any(String),
          method: 'GET',
          status: 404,
          ms: expect.any(Number),
        }),
        expect.objectContaining({ method: 'GET', status: expect.any(Number) }),
        expect.objectContaining({
          method: 'POST',
          route: '/api/v1/events/:event/teams/:team/now',
          status: 200,
        }),
      ]);
      expect(new Set(access.map((line) => line.reqId)).size).toBe(3);
      const text = JSON.stringify(lines);
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(lines.filter((line) => line.msg !== 'request' && line.level === 30)).toEqual([]);
    } finally {
      await site.close();
    }
  });
});
