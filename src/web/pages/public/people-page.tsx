import type { FastifyPluginAsync } from 'fastify';
import { findPeople } from '../../../app/find-people.ts';
import type { WebDeps } from '../../deps.ts';
import { TimeText } from '../components/time-text.tsx';
import { Layout } from '../layout.tsx';
import { eventOrNotFound, pageUser } from '../page-context.ts';
import { pageWho } from '../people-context.ts';
import { sendPage } from '../render.ts';
import { viewerZone } from '../time-zone.ts';

/**
 * `GET /events/{event}/people`: who has checked in where today, among the people who agreed to be
 * listed, for signed-in visitors only (the rule is the core's `peopleHere`). Anonymous visitors see
 * how to check in and how to be found, never a name.
 */
export function peoplePage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event/people',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const { event } = state;
        const { actor } = await pageWho(request);
        const found = await findPeople(deps.runtime, event.slug, actor);
        const zone = viewerZone(request, reply, event.timeZone);
        const base = `/events/${encodeURIComponent(event.slug)}`;
        return sendPage(
          reply,
          <Layout title="Find people" event={event} active="people" user={await pageUser(request)}>
            <div class="prose">
              <h1>Find people</h1>
              <p class="lede">
                Who has checked in with a team or somewhere else today. Only people who agreed to be listed
                appear, and only people signed in can see them.
              </p>
              <p>
                Check in with <code>+in #team</code> or <code>+in the hallway</code> in{' '}
                {event.chat || 'the chat channel'}, in the <a href={`${base}/help`}>command box</a>, or with
                the button on a team’s page; <code>+out</code> checks out. Check-ins end with the UTC day.
              </p>
            </div>
            {!found.ok ? (
              <p class="panel">{found.refusal.message}</p>
            ) : found.value.length === 0 ? (
              <p class="panel">Nobody who agreed to be listed has checked in today.</p>
            ) : (
              <div class="table-wrap">
                <table class="grid">
                  <thead>
                    <tr>
                      <th scope="col">Who</th>
                      <th scope="col">Where</th>
                      <th scope="col">Since</th>
                    </tr>
                  </thead>
                  <tbody>
                    {found.value.map((person) => (
                      <tr key={`${person.name} ${person.nick ?? ''}`}>
                        <th scope="row">
                          {person.name}
                          {person.nick ? <span class="hint"> ({person.nick} on IRC)</span> : null}
                        </th>
                        <td>
                          {person.teamSlug ? (
                            <a href={`${base}/teams/${person.teamSlug}`}>{person.where}</a>
                          ) : (
                            person.where
                          )}
                        </td>
                        <td>
                          <TimeText at={person.since} zone={zone} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Layout>,
        );
      },
    );
  };
}
