import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../deps.ts';
import { TeamList } from './components/team-list.tsx';
import { Layout } from './layout.tsx';
import { eventOrNotFound, pageUser } from './page-context.ts';
import { sendPage } from './render.ts';
import { teamStylesheetUrl } from './team-colours-stylesheet.ts';

/** `GET /events/{event}/teams`: the official team list, grouped by kind. */
export function teamsPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event/teams',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        return sendPage(
          reply,
          <Layout
            title="Teams"
            event={state.event}
            active="teams"
            user={await pageUser(request)}
            stylesheets={[teamStylesheetUrl(state)]}
          >
            <h1>Teams</h1>
            <p class="lede">
              The teams meeting at {state.event.title}. Each links to its week, topics and links.
            </p>
            <TeamList state={state} level={2} />
          </Layout>,
        );
      },
    );
  };
}
