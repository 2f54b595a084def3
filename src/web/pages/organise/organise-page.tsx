import type { FastifyPluginAsync } from 'fastify';
import { confirmedSubscribers, unsubscribeUrl } from '../../../app/newsletter.ts';
import { registrationFiguresOf } from '../../../app/registrations.ts';
import { officialList } from '../../../core/signups/official-list.ts';
import { reviewQueue } from '../../../core/signups/review-queue.ts';
import { subscribersCsv } from '../../../exporters/subscribers-csv.ts';
import type { WebDeps } from '../../deps.ts';
import { ErrorSummary, Notice } from '../components/form-parts.tsx';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, mailingFor, organisersEvent, organizerOrRefuse, pageWho } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { ConsoleFrame } from './console-frame.tsx';
import { EventStatusActions, statusNotices } from './event-status-actions.tsx';
import { mailingPages } from './mailing-pages.tsx';
import { sendCsv } from './send-csv.ts';

/**
 * `/organise`: the organisers' start page (every event, drafts too, and the newsletter: export the
 * confirmed subscribers, and the issues sent, see `mailingPages`); `/events/{event}/organise`: one event's console overview.
 */
export function organisePage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const mailing = mailingFor(deps, app.log);

    const start = async (request: Parameters<typeof pageUser>[0], reply: Parameters<typeof sendPage>[0]) => {
      const subscribers = await confirmedSubscribers(deps.runtime, await pageWho(request));
      const events = await deps.runtime.store.listEvents();
      return sendPage(
        reply,
        <Layout title="Organise" user={await pageUser(request)} {...formAssets()}>
          <h1>Organise</h1>
          <section aria-labelledby="events-heading">
            <h2 id="events-heading">Events</h2>
            <ul>
              {events.map((event) => (
                <li key={event.id}>
                  <a href={`/events/${event.slug}/organise`}>{event.title}</a> ({event.status},{' '}
                  {event.startsOn} to {event.endsOn})
                </li>
              ))}
            </ul>
            <p>
              <a class="button" href="/organise/events/new">
                New event
              </a>{' '}
              from scratch or from an earlier one (also with <code>POST /api/v1/events</code> or{' '}
              <code>convene event create</code>).
            </p>
          </section>
          <p>
            <a href="/organise/import">Import an event</a> from a file made by an event's export.
          </p>
          <section aria-labelledby="people-heading">
            <h2 id="people-heading">People</h2>
            <p>
              <a href="/organise/organisers">Organisers</a>: who may use this console.
            </p>
          </section>
          <section aria-labelledby="newsletter-heading">
            <h2 id="newsletter-heading">Newsletter</h2>
            <p>
              {subscribers.ok ? subscribers.value.length : 0} confirmed subscribers.{' '}
              <a href="/organise/newsletter.csv">Export them (CSV)</a>
            </p>
            <p>
              <a href="/organise/newsletter">Write an issue</a>: preview it, send yourself a test, send it to
              every confirmed subscriber (each copy with its own unsubscribe link) and follow its delivery.
            </p>
          </section>
        </Layout>,
      );
    };

    app.get('/organise', { schema: { hide: true } }, async (request, reply) => {
      if (!(await organizerOrRefuse(request, reply))) return reply;
      return start(request, reply);
    });

    mailingPages(app, deps, '/organise/newsletter', async (request, reply) => {
      if (!(await organizerOrRefuse(request, reply))) return null;
      const user = await pageUser(request);
      return {
        audience: { kind: 'newsletter' },
        base: '/organise/newsletter',
        noun: 'subscriber',
        zone: 'UTC',
        frame: async ({ title, done, refusal, children }) => (
          <Layout title={`${title} · Newsletter`} user={user} {...formAssets()}>
            <h1>{title}</h1>
            <p>
              <a href="/organise">Organise</a> › Newsletter
            </p>
            {done ? <Notice>{done}</Notice> : null}
            <ErrorSummary refusal={refusal} />
            {children}
          </Layout>
        ),
      };
    });

    app.get('/organise/newsletter.csv', { schema: { hide: true } }, async (request, reply) => {
      if (!(await organizerOrRefuse(request, reply))) return reply;
      const subscribers = await confirmedSubscribers(deps.runtime, await pageWho(request));
      if (!subscribers.ok) return sendRefusalPage(reply, request, subscribers.refusal);
      return sendCsv(
        reply,
        'newsletter-subscribers.csv',
        subscribersCsv(subscribers.value, (subscriber) => unsubscribeUrl(mailing, subscriber)),
      );
    });

    app.get<{ Params: { event: string }; Querystring: { done?: string } }>(
      '/events/:event/organise',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        if (!state) return reply;
        const figures = await registrationFiguresOf(deps.runtime, await pageWho(request), state);
        if (!figures.ok) return sendRefusalPage(reply, request, figures.refusal, state.event);
        const queue = reviewQueue(state);
        const base = `/events/${state.event.slug}`;
        return sendPage(
          reply,
          <ConsoleFrame
            event={state.event}
            user={await pageUser(request)}
            section="overview"
            title={`Organise ${state.event.title}`}
            done={statusNotices.get(request.query.done ?? '')}
          >
            <ul>
              <li>
                Status: {state.event.status}; {state.event.startsOn} to {state.event.endsOn},{' '}
                {state.slots.length} slots in {state.rooms.length} rooms.
              </li>
              <li>
                <a href={`${base}/organise/signups`}>{queue.waiting.length} sign-ups waiting for review</a>;{' '}
                {officialList(state).length} teams on the official list.
              </li>
              <li>
                <a href={`${base}/organise/registrations`}>{figures.value.total} registrations</a>,{' '}
                {figures.value.currentCoc} under the current Code of Conduct (version{' '}
                {state.event.codeOfConduct.version}).
              </li>
              <li>
                {state.bookings.length} bookings; {state.motd.length} banners.
              </li>
              <li>
                <a href={`${base}/organise/export.json`}>Download the event (JSON)</a>, to import elsewhere.
              </li>
            </ul>
            <EventStatusActions event={state.event} csrf={reply.csrfToken()} />
          </ConsoleFrame>,
        );
      },
    );
  };
}
