import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { boardView } from '../../core/board/board-view.ts';
import type { EventState } from '../../core/model/event-state.ts';
import { addMinutes, type Instant, utcDay } from '../../core/model/instant.ts';
import { compress, type Encoding, encodingFor } from '../plugins/compression.ts';
import type { PageUser } from './layout.tsx';
import { renderDocument, sendHtml } from './render.ts';

/** A rendered page and the compressed forms asked for so far, each made once. */
interface CachedPage {
  readonly html: string;
  readonly encoded: Map<Encoding, Buffer>;
}

interface Validity {
  readonly from: Instant;
  readonly until: Instant | null;
}

/**
 * Rendered live pages for anonymous viewers, kept while nothing they show can have changed: the
 * same address and zone, the same revision of the event, and a clock still before the board's next change by
 * itself (a slot starting or ending, a topic or banner expiring) and before midnight UTC. When a change reaches a few
 * hundred open pages at once, each refresh is then sent from memory instead of rendered and compressed again.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly validity = new WeakMap<EventState, Validity>();

  constructor(private readonly limit = 300) {}

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    context: {
      state: EventState;
      now: Instant;
      zone: string;
      user: PageUser | null;
      /** anything else the page shows differently for this viewer (such as room links for attendees) */
      variant?: string;
    },
    page: () => VNode | Promise<VNode>,
  ): Promise<FastifyReply> {
    const { state, now, zone, user } = context;
    // A signed-in page carries what is that person's alone (their form tokens, links kept for
    // attendees): it is rendered for them every time, which takes a millisecond or two.
    if (user) return sendHtml(reply, renderDocument(await page()));
    const key = [
      request.url,
      zone,
      context.variant ?? '',
      state.event.id,
      state.revision,
      this.validFrom(state, now),
    ].join('\n');
    let cached = this.pages.get(key);
    if (cached === undefined) {
      cached = { html: renderDocument(await page()), encoded: new Map() };
      this.pages.set(key, cached);
      if (this.pages.size > this.limit) this.pages.delete(this.pages.keys().next().value as string);
    }
    const encoding = encodingFor(request.headers['accept-encoding'], cached.html);
    if (encoding === 'identity') return sendHtml(reply, cached.html);
    let body = cached.encoded.get(encoding);
    if (!body) {
      body = compress(cached.html, encoding);
      cached.encoded.set(encoding, body);
    }
    reply.header('vary', 'accept-encoding').header('content-encoding', encoding);
    return sendHtml(reply, body);
  }

  /** When the board, as time moves, last changed by itself: the same for every `now` until the next change. */
  private validFrom(state: EventState, now: Instant): Instant {
    const known = this.validity.get(state);
    if (known && known.from <= now && (known.until === null || now < known.until)) return known.from;
    // The day matters too: "today" on the schedule and the room's day turn at midnight UTC.
    const midnight = addMinutes(`${utcDay(now)}T00:00:00Z`, 24 * 60);
    const changes = boardView(state, now).validUntil;
    const fresh = { from: now, until: changes !== null && changes < midnight ? changes : midnight };
    this.validity.set(state, fresh);
    return fresh.from;
  }
}
