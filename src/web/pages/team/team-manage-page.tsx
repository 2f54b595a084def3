import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { rangeOfCells } from '../../../core/booking/book-range.ts';
import type { Refusal } from '../../../core/errors.ts';
import { isLive } from '../../../core/event/archive.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { findTeam } from '../../../core/model/lookup.ts';
import type { Team } from '../../../core/model/team.ts';
import { checkTeamManager } from '../../../core/permissions.ts';
import { teamBlocks } from '../../../core/schedule/blocks.ts';
import { count } from '../../../core/text/count.ts';
import { describeInterval } from '../../../core/text/describe-time.ts';
import type { WebDeps } from '../../deps.ts';
import { assetUrl } from '../../plugins/assets.ts';
import {
  CsrfField,
  ErrorSummary,
  InlineAction,
  Notice,
  Select,
  SubmitButton,
  TextField,
} from '../components/form-parts.tsx';
import { teamStatusLabels } from '../components/labels.ts';
import { ScheduleWishesForm, scheduleWishesOf } from '../components/schedule-wishes-form.tsx';
import { formActions } from '../form-actions.ts';
import type { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { eventOrNotFound, pageUser } from '../page-context.ts';
import { formAssets, formStatus, pageWho, signedInOrRedirect } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { BookingGrid, ReleaseAnyway } from './booking-grid.tsx';
import { bookingGridProps } from './booking-grid-props.ts';
import { TeamPeople, teamPeopleActions, teamPeopleNotices } from './team-people.tsx';
import { TeamSessions, teamSessionActions, teamSessionNotices } from './team-sessions.tsx';

type TeamParams = {
  Params: { event: string; team: string };
  Querystring: { done?: string; day?: string };
};

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<string, string>([
  ['book', 'Booked.'],
  ['book-range', 'Booked the ticked hours.'],
  ['unbook', 'Released.'],
  ['links', 'The links are saved.'],
  ['wishes', 'What the team asks of the draft schedule is saved.'],
  ...teamPeopleNotices,
  ...teamSessionNotices,
]);

/**
 * `…/teams/{team}/manage`: a team's moderators (and organisers) book and release its time and set its
 * links. Every rule is the core's; this page only offers the choices and shows the answer.
 */
export function teamManagePage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const path = '/events/:event/teams/:team/manage';

    app.get<TeamParams>(path, { schema: { hide: true } }, async (request, reply) => {
      const found = await managedTeam(deps, request, reply);
      if (!found) return reply;
      return managePage(deps, request, reply, found.state, found.team, {
        done: done.get(request.query.done ?? ''),
      });
    });

    const write = formActions(app, deps, {
      path,
      load: (request: FastifyRequest<TeamParams>, reply) => managedTeam(deps, request, reply),
      again: (request, reply, { state, team }, view) => managePage(deps, request, reply, state, team, view),
      back: ({ state, team }) => `/events/${state.event.slug}/teams/${team.slug}/manage`,
    });

    write('book', async (form, { state, team }, request) =>
      deps.ops.bookSlot(state.event.slug, await pageWho(request), {
        team: team.slug,
        room: form.text('room'),
        slot: form.text('slot'),
      }),
    );
    write(
      'book-range',
      async (form, { state, team }, request) => {
        const range = rangeOfCells(state, form.list('cell'));
        if (!range.ok) return range;
        const outcome = await deps.ops.bookRange(state.event.slug, await pageWho(request), {
          team: team.slug,
          ...range.value,
          override: form.checked('override'),
          reason: form.text('reason'),
        });
        return { ...outcome, day: form.text('day') };
      },
      (booked) => `&day=${encodeURIComponent(booked.day)}`,
    );
    write('unbook', async (form, { state }, request) =>
      deps.ops.unbookSlot(state.event.slug, await pageWho(request), {
        bookingId: form.text('booking'),
        override: form.checked('override'),
        reason: form.text('reason'),
      }),
    );
    write('wishes', async (form, { state, team }, request) =>
      deps.ops.setScheduleWishes(state.event.slug, await pageWho(request), scheduleWishesOf(form, team)),
    );
    write('links', async (form, { state, team }, request) =>
      deps.ops.updateTeamLinks(state.event.slug, await pageWho(request), {
        team: team.slug,
        etherpadUrl: form.text('etherpad_url').trim() || null,
        videoUrl: form.text('video_url').trim() || null,
        location: form.text('location').trim() || null,
      }),
    );
    teamPeopleActions(deps, write, app.log);
    teamSessionActions(deps, write);
  };
}

/** The team in the path, once the signed-in person may manage it; otherwise the answer is sent. */
async function managedTeam(deps: WebDeps, request: FastifyRequest<TeamParams>, reply: FastifyReply) {
  const state = await eventOrNotFound(deps, request, reply, request.params.event);
  if (!state) return null;
  const actor = await signedInOrRedirect(request, reply);
  if (!actor) return null;
  const team = findTeam(state, request.params.team);
  if (!team) {
    await sendRefusalPage(
      reply,
      request,
      { code: 'unknown_team', message: 'There is no such team.' },
      state.event,
    );
    return null;
  }
  const denied = checkTeamManager(actor, team);
  if (denied) {
    await sendRefusalPage(reply, request, denied, state.event);
    return null;
  }
  return { state, team };
}

async function managePage(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  team: Team,
  view: { refusal?: Refusal; done?: string | undefined; form?: FormBody },
) {
  const now = deps.runtime.clock.now();
  const base = `/events/${state.event.slug}/teams/${team.slug}/manage`;
  const bookings = state.bookings
    .filter((booking) => booking.teamId === team.id)
    .flatMap((booking) => {
      const slot = state.slots.find((candidate) => candidate.id === booking.slotId);
      const room = state.rooms.find((candidate) => candidate.id === booking.roomId);
      return slot && room ? [{ booking, slot, room }] : [];
    })
    .sort((a, b) => (a.slot.start < b.slot.start ? -1 : 1));
  const upcoming = state.slots.filter((slot) => slot.start > now);
  const blocks = teamBlocks(state, team.id, false).length;
  const csrf = reply.csrfToken();
  const grid = await bookingGridProps(deps, request, reply, state, team, view.form);
  const { actor } = await pageWho(request);
  const moderators = await deps.runtime.store.listUsers(team.moderators);
  return sendPage(
    reply,
    <Layout
      title={`Manage ${team.name}`}
      event={state.event}
      active="teams"
      user={await pageUser(request)}
      stylesheets={[...formAssets().stylesheets, assetUrl('booking-grid.css')]}
      scripts={[...formAssets().scripts, 'booking-grid.js']}
    >
      <div class="prose">
        <h1>Manage {team.name}</h1>
        {view.done ? <Notice>{view.done}</Notice> : null}
        <p>
          {team.slug} is {teamStatusLabels[team.status]}. It has {count(bookings.length, 'booked slot')}
          {blocks > 0 ? ` in ${count(blocks, 'meeting')}` : ''}.
        </p>
      </div>
      <ErrorSummary refusal={view.refusal} />
      {isLive(state.event) ? (
        <>
          <BookingGrid {...grid} csrf={csrf} />
          <section aria-labelledby="book-heading">
            <h2 id="book-heading">Book one slot</h2>
            <form method="post" action={`${base}/book`} class="form">
              <CsrfField token={csrf} />
              <Select
                label="Slot"
                name="slot"
                options={upcoming.map((slot) => ({
                  value: slot.code,
                  label: `${describeInterval(slot.start, slot.end)} (${slot.code})`,
                }))}
              />
              <Select
                label="Room"
                name="room"
                options={state.rooms.map((room) => ({ value: room.slug, label: room.name }))}
              />
              <SubmitButton>Book</SubmitButton>
            </form>
          </section>
        </>
      ) : (
        <p>Booking is closed: the event is archived.</p>
      )}
      <section aria-labelledby="booked-heading">
        <h2 id="booked-heading">Booked</h2>
        {bookings.length === 0 ? <p>Nothing booked yet.</p> : null}
        <ul id="bookings">
          {bookings.map(({ booking, slot, room }) => (
            <li key={booking.id}>
              {describeInterval(slot.start, slot.end)} in {room.name}{' '}
              {!isLive(state.event) ? null : slot.start > now ? (
                <InlineAction action={`${base}/unbook`} csrf={csrf} name="booking" value={booking.id}>
                  Release
                </InlineAction>
              ) : grid.mayOverride ? (
                <ReleaseAnyway
                  action={`${base}/unbook`}
                  csrf={csrf}
                  bookingId={booking.id}
                  what={`${describeInterval(slot.start, slot.end)} in ${room.name}`}
                />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <TeamSessions state={state} team={team} now={now} csrf={csrf} base={base} form={view.form} />
      <ScheduleWishesForm state={state} team={team} action={`${base}/wishes`} csrf={csrf} />
      <TeamPeople
        state={state}
        team={team}
        actor={actor}
        moderators={moderators}
        csrf={csrf}
        base={base}
        form={view.form}
      />
      <section aria-labelledby="links-heading">
        <h2 id="links-heading">Links</h2>
        <form method="post" action={`${base}/links`} class="form">
          <CsrfField token={csrf} />
          <TextField
            label="Etherpad"
            name="etherpad_url"
            type="url"
            value={team.etherpadUrl}
            hint="Empty: the event’s pad for the team."
          />
          <TextField
            label="Video link"
            name="video_url"
            type="url"
            value={team.videoUrl}
            hint="Empty: the link of the room the team meets in."
          />
          <TextField label="Location" name="location" value={team.location} maxLength={200} />
          <SubmitButton quiet>Save the links</SubmitButton>
        </form>
      </section>
    </Layout>,
    formStatus(view.refusal),
  );
}
