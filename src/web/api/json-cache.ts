import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventState } from '../../core/model/event-state.ts';
import type { Instant } from '../../core/model/instant.ts';

interface Entry {
  readonly revision: number;
  readonly validUntil: Instant | null;
  /** bytes, so each response is written without converting text again */
  readonly body: Buffer;
  readonly etag: string;
}

/**
 * Serialised JSON kept per event until the event changes (a new revision) or the time moves past
 * the moment the content depends on: the hot read endpoints send bytes from memory, and answer
 * `If-None-Match` with 304.
 */
export class JsonCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly build: (
      state: EventState,
      now: Instant,
    ) => { value: unknown; validUntil: Instant | null },
  ) {}

  get(state: EventState, now: Instant): Entry {
    const key = state.event.id;
    const entry = this.entries.get(key);
    if (entry && entry.revision === state.revision && (entry.validUntil === null || now < entry.validUntil))
      return entry;
    const { value, validUntil } = this.build(state, now);
    const body = Buffer.from(JSON.stringify(value));
    const fresh = {
      revision: state.revision,
      validUntil,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
    };
    this.entries.set(key, fresh);
    return fresh;
  }

  send(request: FastifyRequest, reply: FastifyReply, state: EventState, now: Instant): FastifyReply {
    const entry = this.get(state, now);
    reply.header('etag', entry.etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send();
    return reply.type('application/json; charset=utf-8').send(entry.body);
  }
}
