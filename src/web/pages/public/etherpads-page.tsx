import type { FastifyPluginAsync } from 'fastify';
import { officialList } from '../../../core/signups/official-list.ts';
import { etherpadOf } from '../../../core/teams/team-links.ts';
import type { WebDeps } from '../../deps.ts';
import { TeamBadge } from '../components/team-badge.tsx';
import { Layout } from '../layout.tsx';
import { eventOrNotFound, pageUser } from '../page-context.ts';
import { sendPage } from '../render.ts';
import { teamStylesheetUrl } from './team-colours-stylesheet.ts';

/** `GET /events/{event}/etherpads`: every team's etherpad, where its agenda and notes live. */
export function etherpadsPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event/etherpads',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const teams = officialList(state);
        return sendPage(
          reply,
          <Layout
            title="Etherpads"
            event={state.event}
            active="etherpads"
            user={await pageUser(request)}
            stylesheets={[teamStylesheetUrl(state)]}
          >
            <h1>Etherpads</h1>
            <p class="lede">
              Each team keeps its agenda and notes in an etherpad. Add your topics before the team meets.
            </p>
            <div class="table-wrap">
              <table class="grid">
                <thead>
                  <tr>
                    <th scope="col">Team</th>
                    <th scope="col">Etherpad</th>
                  </tr>
                </thead>
                <tbody>
                  {teams.map((team) => {
                    const pad = etherpadOf(state.event, team);
                    return (
                      <tr key={team.id}>
                        <th scope="row">
                          <TeamBadge eventSlug={state.event.slug} team={team} />
                        </th>
                        <td>{pad ? <a href={pad}>{pad}</a> : 'none yet'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Layout>,
        );
      },
    );
  };
}
