import type { FastifyReply } from 'fastify';
import type { EventInfo } from '../../core/model/event.ts';
import { Layout, type PageUser } from './layout.tsx';
import { sendPage } from './render.ts';

/** Sends a 404 page that says what was not found and where to go instead. */
export function sendNotFound(
  reply: FastifyReply,
  user: PageUser | null,
  message: string,
  event?: Pick<EventInfo, 'slug' | 'title'>,
): FastifyReply {
  return sendPage(
    reply,
    <Layout title="Not found" event={event ?? null} user={user}>
      <div class="prose">
        <h1>Not found</h1>
        <p>{message}</p>
        <p>
          <a href={event ? `/events/${encodeURIComponent(event.slug)}` : '/'}>
            {event ? `Back to ${event.title}` : 'Go to the front page'}
          </a>
        </p>
      </div>
    </Layout>,
    { status: 404 },
  );
}
