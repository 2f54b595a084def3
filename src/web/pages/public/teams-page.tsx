import type { FastifyPluginAsync } from 'fastify';
import { OfficialListClock } from '../../../app/official-list-clock.ts';
import { isLive } from '../../../core/event/archive.ts';
import { canManageTeam } from '../../../core/permissions.ts';
import { officialList } from '../../../core/signups/official-list.ts';
import type { WebDeps } from '../../deps.ts';
import { TeamList } from '../components/team-list.tsx';
import { TimeText } from '../components/time-text.tsx';
import { Layout } from '../layout.tsx';
import { eventOrNotFound, pageUser, personZone } from '../page-context.ts';
import { pageWho } from '../people-context.ts';
import { sendPage } from '../render.ts';
import { viewerZone } from '../time-zone.ts';
import { teamStylesheetUrl } from './team-colours-stylesheet.ts';

/** `GET /events/{event}/teams`: the official team list, grouped by kind. */
export function teamsPage(deps: WebDeps): FastifyPluginAsync {
  const listClock = new OfficialListClock(deps.runtime);
  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event/teams',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const changedAt = await listClock.changedAt(state);
        const { actor } = await pageWho(request);
        const managed = officialList(state).filter((team) => actor && canManageTeam(actor, team));
        const zone = viewerZone(request, reply, state.event.timeZone, await personZone(deps, request));
        const base = `/events/${encodeURIComponent(state.event.slug)}`;
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
            <p class="hint" id="list-changed">
              {changedAt ? (
                <>
                  The official list last changed <TimeText at={changedAt} zone={zone} withDay />.{' '}
                </>
              ) : null}
              {isLive(state.event) ? <a href={`${base}/signup`}>Sign a team up</a> : null}
            </p>
            {managed.length > 0 ? (
              <p>
                Teams you manage:{' '}
                {managed.map((team, index) => (
                  <span key={team.id}>
                    {index > 0 ? ', ' : ''}
                    <a href={`${base}/teams/${team.slug}/manage`}>{team.name}</a>
                  </span>
                ))}
              </p>
            ) : null}
            <TeamList state={state} level={2} />
          </Layout>,
        );
      },
    );
  };
}
