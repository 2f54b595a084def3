import type { FastifyPluginAsync } from 'fastify';
import { comingEvents, currentEvent, pastEvents } from '../../../core/event/current-event.ts';
import type { EventInfo } from '../../../core/model/event.ts';
import type { WebDeps } from '../../deps.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { sendPage } from '../render.ts';
import { describeDates } from './event-days.ts';

/**
 * `/`: sends people on to the current event (running, else the next published one); with none,
 * lists the past events. `/events`: every event the public may see, coming and past.
 */
export function frontPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    const listed = async () => {
      const events = await deps.runtime.store.listEvents();
      const now = deps.runtime.clock.now();
      return {
        current: currentEvent(events, now),
        coming: comingEvents(events, now),
        past: pastEvents(events, now),
      };
    };

    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const { current, past } = await listed();
      if (current) return reply.redirect(`/events/${encodeURIComponent(current.slug)}`, 302);
      return sendPage(
        reply,
        <Layout title="Convene" user={await pageUser(request)}>
          <div class="prose">
            <h1>No event is coming up yet</h1>
            <p>
              The next event shows here once organisers publish it. Organisers start one with{' '}
              <a href="/organise">New event in the console</a> (or the JSON API and the <code>convene</code>{' '}
              command).
            </p>
          </div>
          <EventList heading="Past events" events={past} />
        </Layout>,
      );
    });

    app.get('/events', { schema: { hide: true } }, async (request, reply) => {
      const { coming, past } = await listed();
      return sendPage(
        reply,
        <Layout title="Events" user={await pageUser(request)}>
          <h1>Events</h1>
          <EventList heading="Coming up" events={coming} />
          <EventList heading="Past events" events={past} />
          {coming.length + past.length === 0 ? <p>No event is published yet.</p> : null}
        </Layout>,
      );
    });
  };
}

function EventList(props: { heading: string; events: readonly EventInfo[] }) {
  if (props.events.length === 0) return null;
  const id = props.heading.toLowerCase().replaceAll(' ', '-');
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{props.heading}</h2>
      <ul>
        {props.events.map((event) => (
          <li key={event.id}>
            <a href={`/events/${encodeURIComponent(event.slug)}`}>{event.title}</a>,{' '}
            {describeDates(event.startsOn, event.endsOn)}
          </li>
        ))}
      </ul>
    </section>
  );
}
