import { addMotd } from '../core/board/motd.ts';
import { addNext, setNow } from '../core/board/set-topics.ts';
import { bookSlot } from '../core/booking/book-slot.ts';
import type { Change } from '../core/changes.ts';
import type { Decision } from '../core/decision.ts';
import { createEvent } from '../core/event/create-event.ts';
import { saveRoom } from '../core/event/rooms.ts';
import { type Ctx, systemActor } from '../core/model/actor.ts';
import type { EventInfo } from '../core/model/event.ts';
import { blankEventState, type EventState } from '../core/model/event-state.ts';
import { addMinutes, type Instant, isWithin } from '../core/model/instant.ts';
import { slotAt } from '../core/model/lookup.ts';
import type { Slot } from '../core/model/slot.ts';
import type { Team } from '../core/model/team.ts';
import { applyChange } from '../core/projections/apply-change.ts';
import { teamBlocks } from '../core/schedule/blocks.ts';
import { answerInvitation } from '../core/sessions/answer-invitation.ts';
import { editSession } from '../core/sessions/edit-session.ts';
import { inviteTeam } from '../core/sessions/invite-team.ts';
import { recordHeadcount } from '../core/sessions/record-headcount.ts';
import { type Session, sessionsOf } from '../core/sessions/sessions.ts';
import { setSummary } from '../core/sessions/set-summary.ts';
import { createTeam } from '../core/teams/team-admin.ts';
import { etherpadOf } from '../core/teams/team-links.ts';
import { demoEvent, demoRooms, demoRoomUrl, demoTeams, demoTopics, novaPlan } from './oct2022-ptg.ts';
import { pick, seededIds, seededRandom } from './seeded-random.ts';

/** When each step of the story happened, so every rule (phases, "not in the past") holds. */
const timeline = {
  created: '2022-08-29T09:00:00Z',
  crossProjectBooking: '2022-09-13T15:00:00Z',
  teamBooking: '2022-09-26T15:00:00Z',
  lateAdditions: '2022-10-17T05:00:00Z',
} as const;

/**
 * The demo event as one list of changes, made by running the core's own rules in order (create,
 * rooms, sign-ups, Nova's plan, generated bookings, then the board at `now`), so the result obeys
 * every booking rule. The same for a given `now`, ids included: nothing in it is left to chance, to
 * the order of random ids or to the machine.
 */
export function buildDemo(now: Instant): { event: EventInfo; changes: Change[] } {
  const random = seededRandom(20221017);
  const newId = seededIds(20221018);
  let state: EventState | null = null;
  const changes: Change[] = [];
  const apply = (decide: (state: EventState, ctx: Ctx) => Decision, at: Instant): boolean => {
    const ctx: Ctx = { actor: systemActor, now: at, source: 'demo', newId };
    const decision = decide(state as EventState, ctx);
    if (!decision.ok) return false;
    for (const change of decision.changes) {
      state =
        change.type === 'event.saved' && !state
          ? blankEventState(change.event)
          : applyChange(state as EventState, change);
      changes.push(change);
    }
    return true;
  };

  apply((_state, ctx) => createEvent([], demoEvent, ctx), timeline.created);
  for (const room of demoRooms)
    apply((s, ctx) => saveRoom(s, { name: room, url: demoRoomUrl(room) }, ctx), timeline.created);
  for (const team of demoTeams) {
    const at = team.addedLate ? timeline.lateAdditions : timeline.created;
    const input = {
      name: team.name,
      kind: team.kind,
      crossProject: team.crossProject ?? false,
      status: team.approved ? 'approved' : 'requested',
    } as const;
    apply((s, ctx) => createTeam(s, team.slug ? { ...input, slug: team.slug } : input, ctx), at);
  }
  const current = () => state as EventState;

  for (const item of novaPlan) {
    for (let hour = item.from; hour < item.to; hour++) {
      const slot = current().slots.find((candidate) => candidate.start === planHour(item.day, hour));
      if (slot)
        apply(
          (s, ctx) => bookSlot(s, { team: item.team, room: 'bexar', slot: slot.id }, ctx),
          timeline.teamBooking,
        );
    }
  }

  const planned = new Set(novaPlan.map((item) => item.team));
  for (const team of current().teams) {
    if (team.status !== 'approved' || planned.has(team.slug)) continue;
    bookGeneratedWeek(team, current, apply, random);
  }

  addSessionStories(current, now, apply, random);
  setTheBoard(current(), now, apply, random);
  apply(
    (s, ctx) =>
      addMotd(
        s,
        {
          level: 'info',
          message:
            'This is a demonstration copy of the October 2022 PTG: only Nova’s bookings are the published ones; the rest are generated.',
        },
        ctx,
      ),
    timeline.created,
  );
  return { event: current().event, changes };
}

type Apply = (decide: (state: EventState, ctx: Ctx) => Decision, at: Instant) => boolean;

/** Teams that ask others into their sessions in the demo: Nova's plan names Ironic and Neutron. */
const jointPairs = [
  ['nova', 'ironic'],
  ['nova', 'neutron'],
  ['cinder', 'glance'],
  ['manila', 'cinder'],
] as const;

/** The start of an hour of Nova's plan, which gives days and UTC hours. */
function planHour(day: string, hour: number): Instant {
  return `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
}

/** The topic Nova's published plan gives the hour a session of Nova starts in. */
function plannedTopic(session: Session): string | undefined {
  return novaPlan.find((plan) => plan.team === 'nova' && session.start === planHour(plan.day, plan.from))
    ?.topic;
}

/**
 * What people add to sessions: Nova's sessions are titled from its plan; a few hosts invite a
 * team into their first session it is free for, which accepts; sessions that have started by `now`
 * mostly have a head-count; and teams whose week is over link their etherpad as their summary.
 */
function addSessionStories(
  current: () => EventState,
  now: Instant,
  apply: Apply,
  random: () => number,
): void {
  const invitedAt = addMinutes(timeline.teamBooking, 24 * 60);
  for (const [host, guest] of jointPairs) {
    const hostTeam = current().teams.find((team) => team.slug === host);
    const guestName = current().teams.find((team) => team.slug === guest)?.name;
    if (!hostTeam || !guestName) continue;
    // The session whose planned topic names the guest first, so that title and guests agree.
    const named = (session: Session) => Number(plannedTopic(session)?.includes(guestName) ?? false);
    const candidates = sessionsOf(current())
      .filter((candidate) => candidate.hostId === hostTeam.id)
      .sort((a, b) => named(b) - named(a));
    for (const session of candidates) {
      if (!apply((s, ctx) => inviteTeam(s, { session: session.id, guest }, ctx), invitedAt)) continue;
      apply(
        (s, ctx) => answerInvitation(s, { session: session.id, team: guest, accept: true }, ctx),
        invitedAt,
      );
      break;
    }
  }
  const nova = current().teams.find((team) => team.slug === 'nova');
  for (const session of sessionsOf(current()).filter((candidate) => candidate.hostId === nova?.id)) {
    const title = plannedTopic(session);
    if (title) apply((s, ctx) => editSession(s, { session: session.id, title }, ctx), invitedAt);
  }
  const lastEnd = new Map<string, Instant>();
  for (const session of sessionsOf(current())) {
    const end = lastEnd.get(session.hostId);
    if (!end || session.end > end) lastEnd.set(session.hostId, session.end);
    if (session.start > now || random() < 0.25) continue;
    const count = 4 + Math.floor(random() * 36);
    apply(
      (s, ctx) => recordHeadcount(s, { session: session.id, count }, ctx),
      minInstant(addMinutes(session.start, 30), now),
    );
  }
  for (const team of current().teams) {
    const end = lastEnd.get(team.id);
    const pad = etherpadOf(current().event, team);
    if (!end || end > now || !pad) continue;
    apply((s, ctx) => setSummary(s, { team: team.id, summaryUrl: pad }, ctx), end);
  }
}

/**
 * Books a plausible week for one team: a preferred window, a few days, blocks of one to four hours
 * in whichever room is free. Refused attempts are simply skipped, so caps and clashes hold.
 */
function bookGeneratedWeek(team: Team, current: () => EventState, apply: Apply, random: () => number): void {
  const windows = current().event.windows.map((window) => window.name);
  const roll = random();
  const home = roll < 0.6 ? windows[1] : roll < 0.85 ? windows[0] : windows[2];
  const wantedHours = 2 + Math.floor(random() * 9);
  const at =
    team.createdAt > timeline.teamBooking
      ? team.createdAt
      : team.crossProject
        ? timeline.crossProjectBooking
        : timeline.teamBooking;
  const days = [...new Set(current().slots.map((slot) => slot.start.slice(0, 10)))].sort(
    () => random() - 0.5,
  );
  const promised = hoursPromisedToNova(team);
  let booked = 0;
  for (const day of days) {
    if (booked >= wantedHours) break;
    const daySlots = current().slots.filter((slot) => slot.start.startsWith(day) && slot.window === home);
    const length = Math.min(1 + Math.floor(random() * 4), wantedHours - booked, daySlots.length);
    const first = Math.floor(random() * (daySlots.length - length + 1));
    const block = daySlots.slice(first, first + length);
    const room = roomFreeFor(current(), block, random);
    if (!room || block.some((slot) => promised.has(slot.start))) continue;
    for (const slot of block) {
      if (apply((s, ctx) => bookSlot(s, { team: team.id, room, slot: slot.id }, ctx), at)) booked++;
    }
  }
}

/** The hours Nova's plan holds a joint session with this team in, which its own week leaves free. */
function hoursPromisedToNova(team: Team): Set<Instant> {
  const hours = novaPlan
    .filter((item) => item.team === 'nova' && item.topic === `Joint session with ${team.name}`)
    .flatMap((item) =>
      Array.from({ length: item.to - item.from }, (_, hour) => planHour(item.day, item.from + hour)),
    );
  return new Set(hours);
}

function roomFreeFor(state: EventState, block: readonly Slot[], random: () => number): string | null {
  const ids = new Set(block.map((slot) => slot.id));
  const free = state.rooms.filter(
    (room) => !state.bookings.some((booking) => booking.roomId === room.id && ids.has(booking.slotId)),
  );
  return free.length === 0 ? null : pick(random, free).id;
}

/**
 * The board at `now`: every team meeting in the current slot has a topic set a little after its
 * block began, and some list what comes next; teams starting in the next slot list their plans.
 */
function setTheBoard(state: EventState, now: Instant, apply: Apply, random: () => number): void {
  const current = slotAt(state, now);
  const upcoming = state.slots.find((slot) => slot.start > now);
  for (const team of state.teams) {
    const plan = novaPlan.find(
      (item) =>
        item.team === team.slug &&
        current &&
        current.start.startsWith(item.day) &&
        Number(current.start.slice(11, 13)) >= item.from &&
        Number(current.start.slice(11, 13)) < item.to,
    );
    const block = teamBlocks(state, team.id, false).find((candidate) => isWithin(candidate, now));
    if (block) {
      const setAt = minInstant(addMinutes(block.start, 5), now);
      apply(
        (s, ctx) => setNow(s, { team: team.id, text: plan?.topic ?? pick(random, demoTopics) }, ctx),
        setAt,
      );
      if (random() < 0.5)
        apply((s, ctx) => addNext(s, { team: team.id, text: pick(random, demoTopics) }, ctx), setAt);
      continue;
    }
    const startsNext =
      upcoming &&
      state.bookings.some((booking) => booking.teamId === team.id && booking.slotId === upcoming.id);
    if (startsNext) {
      const setAt = minInstant(addMinutes(upcoming.start, -30), now);
      apply((s, ctx) => addNext(s, { team: team.id, text: pick(random, demoTopics) }, ctx), setAt);
    }
  }
}

function minInstant(a: Instant, b: Instant): Instant {
  return a < b ? a : b;
}
