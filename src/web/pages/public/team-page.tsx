import type { FastifyPluginAsync } from 'fastify';
import { sameTeamEarlier } from '../../../app/editions.ts';
import { boardView } from '../../../core/board/board-view.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { Instant } from '../../../core/model/instant.ts';
import { findTeam } from '../../../core/model/lookup.ts';
import { isLiveTeam, type Team } from '../../../core/model/team.ts';
import { canManageTeam } from '../../../core/permissions.ts';
import { cellReference } from '../../../core/schedule/cell-reference.ts';
import { type TeamMeeting, teamMeetings, whereTeamMeets } from '../../../core/schedule/where-team-meets.ts';
import { sessionOfBooking } from '../../../core/sessions/sessions.ts';
import { etherpadOf, videoOf } from '../../../core/teams/team-links.ts';
import type { WebDeps } from '../../deps.ts';
import { accountFollows } from '../account-follows.ts';
import { CsrfField, Notice } from '../components/form-parts.tsx';
import { teamKindLabels } from '../components/labels.ts';
import { FollowButton, FollowOffer, LivePage } from '../components/live-page.tsx';
import { TeamBadge } from '../components/team-badge.tsx';
import { IntervalText, TimeText } from '../components/time-text.tsx';
import { TopicText } from '../components/topic-text.tsx';
import { ZoneSwitcher } from '../components/zone-switcher.tsx';
import { Layout } from '../layout.tsx';
import { sendNotFound } from '../not-found-page.tsx';
import { PageCache } from '../page-cache.ts';
import { eventOrNotFound, pageUser, personZone } from '../page-context.ts';
import { periodShown, viewerZone } from '../time-zone.ts';
import { CommandButton } from './command-box.tsx';
import { teamStylesheetUrl } from './team-colours-stylesheet.ts';

/** `GET /events/{event}/teams/{team}`: the team's week, what it discusses now and next, and its links. */
export function teamPage(deps: WebDeps): FastifyPluginAsync {
  const pages = new PageCache();
  return async (app) => {
    app.get<{ Params: { event: string; team: string }; Querystring: { done?: string } }>(
      '/events/:event/teams/:team',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const user = await pageUser(request);
        const identity = await request.identify();
        const viewer = identity.ok ? identity.value : null;
        const team = findTeam(state, request.params.team);
        if (!team || !isLiveTeam(team))
          return sendNotFound(
            reply,
            user,
            `There is no team “${request.params.team.slice(0, 60)}” here.`,
            state.event,
          );
        const now = deps.runtime.clock.now();
        const zone = viewerZone(request, reply, state.event.timeZone, await personZone(deps, request));
        const base = `/events/${encodeURIComponent(state.event.slug)}`;
        const pad = etherpadOf(state.event, team);
        const account = await accountFollows(deps, request, reply, state);
        const notice = request.query.done === 'alert' ? `You will hear about topics of ${team.name}.` : null;
        return pages.send(request, reply, { state, now, zone, user }, async () => {
          const moderators = await deps.runtime.store.listUsers(team.moderators);
          const earlier = await sameTeamEarlier(deps.runtime, state, team);
          const nicks = moderators
            .flatMap((moderator) => (moderator.ircNick ? [moderator.ircNick] : []))
            .sort();
          return (
            <Layout
              title={team.name}
              event={state.event}
              active="teams"
              user={user}
              scripts={['live.js']}
              stylesheets={[teamStylesheetUrl(state)]}
            >
              <div class="page-head">
                <h1>
                  <TeamBadge eventSlug={state.event.slug} team={team} link={false} />
                </h1>
                <ZoneSwitcher
                  zone={zone}
                  eventZone={state.event.timeZone}
                  {...periodShown(state.slots, now)}
                />
              </div>
              <p class="lede">
                {teamKindLabels[team.kind]}
                {team.crossProject ? ', cross-project' : ''}
                {team.status === 'requested' ? ' · not yet on the official list' : ''}
                {' · '}
                <FollowButton slug={team.slug} name={team.name} account={account} />
                {account ? (
                  <>
                    {' '}
                    <form method="post" action={`${base}/teams/${team.slug}/alert`} class="inline-form">
                      <CsrfField token={account.csrf} />
                      <button type="submit" class="button button--quiet">
                        Alert me about {team.name}’s topics
                      </button>
                    </form>
                  </>
                ) : null}
              </p>
              <FollowOffer account={account} />
              {notice ? <Notice>{notice}</Notice> : null}
              {viewer && canManageTeam(viewer, team) ? (
                <p>
                  <a class="button" href={`${base}/teams/${team.slug}/manage`}>
                    Manage {team.name}
                  </a>{' '}
                  <span class="hint">Book its time, name its sessions and set its links.</span>
                </p>
              ) : null}
              {user && team.status === 'approved' ? (
                <CommandButton
                  eventSlug={state.event.slug}
                  text={`in #${team.slug}`}
                  label={`I am with ${team.name}: check in`}
                  back={`${base}/teams/${team.slug}`}
                  csrf={reply.csrfToken()}
                />
              ) : null}
              <LivePage
                eventSlug={state.event.slug}
                revision={state.revision}
                views="board,schedule"
                zone={zone}
              >
                <TeamNow state={state} team={team} now={now} zone={zone} />
                <section aria-labelledby="links" class="panel">
                  <h2 id="links">Links</h2>
                  <ul class="link-list">
                    <li>Etherpad: {pad ? <a href={pad}>{pad}</a> : 'none yet'}</li>
                    {team.videoUrl ? (
                      <li>
                        Video room: <a href={team.videoUrl}>{team.videoUrl}</a>
                      </li>
                    ) : null}
                    {team.location ? <li>Where: {team.location}</li> : null}
                    {nicks.length > 0 ? (
                      <li>
                        Moderators on IRC:{' '}
                        {nicks.map((nick) => (
                          <code key={nick}>{nick}</code>
                        ))}
                        {state.event.chat ? <> in {state.event.chat}</> : null}
                      </li>
                    ) : null}
                    <li>
                      <a href={`${base}/teams/${team.slug}/calendar.ics`}>Subscribe to the team’s calendar</a>{' '}
                      (iCal)
                    </li>
                    {earlier.length > 0 ? (
                      <li id="earlier-editions">
                        At earlier events:{' '}
                        {earlier.map((edition, index) => (
                          <span key={edition.event.id}>
                            {index > 0 ? ', ' : ''}
                            <a href={`/events/${edition.event.slug}/teams/${edition.team.slug}`}>
                              {edition.team.name} at {edition.event.title}
                            </a>
                          </span>
                        ))}
                      </li>
                    ) : null}
                  </ul>
                </section>
                <TeamWeek state={state} team={team} now={now} zone={zone} />
              </LivePage>
            </Layout>
          );
        });
      },
    );
  };
}

function TeamNow(props: { state: EventState; team: Team; now: Instant; zone: string }) {
  const { state, team, now, zone } = props;
  const view = boardView(state, now);
  const current = view.now.find((entry) => entry.team.id === team.id);
  const next = view.next.find((entry) => entry.team.id === team.id);
  const meets = whereTeamMeets(state, team.id, now);
  const block = meets.now;
  const room = block ? state.rooms.find((candidate) => candidate.id === block.roomId) : undefined;
  const join = block ? videoOf(state.event, team, room) : null;
  const later = meets.next;
  const laterRoom = later ? state.rooms.find((candidate) => candidate.id === later.roomId) : undefined;
  return (
    <section id="team-now" data-region aria-labelledby="now-heading" class="panel">
      <h2 id="now-heading">Now</h2>
      {current ? (
        <p class="card__topic" data-team={team.slug} data-topic={current.topic.text} id="team-topic">
          <TopicText text={current.topic.text} state={state} />{' '}
          <span class="hint">
            (since <TimeText at={current.topic.at} zone={zone} />)
          </span>
        </p>
      ) : (
        <p id="team-topic">Nothing posted.</p>
      )}
      <p>
        {block ? (
          <>
            Meeting until <TimeText at={block.end} zone={zone} />
            {room ? (
              <>
                {' '}
                in <a href={`/events/${state.event.slug}/rooms/${room.slug}`}>{room.name}</a>
              </>
            ) : null}
            <SessionNote state={state} team={team} meeting={block} />.{' '}
            {join ? (
              <a class="button" href={join}>
                Join
              </a>
            ) : null}
          </>
        ) : (
          'Not meeting now.'
        )}
      </p>
      <p id="team-next-meeting">
        {later ? (
          <>
            Next meeting: <IntervalText start={later.start} end={later.end} zone={zone} withDay />
            {laterRoom ? (
              <>
                {' '}
                in <a href={`/events/${state.event.slug}/rooms/${laterRoom.slug}`}>{laterRoom.name}</a>
              </>
            ) : null}
            .
          </>
        ) : (
          'No further meeting booked.'
        )}
      </p>
      <h3>Coming up next</h3>
      {next ? (
        <ol>
          {next.items.map((item, index) => (
            <li key={index}>
              <TopicText text={item.text} state={state} />
            </li>
          ))}
        </ol>
      ) : (
        <p>Nothing announced.</p>
      )}
    </section>
  );
}

function TeamWeek(props: { state: EventState; team: Team; now: Instant; zone: string }) {
  const { state, team, now, zone } = props;
  const blocks = teamMeetings(state, team.id);
  const current = whereTeamMeets(state, team.id, now).now;
  const rooms = new Map(state.rooms.map((room) => [room.id, room]));
  const slots = new Map(state.slots.map((slot) => [slot.id, slot]));
  return (
    <section id="team-week" data-region aria-labelledby="week-heading">
      <h2 id="week-heading">The week</h2>
      {blocks.length === 0 ? (
        <p>No time booked yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Room</th>
                <th scope="col">Session</th>
                <th scope="col">Cells</th>
              </tr>
            </thead>
            <tbody>
              {blocks.map((block) => {
                const room = block.roomId ? rooms.get(block.roomId) : undefined;
                const live = block.bookings[0]?.id === current?.bookings[0]?.id;
                return (
                  <tr
                    key={block.bookings[0]?.id}
                    id={`block-${block.bookings[0]?.id}`}
                    class={live ? 'is-now' : block.end <= now ? 'is-past' : undefined}
                  >
                    <th scope="row">
                      <IntervalText start={block.start} end={block.end} zone={zone} withDay />
                      {live ? <span class="now-label">Now</span> : null}
                    </th>
                    <td>
                      {room ? (
                        <a href={`/events/${state.event.slug}/rooms/${room.slug}`}>{room.name}</a>
                      ) : null}
                    </td>
                    <td>
                      <SessionNote state={state} team={team} meeting={block} />
                    </td>
                    <td>
                      {block.bookings.map((booking) => {
                        const slot = slots.get(booking.slotId);
                        return room && slot ? (
                          <code key={booking.id} class="cell__ref">
                            {cellReference(room, slot)}
                          </code>
                        ) : null;
                      })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A meeting's title, and for a joint session the other teams in it (" with Nova + Neutron"). */
function SessionNote(props: { state: EventState; team: Team; meeting: TeamMeeting }) {
  const { state, team, meeting } = props;
  const first = meeting.bookings[0];
  const title = first ? sessionOfBooking(state, first)?.record?.title : undefined;
  const others = meeting.teams
    .filter((id) => id !== team.id)
    .flatMap((id) => state.teams.find((candidate) => candidate.id === id) ?? []);
  return (
    <>
      {title ? <span class="session-title"> “{title}”</span> : null}
      {others.length > 0 ? (
        <span class="session-with">
          {' '}
          with{' '}
          {others.map((other, index) => (
            <span key={other.slug}>
              {index > 0 ? ' + ' : ''}
              <a href={`/events/${state.event.slug}/teams/${other.slug}`}>{other.name}</a>
            </span>
          ))}
        </span>
      ) : null}
    </>
  );
}
