import type { FastifyPluginAsync } from 'fastify';
import type { EventState } from '../../core/model/event-state.ts';
import type { Instant } from '../../core/model/instant.ts';
import type { WebDeps } from '../deps.ts';
import { chatHelp } from './chat-help.ts';
import { exampleCell } from './example-cell.ts';
import { Layout } from './layout.tsx';
import { eventOrNotFound, pageUser } from './page-context.ts';
import { sendPage } from './render.ts';

/** `GET /events/{event}/help`: the chat commands, with examples from this event. */
export function helpPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event/help',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const sample = sampleOf(state, deps.runtime.clock.now());
        const groups = [
          { who: 'moderators', title: 'For team moderators' },
          { who: 'organisers', title: 'For organisers' },
        ] as const;
        return sendPage(
          reply,
          <Layout title="Chat commands" event={state.event} active="help" user={await pageUser(request)}>
            <div class="prose">
              <h1>Chat commands</h1>
              <p class="lede">
                Moderators run their team’s day from {state.event.chat || 'the event’s chat channel'}: type a
                command as a message in the channel. The same commands work through the JSON API (
                <code>POST /api/v1/events/{state.event.slug}/commands</code> with{' '}
                <code>{'{"text": "…"}'}</code>).
              </p>
              <p>
                Anyone may read; only a team’s moderators and the organisers may change a team. Room and slot
                references are on the <a href={`/events/${state.event.slug}/schedule`}>schedule</a>.
              </p>
            </div>
            {groups.map((group) => (
              <section key={group.who} aria-labelledby={`help-${group.who}`}>
                <h2 id={`help-${group.who}`}>{group.title}</h2>
                <dl class="commands">
                  {chatHelp
                    .filter((entry) => entry.who === group.who)
                    .map((entry) => (
                      <div key={entry.usage} class="commands__entry">
                        <dt>
                          <code>{entry.usage}</code>
                        </dt>
                        <dd>
                          {entry.help}
                          <br />
                          Example: <code>{entry.example(sample)}</code>
                        </dd>
                      </div>
                    ))}
                </dl>
              </section>
            ))}
          </Layout>,
        );
      },
    );
  };
}

/** A real team and a free cell still ahead, so every example can be typed as it is. */
function sampleOf(state: EventState, now: Instant): { team: string; cell: string } {
  const team = state.teams.find((candidate) => candidate.status === 'approved')?.slug ?? 'team';
  return { team, cell: exampleCell(state, now) };
}
