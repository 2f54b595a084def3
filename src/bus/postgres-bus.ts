import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Revision } from '../core/revision.ts';
import type { Bus, BusHealth, BusMessage } from './bus.ts';
import { deliver } from './memory-bus.ts';

const channel = 'convene_revisions';
/** NOTIFY payloads must stay under 8000 bytes; larger revisions travel as a pointer. */
const maxInlinePayload = 7000;

interface Notice {
  readonly origin: string;
  readonly eventId: string;
  readonly revision: number;
  readonly full?: Revision;
  /** the sender's wall clock (ms), so receivers can tell how late a revision arrives */
  readonly sentAt?: number;
}

/**
 * Carries revisions between instances that share one PostgreSQL database, over LISTEN/NOTIFY.
 * Local subscribers hear a revision at once; other instances hear it from the database. When the
 * listening connection drops, it reconnects with backoff and asks everyone to resynchronise.
 */
export class PostgresBus implements Bus {
  private readonly origin = randomUUID();
  private readonly listeners = new Set<(message: BusMessage) => void>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly publisher: pg.Pool;
  private client: pg.Client | null = null;
  private closed = false;
  private retryDelay = 250;
  private retryTimer: NodeJS.Timeout | null = null;

  private constructor(private readonly url: string) {
    this.publisher = new pg.Pool({ connectionString: url, max: 2 });
    // A lost connection fails the NOTIFY in flight, never the process; the pool makes a new one.
    this.publisher.on('error', () => {});
    this.publisher.on('connect', (client) => client.on('error', () => {}));
  }

  /** Connects the listening session before returning, so no later revision is missed. */
  static async connect(url: string): Promise<PostgresBus> {
    const bus = new PostgresBus(url);
    await bus.listen();
    return bus;
  }

  async publish(revision: Revision): Promise<void> {
    deliver(this.listeners, { eventId: revision.eventId, revision: revision.revision, full: revision });
    const notice: Notice = {
      origin: this.origin,
      eventId: revision.eventId,
      revision: revision.revision,
      full: revision,
      sentAt: Date.now(),
    };
    let payload = JSON.stringify(notice);
    if (Buffer.byteLength(payload) > maxInlinePayload) {
      payload = JSON.stringify({
        origin: this.origin,
        eventId: revision.eventId,
        revision: revision.revision,
        sentAt: notice.sentAt,
      });
    }
    await this.publisher.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  subscribe(listener: (message: BusMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  health(): BusHealth {
    return this.client ? { ok: true } : { ok: false, reason: 'the LISTEN connection to PostgreSQL is down' };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
    await this.client?.end().catch(() => {});
    await this.publisher.end();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => this.receive(message.payload));
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.retryDelay = 250;
  }

  private receive(payload: string | undefined): void {
    if (!payload) return;
    let notice: Notice;
    try {
      notice = JSON.parse(payload);
    } catch {
      return;
    }
    if (notice.origin === this.origin) return;
    deliver(this.listeners, {
      eventId: notice.eventId,
      revision: notice.revision,
      full: notice.full ?? null,
      ...(typeof notice.sentAt === 'number' ? { sentAt: notice.sentAt } : {}),
    });
  }

  private reconnect(dropped: pg.Client): void {
    if (this.closed || this.client !== dropped) return;
    this.client = null;
    dropped.end().catch(() => {});
    this.listenAgain();
  }

  /**
   * Listens again after a pause that doubles up to 10 s while the server stays away; once back,
   * everyone catches up from the change log on whatever was committed meanwhile.
   */
  private listenAgain(): void {
    this.retryTimer = setTimeout(async () => {
      try {
        await this.listen();
      } catch {
        this.retryDelay = Math.min(this.retryDelay * 2, 10_000);
        if (!this.closed) this.listenAgain();
        return;
      }
      if (this.closed) return;
      for (const listener of this.resyncListeners) listener();
    }, this.retryDelay);
  }
}
