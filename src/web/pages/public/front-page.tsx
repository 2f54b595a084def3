import type { FastifyPluginAsync } from 'fastify';
import { currentEventSlug } from '../../../app/current-event.ts';
import type { WebDeps } from '../../deps.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { sendPage } from '../render.ts';

/** `/`: sends people on to the current event, or says that none is published yet. */
export function frontPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const slug = await currentEventSlug(deps.runtime);
      if (slug) return reply.redirect(`/events/${encodeURIComponent(slug)}`, 302);
      return sendPage(
        reply,
        <Layout title="Convene" user={await pageUser(request)}>
          <div class="prose">
            <h1>No event is published yet</h1>
            <p>
              Organisers create an event with the JSON API or the <code>convene</code> command; it shows here
              once it is published.
            </p>
          </div>
        </Layout>,
      );
    });
  };
}
