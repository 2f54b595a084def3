import type { FastifyPluginAsync } from 'fastify';
import { OfficialListClock } from '../../app/official-list-clock.ts';
import { canManageTeam } from '../../core/permissions.ts';
import { officialList } from '../../core/signups/official-list.ts';
import { etherpadOf } from '../../core/teams/team-links.ts';
import type { WebDeps } from '../deps.ts';
import { teamKindLabels } from './components/labels.ts';
import { TeamBadge } from './components/team-badge.tsx';
import { TimeText } from './components/time-text.tsx';
import { Layout } from './layout.tsx';
import { eventOrNotFound, pageUser } from './page-context.ts';
import { formStylesheets, pageWho } from './people-context.ts';
import { pageErrorHandler } from './refusal-page.tsx';
import { sendPage } from './render.ts';
import { teamStylesheetUrl } from './team-colours-stylesheet.ts';
import { viewerZone } from './time-zone.ts';

/**
 * `…/teams`: the official team list (approved teams, by name) with when it last changed, so nobody
 * works from a stale copy; moderators find the page to manage their teams from here.
 */
export function teamListPage(deps: WebDeps): FastifyPluginAsync {
  const clock = new OfficialListClock(deps.runtime);
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    app.get<{ Params: { event: string } }>(
      '/events/:event/teams',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const { actor } = await pageWho(request);
        const teams = officialList(state);
        const changedAt = await clock.changedAt(state);
        const zone = viewerZone(request, reply, state.event.timeZone);
        const base = `/events/${encodeURIComponent(state.event.slug)}`;
        return sendPage(
          reply,
          <Layout
            title="Teams"
            event={state.event}
            active="teams"
            user={await pageUser(request)}
            stylesheets={[teamStylesheetUrl(state), ...formStylesheets()]}
          >
            <div class="page-head">
              <h1>Official team list</h1>
              <p>
                <a href={`${base}/signup`}>Sign a team up</a>
              </p>
            </div>
            <p class="hint" id="list-changed">
              {teams.length} team{teams.length === 1 ? '' : 's'}.{' '}
              {changedAt ? (
                <>
                  Last changed <TimeText at={changedAt} zone={zone} withDay />.
                </>
              ) : (
                'No team has been approved yet.'
              )}
            </p>
            <table class="data-table" id="official-list">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Etherpad</th>
                </tr>
              </thead>
              <tbody>
                {teams.map((team) => {
                  const pad = etherpadOf(state.event, team);
                  return (
                    <tr key={team.id} data-team={team.slug}>
                      <th scope="row">
                        <TeamBadge eventSlug={state.event.slug} team={team} />
                        {canManageTeam(actor, team) ? (
                          <>
                            {' '}
                            <a href={`${base}/teams/${team.slug}/manage`}>Manage</a>
                          </>
                        ) : null}
                      </th>
                      <td>
                        {teamKindLabels[team.kind]}
                        {team.crossProject ? ', cross-project' : ''}
                      </td>
                      <td>{pad ? <a href={pad}>{pad}</a> : 'none'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Layout>,
        );
      },
    );
  };
}
