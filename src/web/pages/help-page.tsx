import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../deps.ts';
import { type ChatHelpEntry, chatHelp } from './chat-help.ts';
import { Layout } from './layout.tsx';
import { eventOrNotFound, pageUser } from './page-context.ts';
import { sendPage } from './render.ts';

const groups: { scope: ChatHelpEntry['scope']; title: string }[] = [
  { scope: 'team', title: 'For a team: #TEAM …' },
  { scope: 'personal', title: 'For yourself: + …' },
  { scope: 'organiser', title: 'For organisers: ~ …' },
];

/** `GET /events/{event}/help`: every chat command with what it does, who may use it and an example. */
export function helpPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event/help',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const { event } = state;
        return sendPage(
          reply,
          <Layout title="Chat commands" event={event} active="help" user={await pageUser(request)}>
            <div class="prose">
              <h1>Chat commands</h1>
              <p class="lede">
                Teams run their day from {event.chat || 'the event’s chat channel'}: type a command as a
                message in the channel. Scripts can send the same commands to{' '}
                <code>POST /api/v1/events/{event.slug}/commands</code>.
              </p>
              <p>
                Room and slot references (<code>ROOM-SLOT</code>) are on the{' '}
                <a href={`/events/${event.slug}/schedule`}>schedule</a>; a team’s short name is the one after{' '}
                <code>#</code> on its <a href={`/events/${event.slug}/teams`}>page</a>.
              </p>
            </div>
            {groups.map((group) => {
              const entries = chatHelp.filter((entry) => entry.scope === group.scope);
              if (entries.length === 0) return null;
              return (
                <section key={group.scope} aria-labelledby={`help-${group.scope}`}>
                  <h2 id={`help-${group.scope}`}>{group.title}</h2>
                  <dl class="commands">
                    {entries.map((entry) => (
                      <div key={`${entry.scope} ${entry.name}`} class="commands__entry">
                        <dt>
                          <code>{entry.usage}</code>
                          {entry.aliases.length > 0 ? (
                            <span class="hint"> (also {entry.aliases.join(', ')})</span>
                          ) : null}
                        </dt>
                        <dd>
                          {entry.help} For {entry.who}.{entry.confirm ? ' Asks you to confirm first.' : ''}
                          <br />
                          Example: <code>{entry.example}</code>
                        </dd>
                      </div>
                    ))}
                  </dl>
                </section>
              );
            })}
          </Layout>,
        );
      },
    );
  };
}
