import type { FastifyPluginAsync } from 'fastify';
import { roomLinksFor } from '../../../app/room-links.ts';
import { checkAttendee } from '../../../core/people/register-attendee.ts';
import type { WebDeps } from '../../deps.ts';
import { Notice } from '../components/form-parts.tsx';
import { Layout } from '../layout.tsx';
import { eventOrNotFound, pageUser } from '../page-context.ts';
import { formAssets, pageWho } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<string, string>([
  ['registered', 'You are registered. Welcome!'],
  ['accepted', 'Thank you for accepting the Code of Conduct.'],
]);

/**
 * `…/join`: the event's rooms and their video links. When the event keeps room links for
 * attendees, only people registered under the current Code of Conduct (and organisers) see them;
 * everyone else is told how to get them.
 */
export function joinPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    app.get<{ Params: { event: string }; Querystring: { done?: string } }>(
      '/events/:event/join',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const { actor } = await pageWho(request);
        const { visible, registration } = await roomLinksFor(deps.runtime, actor, state);
        const blocked = visible ? null : checkAttendee(state.event, registration);
        const base = `/events/${encodeURIComponent(state.event.slug)}`;
        const message = done.get(request.query.done ?? '');
        return sendPage(
          reply,
          <Layout title="Where to join" event={state.event} user={await pageUser(request)} {...formAssets()}>
            <div class="prose">
              <h1>Where to join</h1>
              {message ? <Notice>{message}</Notice> : null}
              {blocked ? (
                <div class="panel" id="room-links-locked">
                  <p>{blocked.message}</p>
                  <p>
                    <a class="button" href={`${base}/register`}>
                      {blocked.code === 'coc_required' ? 'Read and accept it' : 'Register (free)'}
                    </a>
                  </p>
                </div>
              ) : (
                <p>
                  Each team meets in one of these rooms; the live board shows which team is where right now.
                </p>
              )}
            </div>
            <table class="data-table" id="rooms">
              <thead>
                <tr>
                  <th scope="col">Room</th>
                  <th scope="col">Video link</th>
                  <th scope="col">About</th>
                </tr>
              </thead>
              <tbody>
                {state.rooms.map((room) => (
                  <tr key={room.id}>
                    <th scope="row">{room.name}</th>
                    <td>
                      {!room.url ? (
                        'none'
                      ) : visible ? (
                        <a href={room.url} rel="noopener">
                          {room.url}
                        </a>
                      ) : (
                        'for registered attendees'
                      )}
                    </td>
                    <td>{room.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Layout>,
        );
      },
    );
  };
}
