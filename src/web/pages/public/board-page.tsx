import type { FastifyPluginAsync } from 'fastify';
import { roomLinksFor } from '../../../app/room-links.ts';
import { type BoardView, boardView } from '../../../core/board/board-view.ts';
import { isLive } from '../../../core/event/archive.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { Room } from '../../../core/model/room.ts';
import type { Team } from '../../../core/model/team.ts';
import { checkedInCounts } from '../../../core/people/presence.ts';
import { etherpadOf, joinNeedsRegistration, videoOf } from '../../../core/teams/team-links.ts';
import type { WebDeps } from '../../deps.ts';
import { accountFollows } from '../account-follows.ts';
import { type AccountFollows, FollowButton, FollowOffer, LivePage } from '../components/live-page.tsx';
import { TeamBadge } from '../components/team-badge.tsx';
import { IntervalText, TimeText } from '../components/time-text.tsx';
import { TopicText } from '../components/topic-text.tsx';
import { ZoneSwitcher } from '../components/zone-switcher.tsx';
import { Layout } from '../layout.tsx';
import { PageCache } from '../page-cache.ts';
import { eventOrNotFound, pageUser, personZone } from '../page-context.ts';
import { pageWho } from '../people-context.ts';
import { viewerZone } from '../time-zone.ts';
import { teamStylesheetUrl } from './team-colours-stylesheet.ts';

interface BoardProps {
  readonly state: EventState;
  readonly view: BoardView;
  readonly zone: string;
  /** people checked in with each team, by team id */
  readonly here: ReadonlyMap<string, number>;
  /** whether the viewer sees room links the event keeps for registered attendees */
  readonly linkShown: boolean;
  readonly account: AccountFollows | null;
}

/** `GET /events/{event}/board`: what is happening now, what comes next, and the banners; live. */
export function boardPage(deps: WebDeps): FastifyPluginAsync {
  const pages = new PageCache();
  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event/board',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const now = deps.runtime.clock.now();
        const zone = viewerZone(request, reply, state.event.timeZone, await personZone(deps, request));
        const user = await pageUser(request);
        const here = checkedInCounts(await deps.runtime.store.personal.checkInRecords(state.event.id), now);
        const { visible: linkShown } = await roomLinksFor(
          deps.runtime,
          (await pageWho(request)).actor,
          state,
        );
        // Join links depend on the viewer's registration, which is not in the event's state.
        const account = await accountFollows(deps, request, reply, state);
        const variant = `${[...here].map(([team, count]) => `${team}:${count}`).join(',')}|${linkShown}`;
        return pages.send(request, reply, { state, now, zone, user, variant }, () => (
          <Layout
            title="Live board"
            event={state.event}
            active="board"
            user={user}
            scripts={['live.js']}
            stylesheets={[teamStylesheetUrl(state)]}
          >
            <FollowOffer account={account} />
            <div class="page-head">
              <h1>Live board</h1>
              <ZoneSwitcher zone={zone} eventZone={state.event.timeZone} from={now} to={now} />
            </div>
            <LivePage eventSlug={state.event.slug} revision={state.revision} views="board" zone={zone}>
              <Board
                state={state}
                view={boardView(state, now)}
                zone={zone}
                here={here}
                linkShown={linkShown}
                account={account}
              />
            </LivePage>
          </Layout>
        ));
      },
    );
  };
}

function Board({ state, view, zone, here, linkShown, account }: BoardProps) {
  const slug = state.event.slug;
  const current = view.currentSlot;
  return (
    <>
      <section id="banners" data-region aria-label="Announcements">
        {view.motd.map((motd) => (
          <p class={`banner banner--${motd.level}`} id={`banner-${motd.id}`} key={motd.id}>
            <bdi>{motd.message}</bdi>
          </p>
        ))}
      </section>
      <section id="slot-now" data-region class="slot-now" aria-label="Current slot">
        {current ? (
          <p>
            <strong>Now:</strong> <IntervalText start={current.start} end={current.end} zone={zone} withDay />{' '}
            <span class="window">{current.window}</span>
          </p>
        ) : (
          <p>
            <strong>Between slots.</strong>{' '}
            {view.nextSlot ? (
              <>
                Next slot starts <TimeText at={view.nextSlot.start} zone={zone} withDay />.
              </>
            ) : (
              'No more slots in this event.'
            )}
          </p>
        )}
        <p>
          <a
            href={`/events/${slug}/schedule?day=${(current ?? view.nextSlot)?.start.slice(0, 10) ?? ''}#${current ? `slot-${current.code}` : 'grid'}`}
          >
            Jump to now in the schedule
          </a>
        </p>
      </section>
      <section aria-labelledby="now-heading">
        <h2 id="now-heading">Happening now</h2>
        <ul id="now-list" data-region class="cards">
          {view.now.length === 0 && view.quiet.length === 0 ? (
            <li id="now-empty" class="empty">
              No team is meeting now.
            </li>
          ) : null}
          {view.now.map(({ team, topic, rooms, with: others }) => {
            const pad = etherpadOf(state.event, team);
            return (
              <li
                class="card"
                id={`now-${team.slug}`}
                key={team.slug}
                data-team={team.slug}
                data-topic={topic.text}
              >
                <div class="card__head">
                  <TeamBadge eventSlug={slug} team={team} />
                  <JointWith slug={slug} teams={others} />
                  {rooms.length > 0 ? (
                    <span class="card__room">
                      in{' '}
                      {rooms.map((room, index) => (
                        <span key={room.slug}>
                          {index > 0 ? ', ' : ''}
                          <a href={`/events/${slug}/rooms/${room.slug}`}>{room.name}</a>
                        </span>
                      ))}
                    </span>
                  ) : null}
                  <FollowButton slug={team.slug} name={team.name} account={account} />
                </div>
                <p class="card__topic">
                  <TopicText text={topic.text} state={state} />
                </p>
                <p class="card__meta">
                  <span>
                    since <TimeText at={topic.at} zone={zone} />
                  </span>
                  {here.get(team.id) ? (
                    <span class="card__here">
                      {here.get(team.id) === 1
                        ? '1 person checked in'
                        : `${here.get(team.id)} people checked in`}
                    </span>
                  ) : null}
                  <JoinLink state={state} team={team} room={rooms[0]} linkShown={linkShown} />
                  {pad ? (
                    <a href={pad} rel="noopener">
                      Etherpad<span class="visually-hidden"> of {team.name}</span>
                    </a>
                  ) : null}
                </p>
              </li>
            );
          })}
          {view.quiet.map(({ team, room, with: others }) => (
            <li class="card card--quiet" id={`now-${team.slug}`} key={team.slug}>
              <div class="card__head">
                <TeamBadge eventSlug={slug} team={team} />
                <JointWith slug={slug} teams={others} />
                <span class="card__room">
                  in <a href={`/events/${slug}/rooms/${room.slug}`}>{room.name}</a> — no topic posted yet
                </span>
                <FollowButton slug={team.slug} name={team.name} account={account} />
              </div>
              <p class="card__meta">
                <JoinLink state={state} team={team} room={room} linkShown={linkShown} />
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">Coming up next</h2>
        <ul id="next-list" data-region class="next-list">
          {view.next.length === 0 ? (
            <li id="next-empty" class="empty">
              Nothing announced yet.
            </li>
          ) : null}
          {view.next.map(({ team, items }) => (
            <li id={`next-${team.slug}`} key={team.slug}>
              <TeamBadge eventSlug={slug} team={team} />
              <ol>
                {items.map((item, index) => (
                  <li key={index}>
                    <TopicText text={item.text} state={state} />
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** "+ Neutron": the other teams of a joint session, beside the team's badge. */
function JointWith(props: { slug: string; teams: readonly Team[] }) {
  if (props.teams.length === 0) return null;
  return (
    <span class="card__with">
      {props.teams.map((team) => (
        <span key={team.slug}>
          {' + '}
          <a href={`/events/${props.slug}/teams/${team.slug}`}>{team.name}</a>
        </span>
      ))}
    </span>
  );
}

/** Join for whoever may join; for a viewer kept from the room's link, the way to register instead. */
function JoinLink(props: { state: EventState; team: Team; room: Room | undefined; linkShown: boolean }) {
  const { state, team, room, linkShown } = props;
  const join = videoOf(state.event, team, room, linkShown);
  if (join)
    return (
      <a class="button" href={join} rel="noopener">
        Join<span class="visually-hidden"> {team.name}</span>
      </a>
    );
  if (!isLive(state.event) || !joinNeedsRegistration(team, room, linkShown)) return null;
  return (
    <a href={`/events/${encodeURIComponent(state.event.slug)}/register`}>
      Register to join<span class="visually-hidden"> {team.name}</span>
    </a>
  );
}
