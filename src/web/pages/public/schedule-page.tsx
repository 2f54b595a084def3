import type { FastifyPluginAsync } from 'fastify';
import type { EventState } from '../../../core/model/event-state.ts';
import type { Instant } from '../../../core/model/instant.ts';
import type { Slot } from '../../../core/model/slot.ts';
import { cellReference } from '../../../core/schedule/cell-reference.ts';
import type { WebDeps } from '../../deps.ts';
import { DayTabs, RoomsHead, WindowRow } from '../components/grid-parts.tsx';
import { LivePage } from '../components/live-page.tsx';
import { TeamBadge } from '../components/team-badge.tsx';
import { IntervalText } from '../components/time-text.tsx';
import { ZoneSwitcher } from '../components/zone-switcher.tsx';
import { Layout } from '../layout.tsx';
import { PageCache } from '../page-cache.ts';
import { eventOrNotFound, pageUser, personZone } from '../page-context.ts';
import { dateIn, dayIn, offsetsIn, periodShown, viewerZone } from '../time-zone.ts';
import { eventDays } from './event-days.ts';
import { exampleCell } from './example-cell.ts';
import { teamStylesheetUrl } from './team-colours-stylesheet.ts';

/**
 * `GET /events/{event}/schedule?day=YYYY-MM-DD`: one day of the grid, rooms across and slots down,
 * each free cell with the reference a moderator types to book it; live.
 */
export function schedulePage(deps: WebDeps): FastifyPluginAsync {
  const pages = new PageCache();
  return async (app) => {
    app.get<{ Params: { event: string }; Querystring: { day?: string } }>(
      '/events/:event/schedule',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const now = deps.runtime.clock.now();
        const zone = viewerZone(request, reply, state.event.timeZone, await personZone(deps, request));
        const days = eventDays(state, now);
        const day = days.find((candidate) => candidate.day === request.query.day) ??
          days.find((candidate) => candidate.today) ??
          days[0] ?? { day: state.event.startsOn, today: false };
        const slug = state.event.slug;
        const user = await pageUser(request);
        const shown = periodShown(
          state.slots.filter((slot) => slot.start.slice(0, 10) === day.day),
          `${day.day}T12:00:00Z`,
        );
        return pages.send(request, reply, { state, now, zone, user }, () => (
          <Layout
            title="Schedule"
            event={state.event}
            active="schedule"
            user={user}
            scripts={['live.js']}
            stylesheets={[teamStylesheetUrl(state)]}
          >
            <div class="page-head">
              <h1>Schedule</h1>
              <ZoneSwitcher zone={zone} eventZone={state.event.timeZone} {...shown} keep={{ day: day.day }} />
            </div>
            <DayTabs
              label="Days of the event"
              days={days}
              current={day.day}
              href={(candidate) => `/events/${slug}/schedule?day=${candidate}`}
            />
            <p class="hint" id="zone-hint" data-region>
              {zone === 'UTC'
                ? 'Times in UTC.'
                : `Times in ${zone.replaceAll('_', ' ')} (${offsetsIn(shown.from, shown.to, zone)}) with UTC beside them.`}{' '}
              <HowToBook state={state} bot={deps.chatBot ?? null} now={now} />
            </p>
            <LivePage eventSlug={slug} revision={state.revision} views="schedule,board" zone={zone}>
              <ScheduleGrid state={state} day={day.day} now={now} zone={zone} />
            </LivePage>
          </Layout>
        ));
      },
    );
  };
}

function ScheduleGrid(props: { state: EventState; day: string; now: Instant; zone: string }) {
  const { state, now, zone } = props;
  const slug = state.event.slug;
  const slots = state.slots.filter((slot) => slot.start.slice(0, 10) === props.day);
  const windows = [...new Set(slots.map((slot) => slot.window))];
  const bookings = new Map(state.bookings.map((booking) => [`${booking.roomId} ${booking.slotId}`, booking]));
  const closed = new Set(state.unavailable.map((cell) => `${cell.roomId} ${cell.slotId}`));
  const teams = new Map(state.teams.map((team) => [team.id, team]));
  const current = slots.find((slot) => slot.start <= now && now < slot.end);
  return (
    <div id="schedule" data-region>
      {current ? (
        <p>
          <a href={`#slot-${current.code}`} class="button button--quiet">
            Jump to now
          </a>
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="grid" id="grid">
          <caption class="visually-hidden">
            Rooms across, slots down, for {dayIn(`${props.day}T12:00:00Z`, 'UTC')}
          </caption>
          <RoomsHead state={state} linked />
          {windows.map((window) => (
            <tbody key={window}>
              <WindowRow window={window} rooms={state.rooms.length} />
              {slots
                .filter((slot) => slot.window === window)
                .map((slot) => (
                  <tr
                    id={`slot-${slot.code}`}
                    key={slot.id}
                    class={slot === current ? 'is-now' : slot.end <= now ? 'is-past' : undefined}
                    aria-current={slot === current ? 'time' : undefined}
                  >
                    <th scope="row">
                      <IntervalText
                        start={slot.start}
                        end={slot.end}
                        zone={zone}
                        withDay={dateIn(slot.start, zone) !== props.day}
                      />
                      {slot === current ? <span class="now-label">Now</span> : null}
                    </th>
                    {state.rooms.map((room) => {
                      const key = `${room.id} ${slot.id}`;
                      const booking = bookings.get(key);
                      const team = booking ? teams.get(booking.teamId) : undefined;
                      const id = `cell-${cellReference(room, slot)}`;
                      if (team)
                        return (
                          <td class="cell cell--booked" id={id} key={room.id}>
                            <TeamBadge eventSlug={slug} team={team} />
                          </td>
                        );
                      if (closed.has(key))
                        return (
                          <td class="cell cell--closed" id={id} key={room.id}>
                            Closed
                          </td>
                        );
                      return (
                        <FreeCell
                          id={id}
                          key={room.id}
                          reference={cellReference(room, slot)}
                          slot={slot}
                          now={now}
                        />
                      );
                    })}
                  </tr>
                ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}

function FreeCell(props: { id: string; reference: string; slot: Slot; now: Instant }) {
  if (props.slot.start <= props.now)
    return (
      <td class="cell cell--unused" id={props.id}>
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">Not booked</span>
      </td>
    );
  return (
    <td class="cell cell--free" id={props.id}>
      <span class="cell__free">Free</span> <code class="cell__ref">{props.reference}</code>
    </td>
  );
}

/**
 * How a moderator books: on the web first (the team's manage page), and in chat only when a bot
 * serves this event, naming its channel.
 */
function HowToBook(props: { state: EventState; bot: WebDeps['chatBot'] | null; now: Instant }) {
  const { state, bot } = props;
  const served = bot && (bot.event === null || bot.event === state.event.slug);
  return (
    <>
      Team moderators book on their team’s manage page: “Manage” on the team’s page, or from their account
      page; tick free hours on the grid and book them in one step.
      {served ? (
        <>
          {' '}
          In {bot.channel}, they can also type <code>#team book</code> and the cell’s reference, for example{' '}
          <code>
            #{exampleTeam(state)} book {exampleCell(state, props.now)}
          </code>
          .
        </>
      ) : null}
    </>
  );
}

function exampleTeam(state: EventState): string {
  return state.teams.find((team) => team.status === 'approved')?.slug ?? 'team';
}
