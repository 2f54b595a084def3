import type { FastifyPluginAsync } from 'fastify';
import { isLiveTeam } from '../../../core/model/team.ts';
import type { WebDeps } from '../../deps.ts';
import { teamKindLabels, teamStatusLabels } from '../components/labels.ts';
import { pageUser } from '../page-context.ts';
import { organisersEvent } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { ConsoleFrame } from './console-frame.tsx';

/**
 * `…/organise/teams`: every team on the list or waiting for review, with its moderators and a link
 * to its manage page, where organisers add or remove moderators, rename it, change its kind and
 * cross-project flag, or withdraw it.
 */
export function organiseTeamsPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    app.get<{ Params: { event: string } }>(
      '/events/:event/organise/teams',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        if (!state) return reply;
        const teams = state.teams
          .filter(isLiveTeam)
          .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
        const people = new Map(
          (await deps.runtime.store.listUsers([...new Set(teams.flatMap((team) => team.moderators))])).map(
            (user) => [user.id, user],
          ),
        );
        return sendPage(
          reply,
          <ConsoleFrame event={state.event} user={await pageUser(request)} section="teams" title="Teams">
            <table class="data-table" id="teams">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Moderators</th>
                </tr>
              </thead>
              <tbody>
                {teams.map((team) => (
                  <tr key={team.id}>
                    <th scope="row">
                      <a href={`/events/${state.event.slug}/teams/${team.slug}/manage`}>{team.name}</a>
                    </th>
                    <td>
                      {teamKindLabels[team.kind]}
                      {team.crossProject ? ', cross-project' : ''}
                    </td>
                    <td>{teamStatusLabels[team.status]}</td>
                    <td>
                      {team.moderators
                        .map((id) => people.get(id)?.email)
                        .filter(Boolean)
                        .join(', ') || 'nobody yet'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ConsoleFrame>,
        );
      },
    );
  };
}
