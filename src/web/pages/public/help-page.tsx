import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { runChatCommand } from '../../../app/chat-commands.ts';
import { type CommandEntry, commandEntries } from '../../../core/chat-language/grammar.ts';
import { maxCommandLength } from '../../../core/chat-language/parse.ts';
import { isLive } from '../../../core/event/archive.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { WebDeps } from '../../deps.ts';
import { httpStatusOf } from '../../http-status.ts';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { eventOrNotFound, pageUser } from '../page-context.ts';
import { formLimit, pageWho } from '../people-context.ts';
import { sendPage } from '../render.ts';
import { backLink, CommandBox, type CommandResult } from './command-box.tsx';

const groups: { scope: CommandEntry['scope']; title: string }[] = [
  { scope: 'team', title: 'For a team: #TEAM …' },
  { scope: 'personal', title: 'For yourself: + …' },
  { scope: 'organiser', title: 'For organisers: ~ …' },
];

type HelpRequest = FastifyRequest<{ Params: { event: string }; Body: unknown }>;

/**
 * `GET /events/{event}/help`: every chat command with what it does, who may use it and an example,
 * from the grammar table, and the command box. `POST` runs the box's line exactly as the IRC bot
 * and `POST /api/v1/events/{event}/commands` do (source `web`, whoever the request identifies as),
 * and shows the reply; the status is the refusal's when the command was refused. Posts are
 * rate-limited like every form.
 */
export function helpPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event/help',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        return state ? render(request, reply, state, null) : reply;
      },
    );
    const route = { schema: { hide: true }, config: formLimit(deps) };
    app.post('/events/:event/help', route, async (request: HelpRequest, reply) => {
      const state = await eventOrNotFound(deps, request, reply, request.params.event);
      if (!state) return reply;
      const slug = state.event.slug;
      const form = new FormBody(request.body);
      const text = form.text('text');
      const back = backLink(slug, form.text('back'));
      if (text.length > maxCommandLength) {
        const result = {
          text: '',
          reply: `A command has at most ${maxCommandLength} characters.`,
          ok: false,
          back,
        };
        return render(request, reply, state, result, 400);
      }
      const answer = await runChatCommand(deps.runtime, {
        event: slug,
        text,
        who: await pageWho(request),
        bare: 'personal',
      });
      const result: CommandResult = answer.handled
        ? { text, reply: answer.reply, ok: answer.ok, back }
        : { text, reply: 'That is not a command.', ok: false, back };
      const status = answer.handled && !answer.ok && answer.code ? httpStatusOf[answer.code] : 200;
      return render(request, reply, (await deps.runtime.models.get(slug)) ?? state, result, status);
    });
  };
}

async function render(
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  result: CommandResult | null,
  status = 200,
): Promise<FastifyReply> {
  const { event } = state;
  const user = await pageUser(request);
  const entries = commandEntries();
  return sendPage(
    reply,
    <Layout title="Chat commands" event={event} active="help" user={user}>
      <div class="prose">
        <h1>Chat commands</h1>
        <p class="lede">
          Teams run their day from {event.chat || 'the event’s chat channel'}: type a command as a message in
          the channel, or in the box below. Scripts can send the same commands to{' '}
          <code>POST /api/v1/events/{event.slug}/commands</code>.
        </p>
        <p>
          Room and slot references (<code>ROOM-SLOT</code>) are on the{' '}
          <a href={`/events/${event.slug}/schedule`}>schedule</a>; a team’s short name is the one after{' '}
          <code>#</code> on its <a href={`/events/${event.slug}/teams`}>page</a>.
        </p>
      </div>
      {isLive(event) ? (
        <CommandBox
          eventSlug={event.slug}
          result={result}
          signedIn={user !== null}
          csrf={reply.csrfToken()}
        />
      ) : null}
      {groups.map((group) => (
        <section key={group.scope} aria-labelledby={`help-${group.scope}`}>
          <h2 id={`help-${group.scope}`}>{group.title}</h2>
          <dl class="commands">
            {entries
              .filter((entry) => entry.scope === group.scope)
              .map((entry) => (
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
      ))}
    </Layout>,
    { status },
  );
}
