import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RuntimeObserver } from '../../app/observers.ts';
import type { Runtime } from '../../app/runtime.ts';

/** The IRC bot as the metrics see it (see `IrcBot.status`). */
export interface IrcStatusSource {
  status(): { readonly connected: boolean; readonly inChannel: boolean; readonly waiting: number };
}

/** Request latencies worth telling apart: cached JSON takes well under a millisecond. */
const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Delays of live updates and revisions between instances: the budget is 250 ms. */
const delayBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Every figure `GET /metrics` shows, in one registry of its own (so two apps in one process, as in
 * tests, never mix their counts). Gauges that describe a state (open streams, the IRC bot) are read
 * when scraped; counters are raised where things happen, each in constant time.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<'method' | 'route' | 'status'>;
  readonly #latency: Histogram<'method' | 'route'>;
  readonly #updatesSent: Counter<'view'>;
  readonly #updateDelay: Histogram<'view'>;
  readonly #busLag: Histogram;
  #irc: IrcStatusSource | null = null;
  #streams: { readonly viewers: number } | null = null;
  readonly #stop: (() => void)[] = [];

  constructor(runtime: Runtime) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.#requests = new Counter({
      name: 'convene_http_requests_total',
      help: 'HTTP requests answered, by route (the path pattern) and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.#latency = new Histogram({
      name: 'convene_http_request_duration_seconds',
      help: 'Time from receiving a request to sending the answer, by route.',
      labelNames: ['method', 'route'],
      buckets: latencyBuckets,
      registers,
    });
    const watched = this;
    new Gauge({
      name: 'convene_event_streams_open',
      help: 'Event streams (Server-Sent Events) open on this instance.',
      registers,
      collect() {
        this.set(watched.#streams?.viewers ?? 0);
      },
    });
    this.#updatesSent = new Counter({
      name: 'convene_stream_updates_sent_total',
      help: 'Live updates written to event-stream viewers (one per viewer), by view.',
      labelNames: ['view'],
      registers,
    });
    this.#updateDelay = new Histogram({
      name: 'convene_stream_update_delay_seconds',
      help: 'From a revision reaching this instance to its update written to every viewer, by view.',
      labelNames: ['view'],
      buckets: delayBuckets,
      registers,
    });
    this.#busLag = new Histogram({
      name: 'convene_bus_lag_seconds',
      help: 'From another instance publishing a revision to this instance hearing it (clocks must agree).',
      buckets: delayBuckets,
      registers,
    });
    const writes = new Counter({
      name: 'convene_writes_total',
      help: 'Writes to events by outcome: accepted, or the refusal code.',
      labelNames: ['outcome', 'source'],
      registers,
    });
    const bookings = new Counter({
      name: 'convene_bookings_total',
      help: 'Bookings made through this instance, by source.',
      labelNames: ['source'],
      registers,
    });
    const mail = new Counter({
      name: 'convene_mail_total',
      help: 'Queued e-mails this instance handed to the mail server, by result (sent, failed).',
      labelNames: ['result'],
      registers,
    });
    new Gauge({
      name: 'convene_irc_connected',
      help: 'Whether the IRC bot is connected (1), and in its channel (2); 0 when not connected.',
      registers,
      collect() {
        const status = watched.#irc?.status();
        if (status) this.set(status.inChannel ? 2 : status.connected ? 1 : 0);
      },
    });
    new Gauge({
      name: 'convene_irc_outbox_waiting',
      help: 'Lines the IRC bot holds back to stay within the server’s flood limits.',
      registers,
      collect() {
        const status = watched.#irc?.status();
        if (status) this.set(status.waiting);
      },
    });

    const observer: RuntimeObserver = {
      written(outcome, source) {
        if (!outcome.ok) {
          writes.inc({ outcome: outcome.refusal.code, source });
          return;
        }
        writes.inc({ outcome: 'accepted', source });
        for (const change of outcome.revision?.changes ?? []) {
          if (change.type === 'booking.created') bookings.inc({ source });
        }
      },
      mailed(sent) {
        mail.inc({ result: sent ? 'sent' : 'failed' });
      },
    };
    if (runtime.observers) this.#stop.push(runtime.observers.add(observer));
    this.#stop.push(
      runtime.bus.subscribe((message) => {
        if (message.sentAt !== undefined)
          this.#busLag.observe(Math.max(0, Date.now() - message.sentAt) / 1000);
      }),
    );
  }

  /** one answered request; `route` is the path pattern, so no secret in a path reaches a label */
  request(method: string, route: string, status: number, seconds: number): void {
    this.#requests.inc({ method, route, status });
    this.#latency.observe({ method, route }, seconds);
  }

  /** one live update written to `viewers` viewers, `seconds` after its revision arrived */
  streamUpdate(view: string, viewers: number, seconds: number): void {
    if (viewers > 0) this.#updatesSent.inc({ view }, viewers);
    this.#updateDelay.observe({ view }, seconds);
  }

  /** the open event streams to count */
  watchStreams(streams: { readonly viewers: number }): void {
    this.#streams = streams;
  }

  /** the IRC bot to report on, once it runs */
  watchIrc(bot: IrcStatusSource): void {
    this.#irc = bot;
  }

  close(): void {
    for (const stop of this.#stop) stop();
  }
}
