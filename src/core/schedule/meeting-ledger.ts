import type { Change, ChangeType } from '../changes.ts';
import { blankEventState, type EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import type { Room } from '../model/room.ts';
import type { Team } from '../model/team.ts';
import { applyRevision } from '../projections/apply-change.ts';
import type { Revision } from '../revision.ts';
import { etherpadOf, videoOf } from '../teams/team-links.ts';
import { type TeamMeeting, teamMeetings } from './where-team-meets.ts';

/**
 * A team's back-to-back bookings in one room, as calendars and schedule apps publish it, with what
 * those apps need to recognise it each time the feed is published again.
 */
export interface Meeting {
  /** the id of the block's earliest-made booking: the meeting keeps it while that booking stands */
  readonly key: string;
  /** 1, 2, … in the order meetings were first published; never reused (frab's numeric id) */
  readonly number: number;
  /** 0 when first published, one more each time what is published changes (iCalendar `SEQUENCE`) */
  readonly sequence: number;
  /** when the meeting was first published */
  readonly createdAt: Instant;
  /** when what is published about it last changed (iCalendar `DTSTAMP` and `LAST-MODIFIED`) */
  readonly changedAt: Instant;
  readonly team: Team;
  /** teams that joined this (joint) session, in the order they were invited; the host is `team` */
  readonly guests: readonly Team[];
  readonly room: Room;
  readonly start: Instant;
  readonly end: Instant;
  /** the session's title, null while it has none */
  readonly title: string | null;
  /** the team's own video link, else the room's */
  readonly videoUrl: string | null;
  /** the session's own etherpad, else the team's */
  readonly etherpadUrl: string | null;
}

/** What the ledger remembers about a meeting key, published now or not. */
export interface MeetingRecord {
  readonly number: number;
  readonly sequence: number;
  readonly createdAt: Instant;
  readonly changedAt: Instant;
  readonly fingerprint: string;
  readonly published: boolean;
}

/**
 * The event replayed from its change log, with the memory feeds need across republishing: numbers,
 * sequences and change times of every meeting ever published. A pure fold over the revisions, so
 * every process (and every database an event is imported into) derives the same values.
 */
export interface MeetingLedger {
  readonly state: EventState;
  /** when the latest revision was committed */
  readonly at: Instant;
  /** the last revision that changed what the schedule feeds publish, and when */
  readonly scheduleRevision: number;
  readonly scheduleChangedAt: Instant;
  /** the meetings published now, by start, then room order, then team name */
  readonly meetings: readonly Meeting[];
  readonly byTeam: ReadonlyMap<string, readonly Meeting[]>;
  readonly records: ReadonlyMap<string, MeetingRecord>;
  /** booking id → the order bookings were made in, which picks each meeting's key */
  readonly bookingOrder: ReadonlyMap<string, number>;
  readonly nextNumber: number;
}

/** Changes that reshape the whole published schedule (days, rooms, titles, links of every meeting). */
const reshaping: ReadonlySet<ChangeType> = new Set([
  'event.saved',
  'grid.saved',
  'room.saved',
  'room.removed',
]);

/**
 * The ledger after one more committed revision; `null` starts a ledger from the event's first
 * revision (which creates the event). Revisions already applied are ignored.
 */
export function recordRevision(ledger: MeetingLedger | null, revision: Revision): MeetingLedger {
  if (ledger && revision.revision <= ledger.state.revision) return ledger;
  const before = ledger?.state ?? firstState(revision);
  const state = applyRevision(before, revision.revision, revision.changes);
  const bookingOrder = orderBookings(ledger?.bookingOrder ?? new Map(), revision.changes);
  const affected = affectedTeams(before, state, revision.changes);
  const byTeam = new Map(ledger?.byTeam ?? []);
  const records = new Map(ledger?.records ?? []);
  let nextNumber = ledger?.nextNumber ?? 1;
  let changed = revision.changes.some((change) => reshaping.has(change.type));
  for (const teamId of affected) {
    const previous = byTeam.get(teamId) ?? [];
    const current: Meeting[] = [];
    // A joint session is published once, as the host's meeting, naming its guests.
    for (const block of teamMeetings(state, teamId).filter((meeting) => meeting.teamId === teamId)) {
      const content = contentOf(state, block, bookingOrder);
      if (!content) continue;
      const fingerprint = fingerprintOf(state, content);
      const known = records.get(content.key);
      let record: MeetingRecord;
      if (!known) {
        record = {
          number: nextNumber++,
          sequence: 0,
          createdAt: revision.at,
          changedAt: revision.at,
          fingerprint,
          published: true,
        };
      } else if (!known.published || known.fingerprint !== fingerprint) {
        record = {
          ...known,
          sequence: known.sequence + 1,
          changedAt: revision.at,
          fingerprint,
          published: true,
        };
      } else {
        record = known;
      }
      if (record !== known) changed = true;
      records.set(content.key, record);
      const { number, sequence, createdAt, changedAt } = record;
      current.push({ ...content, number, sequence, createdAt, changedAt });
    }
    const kept = new Set(current.map((meeting) => meeting.key));
    for (const gone of previous.filter((meeting) => !kept.has(meeting.key))) {
      const record = records.get(gone.key);
      if (record) records.set(gone.key, { ...record, published: false });
      changed = true;
    }
    if (current.length > 0) byTeam.set(teamId, current);
    else byTeam.delete(teamId);
  }
  return {
    state,
    at: revision.at,
    scheduleRevision: changed || !ledger ? revision.revision : ledger.scheduleRevision,
    scheduleChangedAt: changed || !ledger ? revision.at : ledger.scheduleChangedAt,
    meetings: affected.size > 0 || !ledger ? sortMeetings(state, byTeam) : ledger.meetings,
    byTeam,
    records,
    bookingOrder,
    nextNumber,
  };
}

/** Folds a whole change log, oldest first. */
export function replayLedger(revisions: readonly Revision[]): MeetingLedger | null {
  return revisions.reduce<MeetingLedger | null>(recordRevision, null);
}

function firstState(revision: Revision): EventState {
  const created = revision.changes.find((change) => change.type === 'event.saved');
  if (!created)
    throw new Error(`revision ${revision.revision} of ${revision.eventId} does not create the event`);
  return blankEventState(created.event);
}

function orderBookings(
  known: ReadonlyMap<string, number>,
  changes: readonly Change[],
): ReadonlyMap<string, number> {
  const made = changes.filter((change) => change.type === 'booking.created');
  if (made.length === 0) return known;
  const order = new Map(known);
  for (const change of made) order.set(change.booking.id, order.size);
  return order;
}

/** The teams whose meetings a revision may have changed: every team when the event is reshaped. */
function affectedTeams(before: EventState, after: EventState, changes: readonly Change[]): Set<string> {
  if (changes.some((change) => reshaping.has(change.type)))
    return new Set(after.teams.map((team) => team.id));
  const teams = new Set<string>();
  for (const change of changes) {
    if (change.type === 'team.saved') teams.add(change.team.id);
    if (change.type === 'booking.created') teams.add(change.booking.teamId);
    if (change.type === 'session.saved' || change.type === 'session.removed') {
      const anchor = change.type === 'session.saved' ? change.session.id : change.sessionId;
      const booking = [...after.bookings, ...before.bookings].find((candidate) => candidate.id === anchor);
      if (booking) teams.add(booking.teamId);
    }
    if (change.type === 'booking.cancelled') {
      const booking = before.bookings.find((candidate) => candidate.id === change.bookingId);
      if (booking) teams.add(booking.teamId);
    }
  }
  return teams;
}

type MeetingContent = Omit<Meeting, 'number' | 'sequence' | 'createdAt' | 'changedAt'>;

function contentOf(
  state: EventState,
  block: TeamMeeting,
  bookingOrder: ReadonlyMap<string, number>,
): MeetingContent | null {
  const team = state.teams.find((candidate) => candidate.id === block.teamId);
  const guests = block.teams
    .slice(1)
    .flatMap((id) => state.teams.find((candidate) => candidate.id === id) ?? []);
  const room = state.rooms.find((candidate) => candidate.id === block.roomId);
  const [first] = [...block.bookings].sort(
    (a, b) =>
      (bookingOrder.get(a.id) ?? Number.MAX_SAFE_INTEGER) -
      (bookingOrder.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
  if (!team || !room || !first) return null;
  const record = block.bookings.flatMap((booking) => state.sessions[booking.id] ?? [])[0];
  return {
    key: first.id,
    team,
    guests,
    room,
    start: block.start,
    end: block.end,
    title: record?.title || null,
    videoUrl: videoOf(state.event, team, room),
    etherpadUrl: record?.etherpadUrl ?? etherpadOf(state.event, team),
  };
}

/** Everything a feed shows about a meeting: when any of it changes, the meeting's sequence grows. */
function fingerprintOf(state: EventState, meeting: MeetingContent): string {
  return JSON.stringify([
    state.event.title,
    meeting.team.slug,
    meeting.team.name,
    meeting.guests.map((guest) => [guest.slug, guest.name]),
    meeting.room.slug,
    meeting.room.name,
    meeting.start,
    meeting.end,
    meeting.title,
    meeting.videoUrl,
    meeting.etherpadUrl,
  ]);
}

function sortMeetings(state: EventState, byTeam: ReadonlyMap<string, readonly Meeting[]>): Meeting[] {
  const position = new Map(state.rooms.map((room) => [room.id, room.position]));
  return [...byTeam.values()]
    .flat()
    .sort(
      (a, b) =>
        (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
        (position.get(a.room.id) ?? 0) - (position.get(b.room.id) ?? 0) ||
        a.team.name.localeCompare(b.team.name, 'en'),
    );
}

/**
 * How feeds name a meeting: the host's name, then its joint session's guests, then the session's
 * title when it has one ("Nova + Neutron: Live migration").
 */
export function meetingTitle(meeting: Pick<Meeting, 'team' | 'guests' | 'title'>): string {
  const teams = [meeting.team, ...meeting.guests].map((team) => team.name).join(' + ');
  return meeting.title ? `${teams}: ${meeting.title}` : teams;
}
