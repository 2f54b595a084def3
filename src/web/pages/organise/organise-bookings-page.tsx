import type { FastifyPluginAsync } from 'fastify';
import { bookedMinutes } from '../../../core/booking/booked-minutes.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { cellReference } from '../../../core/schedule/cell-reference.ts';
import { describeDuration } from '../../../core/text/describe-time.ts';
import type { WebDeps } from '../../deps.ts';
import { pageUser } from '../page-context.ts';
import { organisersEvent } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { ConsoleFrame } from './console-frame.tsx';

/**
 * `…/organise/bookings`: where organisers book for a team, the rules set aside when they must: each
 * approved team with its booked time and the way to its booking grid (where the override and its
 * reason are asked), and the bookings made so far with the rules set aside, with why.
 */
export function organiseBookingsPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    app.get<{ Params: { event: string } }>(
      '/events/:event/organise/bookings',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        if (!state) return reply;
        return sendPage(
          reply,
          <ConsoleFrame
            event={state.event}
            user={await pageUser(request)}
            section="bookings"
            title="Book for teams"
          >
            <p class="hint">
              A team’s booking grid shows organisers the cells over its limits, before booking opens or after
              they started; tick them, set the rules aside and say why. The reason is kept with each booking.
            </p>
            <TeamsToBookFor state={state} />
            <Overrides state={state} />
          </ConsoleFrame>,
        );
      },
    );
  };
}

function TeamsToBookFor(props: { state: EventState }) {
  const { state } = props;
  const teams = state.teams
    .filter((team) => team.status === 'approved')
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="teams-heading">
      <h2 id="teams-heading">Teams</h2>
      <table class="data-table" id="teams-to-book">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Booked</th>
            <th scope="col">Book</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.id}>
              <th scope="row">{team.name}</th>
              <td>{describeDuration(bookedMinutes(state, team.id).total)}</td>
              <td>
                <a href={`/events/${state.event.slug}/teams/${team.slug}/manage#grid-heading`}>
                  Book for {team.slug}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Overrides(props: { state: EventState }) {
  const { state } = props;
  const overridden = state.bookings.flatMap((booking) => {
    const team = state.teams.find((candidate) => candidate.id === booking.teamId);
    const room = state.rooms.find((candidate) => candidate.id === booking.roomId);
    const slot = state.slots.find((candidate) => candidate.id === booking.slotId);
    return booking.override && team && room && slot
      ? [{ booking, team, cell: cellReference(room, slot) }]
      : [];
  });
  return (
    <section aria-labelledby="overrides-heading">
      <h2 id="overrides-heading">Booked with the rules set aside</h2>
      {overridden.length === 0 ? (
        <p>None of the current bookings set the rules aside.</p>
      ) : (
        <table class="data-table" id="overrides">
          <thead>
            <tr>
              <th scope="col">Cell</th>
              <th scope="col">Team</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {overridden.map(({ booking, team, cell }) => (
              <tr key={booking.id}>
                <th scope="row">
                  <code>{cell}</code>
                </th>
                <td>{team.slug}</td>
                <td>{booking.overrideReason ?? 'no reason was given'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
