import type { FastifyPluginAsync } from 'fastify';
import { feedbackIsOpen } from '../../../app/feedback.ts';
import { isLive } from '../../../core/event/archive.ts';
import type { EventInfo } from '../../../core/model/event.ts';
import type { WebDeps } from '../../deps.ts';
import { MarkdownBlock } from '../components/markdown-block.tsx';
import { TeamList } from '../components/team-list.tsx';
import { Layout } from '../layout.tsx';
import { eventOrNotFound, pageUser } from '../page-context.ts';
import { sendPage } from '../render.ts';
import { describeDates } from './event-days.ts';
import { teamStylesheetUrl } from './team-colours-stylesheet.ts';

const modeNames: Record<EventInfo['mode'], string> = {
  virtual: 'Online',
  'in-person': 'In person',
  hybrid: 'In person and online',
};

/**
 * `GET /events/{event}`: what the event is, who it is for, the Code of Conduct, the FAQ, the official
 * team list and the ways in. The text is the organisers' Markdown, stored with the event.
 */
export function eventHomePage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const { event } = state;
        const base = `/events/${encodeURIComponent(event.slug)}`;
        const { content, codeOfConduct } = event;
        return sendPage(
          reply,
          <Layout
            title="About"
            event={event}
            active="home"
            user={await pageUser(request)}
            stylesheets={[teamStylesheetUrl(state)]}
          >
            <div class="hero">
              <h1>{event.title}</h1>
              <p class="lede">
                {describeDates(event.startsOn, event.endsOn)} · {modeNames[event.mode]}
              </p>
              <p class="actions">
                {isLive(event) ? (
                  <>
                    <a class="button" href={`${base}/register`}>
                      Register to attend
                    </a>
                    <a class="button button--quiet" href={`${base}/signup`}>
                      Sign up a team
                    </a>
                  </>
                ) : null}
                {(await feedbackIsOpen(deps.runtime, state)) ? (
                  <a class="button" href={`${base}/feedback`}>
                    Tell the organisers how it went
                  </a>
                ) : null}
                <a href={`${base}/board`}>See what is happening now</a>
                <a href={`${base}/calendar.ics`}>Add every meeting to your calendar</a>
              </p>
            </div>
            <div class="columns">
              <div>
                <section aria-labelledby="about">
                  <h2 id="about">What the event is for</h2>
                  <MarkdownBlock class="prose" source={content.about} />
                </section>
                <section aria-labelledby="audience">
                  <h2 id="audience">Who should attend</h2>
                  <MarkdownBlock class="prose" source={content.audience} />
                </section>
                <section aria-labelledby="not-for">
                  <h2 id="not-for">Who it is not for</h2>
                  <MarkdownBlock class="prose" source={content.notFor} />
                </section>
                <section aria-labelledby="why">
                  <h2 id="why">Why organisations send people</h2>
                  <MarkdownBlock class="prose" source={content.why} />
                </section>
                <section aria-labelledby="coc">
                  <h2 id="coc">Code of Conduct</h2>
                  <MarkdownBlock class="prose" source={codeOfConduct.text} />
                  <p>
                    Registering means accepting the Code of Conduct (version {codeOfConduct.version})
                    {codeOfConduct.url ? (
                      <>
                        : <a href={codeOfConduct.url}>read it in full</a>
                      </>
                    ) : null}
                    .
                  </p>
                </section>
                <section aria-labelledby="faq">
                  <h2 id="faq">Questions</h2>
                  <MarkdownBlock class="prose" source={content.faq} />
                </section>
                {Object.keys(state.summaries).length > 0 ? (
                  <section aria-labelledby="summaries">
                    <h2 id="summaries">Teams’ summaries</h2>
                    <ul>
                      {state.teams
                        .filter((team) => state.summaries[team.id])
                        .sort((a, b) => a.name.localeCompare(b.name, 'en'))
                        .map((team) => (
                          <li key={team.id}>
                            <a href={state.summaries[team.id]?.summaryUrl} rel="noopener">
                              {team.name}
                            </a>
                          </li>
                        ))}
                    </ul>
                    <p>
                      <a href={`${base}/report`}>The event in figures</a>
                    </p>
                  </section>
                ) : null}
                <section aria-labelledby="contact">
                  <h2 id="contact">Contact</h2>
                  <p>
                    Write to <a href={`mailto:${event.contact}`}>{event.contact}</a>
                    {event.chat ? <>, or find the organisers in {event.chat}</> : null}.
                  </p>
                </section>
              </div>
              <aside class="panel" aria-labelledby="teams">
                <h2 id="teams">Teams taking part</h2>
                <TeamList state={state} level={3} />
              </aside>
            </div>
          </Layout>,
        );
      },
    );
  };
}
