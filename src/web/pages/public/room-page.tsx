import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { roomLinksFor } from '../../../app/room-links.ts';
import { boardView } from '../../../core/board/board-view.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { Instant } from '../../../core/model/instant.ts';
import { findRoom } from '../../../core/model/lookup.ts';
import type { Room } from '../../../core/model/room.ts';
import { whoMeetsIn } from '../../../core/schedule/where-team-meets.ts';
import type { WebDeps } from '../../deps.ts';
import { LivePage } from '../components/live-page.tsx';
import { TeamBadge } from '../components/team-badge.tsx';
import { IntervalText } from '../components/time-text.tsx';
import { TopicText } from '../components/topic-text.tsx';
import { Layout } from '../layout.tsx';
import { sendNotFound } from '../not-found-page.tsx';
import { PageCache } from '../page-cache.ts';
import { eventOrNotFound, pageUser, personZone } from '../page-context.ts';
import { pageWho } from '../people-context.ts';
import { dayIn, viewerZone } from '../time-zone.ts';
import { teamStylesheetUrl } from './team-colours-stylesheet.ts';

type RoomRequest = FastifyRequest<{ Params: { event: string; room: string } }>;

/**
 * `GET /events/{event}/rooms/{room}`: who is in the room now and next, and its day; `…/display` is
 * the same, full screen and large, for a screen beside a physical room.
 */
export function roomPage(deps: WebDeps): FastifyPluginAsync {
  const pages = new PageCache();
  const send = async (request: RoomRequest, reply: FastifyReply, display: boolean) => {
    const state = await eventOrNotFound(deps, request, reply, request.params.event);
    if (!state) return reply;
    const user = await pageUser(request);
    const room = findRoom(state, request.params.room);
    if (!room)
      return sendNotFound(
        reply,
        user,
        `There is no room “${request.params.room.slice(0, 60)}” here.`,
        state.event,
      );
    const now = deps.runtime.clock.now();
    const zone = viewerZone(request, reply, state.event.timeZone, await personZone(deps, request));
    const base = `/events/${encodeURIComponent(state.event.slug)}/rooms/${room.slug}`;
    const { actor } = await pageWho(request);
    const { visible: linkShown } = await roomLinksFor(deps.runtime, actor, state);
    // Whether the link shows depends on the viewer's registration, which is not in the event's state.
    return pages.send(request, reply, { state, now, zone, user, variant: linkShown ? 'link' : '' }, () => (
      <Layout
        title={room.name}
        event={state.event}
        user={user}
        scripts={['live.js']}
        stylesheets={[teamStylesheetUrl(state)]}
        variant={display ? 'display' : undefined}
      >
        <div class="page-head">
          <h1>{room.name}</h1>
          <p>
            {display ? (
              <a href={base}>Leave full screen</a>
            ) : (
              <a href={`${base}/display`}>Full-screen display</a>
            )}
          </p>
        </div>
        {display ? null : (
          <>
            {room.description ? <p class="lede">{room.description}</p> : null}
            <p>
              {room.url && linkShown ? (
                <>
                  Video room: <a href={room.url}>{room.url}</a>
                </>
              ) : room.url ? (
                <>
                  Video room: for registered attendees (
                  <a href={`/events/${encodeURIComponent(state.event.slug)}/join`}>where to join</a>)
                </>
              ) : null}
              {room.capacity ? <> · {room.capacity} seats</> : null}
            </p>
            <p>
              <a href={`${base}/calendar.ics`}>Subscribe to the room’s calendar</a> (iCal)
            </p>
          </>
        )}
        <LivePage eventSlug={state.event.slug} revision={state.revision} views="board,schedule" zone={zone}>
          <RoomNow state={state} room={room} now={now} zone={zone} />
          <RoomDay state={state} room={room} now={now} zone={zone} />
        </LivePage>
      </Layout>
    ));
  };
  return async (app) => {
    const options = { schema: { hide: true } };
    app.get('/events/:event/rooms/:room', options, (request, reply) =>
      send(request as RoomRequest, reply, false),
    );
    app.get('/events/:event/rooms/:room/display', options, (request, reply) =>
      send(request as RoomRequest, reply, true),
    );
  };
}

/** The room's bookings in time order, each with its slot and team. */
function roomBookings(state: EventState, room: Room) {
  const slots = new Map(state.slots.map((slot) => [slot.id, slot]));
  const teams = new Map(state.teams.map((team) => [team.id, team]));
  return state.bookings
    .filter((booking) => booking.roomId === room.id)
    .flatMap((booking) => {
      const slot = slots.get(booking.slotId);
      const team = teams.get(booking.teamId);
      return slot && team ? [{ booking, slot, team }] : [];
    })
    .sort((a, b) => a.slot.start.localeCompare(b.slot.start));
}

function RoomNow(props: { state: EventState; room: Room; now: Instant; zone: string }) {
  const { state, room, now, zone } = props;
  const teams = new Map(state.teams.map((team) => [team.id, team]));
  const meets = whoMeetsIn(state, room.id, now);
  const current = meets.now && { ...meets.now, team: teams.get(meets.now.teamId) };
  const next = meets.next && { ...meets.next, team: teams.get(meets.next.teamId) };
  const topic = current
    ? boardView(state, now).now.find((entry) => entry.team.id === current.teamId)
    : undefined;
  return (
    <section id="room-now" data-region class="room-now" aria-label="Now and next">
      <div class="room-now__item">
        <h2>Now</h2>
        {current?.team ? (
          <>
            <p class="room-now__team">
              <TeamBadge eventSlug={state.event.slug} team={current.team} />
            </p>
            {topic ? (
              <p class="card__topic" data-team={current.team.slug} data-topic={topic.topic.text}>
                <TopicText text={topic.topic.text} state={state} />
              </p>
            ) : null}
            <p class="hint">
              <IntervalText start={current.start} end={current.end} zone={zone} />
            </p>
          </>
        ) : (
          <p>The room is free.</p>
        )}
      </div>
      <div class="room-now__item">
        <h2>Next</h2>
        {next?.team ? (
          <>
            <p class="room-now__team">
              <TeamBadge eventSlug={state.event.slug} team={next.team} />
            </p>
            <p class="hint">
              <IntervalText start={next.start} end={next.end} zone={zone} withDay />
            </p>
          </>
        ) : (
          <p>Nothing else is booked here.</p>
        )}
      </div>
    </section>
  );
}

function RoomDay(props: { state: EventState; room: Room; now: Instant; zone: string }) {
  const { state, room, now, zone } = props;
  const today = now.slice(0, 10);
  const day = state.slots.some((slot) => slot.start.startsWith(today)) ? today : state.event.startsOn;
  const bookings = roomBookings(state, room).filter(({ slot }) => slot.start.startsWith(day));
  const current = new Set(whoMeetsIn(state, room.id, now).now?.bookings.map((booking) => booking.id));
  return (
    <section id="room-day" data-region aria-labelledby="day-heading">
      <h2 id="day-heading">{dayIn(`${day}T12:00:00Z`, 'UTC')} in this room</h2>
      {bookings.length === 0 ? (
        <p>Nothing booked that day.</p>
      ) : (
        <ul class="room-day">
          {bookings.map(({ booking, slot, team }) => (
            <li
              key={booking.id}
              id={`room-${booking.id}`}
              class={current.has(booking.id) ? 'is-now' : undefined}
            >
              <span class="room-day__time">
                <IntervalText start={slot.start} end={slot.end} zone={zone} />
              </span>
              <TeamBadge eventSlug={state.event.slug} team={team} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
