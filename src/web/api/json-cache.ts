import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventState } from '../../core/model/event-state.ts';
import { type Instant, millis } from '../../core/model/instant.ts';

/** A response body ready to send, and until when it stays right if nothing changes. */
export interface Rendered {
  readonly body: string;
  /** the Content-Type, with its charset */
  readonly type: string;
  readonly validUntil: Instant | null;
}

interface Entry extends Omit<Rendered, 'body'> {
  /** bytes, so each response is written without converting text again */
  readonly body: Buffer;
  readonly version: string;
  readonly etag: string;
  /** epoch milliseconds, whole seconds as HTTP dates have */
  readonly lastModified: number;
  /** the same as an HTTP date, made once */
  readonly lastModifiedHeader: string;
}

/**
 * Response bodies kept per key until their version changes (a new revision, say) or the time moves
 * past the moment the content depends on: the hot endpoints and the feeds send bytes from memory,
 * and answer `If-None-Match` and `If-Modified-Since` with 304, as calendar and schedule apps expect.
 *
 * `Last-Modified` is when this process first built the body as it is now: rebuilding the same bytes
 * keeps it, and a new body never gets a date at or before the previous one (HTTP dates count whole
 * seconds, so two changes in one second would otherwise look unchanged to `If-Modified-Since`).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();

  /** at most this many keys are kept; the longest unchanged go first */
  constructor(private readonly capacity = 5000) {}

  get(key: string, version: string, now: Instant, render: () => Rendered): Entry {
    const entry = this.entries.get(key);
    if (entry && entry.version === version && (entry.validUntil === null || now < entry.validUntil))
      return entry;
    const rendered = render();
    const body = Buffer.from(rendered.body);
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
    const second = Math.floor(millis(now) / 1000) * 1000;
    const lastModified =
      entry?.etag === etag ? entry.lastModified : Math.max(second, (entry?.lastModified ?? 0) + 1000);
    const fresh: Entry = {
      ...rendered,
      body,
      version,
      etag,
      lastModified,
      lastModifiedHeader: new Date(lastModified).toUTCString(),
    };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    if (this.entries.size > this.capacity) {
      const [oldest] = this.entries.keys();
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return fresh;
  }

  send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    version: string,
    now: Instant,
    render: () => Rendered,
    cacheControl = 'no-cache',
  ): FastifyReply {
    const entry = this.get(key, version, now, render);
    reply
      .header('etag', entry.etag)
      .header('last-modified', entry.lastModifiedHeader)
      .header('cache-control', cacheControl);
    if (notModified(request, entry)) return reply.status(304).send();
    return reply.type(entry.type).send(entry.body);
  }
}

/**
 * A validator matches: `If-None-Match` when sent (weak comparison, any of a list, or `*`), else
 * `If-Modified-Since` (RFC 9110 §13.2.2: the date is ignored when an entity tag is given).
 */
function notModified(request: FastifyRequest, entry: Entry): boolean {
  const tags = request.headers['if-none-match'];
  if (tags !== undefined) {
    return tags
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === entry.etag);
  }
  const since = request.headers['if-modified-since'];
  if (!since) return false;
  const at = Date.parse(since);
  return !Number.isNaN(at) && entry.lastModified <= at;
}

/** The event's JSON documents (schedule, board), kept in a `ResponseCache` per event and revision. */
export class JsonCache {
  private readonly cache = new ResponseCache();

  constructor(
    private readonly build: (
      state: EventState,
      now: Instant,
    ) => { value: unknown; validUntil: Instant | null },
  ) {}

  send(request: FastifyRequest, reply: FastifyReply, state: EventState, now: Instant): FastifyReply {
    return this.cache.send(request, reply, state.event.id, String(state.revision), now, () =>
      this.render(state, now),
    );
  }

  private render(state: EventState, now: Instant): Rendered {
    const { value, validUntil } = this.build(state, now);
    return { body: JSON.stringify(value), type: 'application/json; charset=utf-8', validUntil };
  }
}
