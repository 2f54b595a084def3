import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { refusal, unknownEvent } from '../../core/errors.ts';
import { EventParams, errorResponses } from '../api/common.schema.ts';
import { viewerIsOrganizer } from '../api/respond.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { type LiveFeeds, type StreamView, streamViews } from './live-feeds.ts';
import type { StreamLimits } from './stream-limits.ts';

/** A viewer that has this much unsent data is too slow; it is dropped and resynchronises on reconnect. */
const maxBufferedBytes = 1 << 20;

const StreamQuery = Type.Object({
  views: Type.Optional(
    Type.String({
      maxLength: 40,
      description:
        'comma-separated: board, schedule (default both); alerts alone: no data views, only the signed-in viewer’s alerts',
    }),
  ),
  last_event_id: Type.Optional(
    Type.String({ maxLength: 40, description: 'as the Last-Event-ID header, for a first connection' }),
  ),
});

const description = [
  'Server-Sent Events. On connect: `event: snapshot` with `{revision, at, board?, schedule?}` (the same',
  'shapes as GET …/board and …/schedule). Then `event: board` and `event: schedule` messages with',
  '`{revision, at, set, lists}`: `set` replaces fields, `lists.<name>` is `{upsert, remove, order?}`',
  'keyed by `team` (board now, next), `id` (motd, bookings, slots), `slug` (rooms, teams) or',
  '`room`+`slot` (unavailable). Ids are the event revision (`42`), or `42.3` for the third',
  'time-driven change after it (a slot starting, a topic expiring). Reconnect with `Last-Event-ID`',
  'to receive only what was missed, or a new snapshot when that is no longer known. A comment',
  'line is sent every 15 seconds. A signed-in viewer (session cookie or token) also receives',
  '`event: alert` messages meant for them alone: `{kind, event, team, message, url, join}`, without ids.',
].join(' ');

/** When the server is full of streams, a client should come back after this many seconds. */
const fullRetryAfterSeconds = 30;

/**
 * `GET /events/{event}/stream`: the live board and schedule as Server-Sent Events, as many at once
 * as `limits` lets each address and the server hold.
 */
export function streamRoutes(feeds: LiveFeeds, limits: StreamLimits): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/events/:event/stream',
      {
        schema: {
          summary: 'Live updates of the board and the schedule (Server-Sent Events)',
          description,
          tags: ['board'],
          params: EventParams,
          querystring: StreamQuery,
          response: {
            200: Type.String({ description: 'text/event-stream' }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const views = parseViews(request.query.views);
        if (!views) {
          return sendRefusal(
            reply,
            refusal('invalid_input', `"views" lists board, schedule and/or alerts, separated by commas.`),
          );
        }
        const admitted = limits.admit(request.ip);
        if (!admitted.ok) {
          if (admitted.refusal.code === 'unavailable')
            reply.header('retry-after', String(fullRetryAfterSeconds));
          return sendRefusal(reply, admitted.refusal);
        }
        const header = request.headers['last-event-id'];
        const lastEventId =
          (Array.isArray(header) ? header[0] : header) ?? request.query.last_event_id ?? null;
        const identity = await request.identify();
        const userId = identity.ok ? (identity.value?.userId ?? null) : null;
        const socket = request.raw.socket;
        let open = true;
        let started = false;
        // The response is written straight to the socket, delimited by the connection's end (no
        // chunked framing), so each message is one write of bytes shared by every viewer.
        // Headers go out with the first frame, once the event is known to exist.
        const start = () => {
          started = true;
          reply.hijack();
          socket.setNoDelay(true);
          socket.write(streamHead);
        };
        const unsubscribe = await feeds
          .subscribe(
            request.params.event,
            {
              views,
              userId,
              send(frame) {
                if (!open || socket.destroyed) return false;
                if (!started) start();
                socket.write(frame);
                return socket.writableLength < maxBufferedBytes;
              },
              close() {
                open = false;
                socket.destroy();
              },
            },
            lastEventId,
            () => viewerIsOrganizer(request),
          )
          .catch((error: unknown) => {
            admitted.release();
            throw error;
          });
        if (!unsubscribe) {
          admitted.release();
          return sendRefusal(reply, unknownEvent(request.params.event));
        }
        // Nothing missed since Last-Event-ID: open the stream anyway, so the client knows it is live.
        if (!started) start();
        const hangUp = () => {
          open = false;
          admitted.release();
          unsubscribe();
        };
        if (socket.destroyed) hangUp();
        else socket.on('close', hangUp);
        return reply;
      },
    );
  };
}

const streamHead = Buffer.from(
  'HTTP/1.1 200 OK\r\n' +
    'content-type: text/event-stream; charset=utf-8\r\n' +
    'cache-control: no-cache, no-transform\r\n' +
    'connection: close\r\n' +
    'x-accel-buffering: no\r\n' +
    'x-content-type-options: nosniff\r\n\r\n' +
    'retry: 2000\n\n',
);

function parseViews(text: string | undefined): ReadonlySet<StreamView> | null {
  if (text === undefined || text.trim() === '') return new Set(streamViews);
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== 'alerts');
  if (!names.every((name): name is StreamView => (streamViews as readonly string[]).includes(name)))
    return null;
  return new Set(names);
}
