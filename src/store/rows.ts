import type { Source } from '../core/model/actor.ts';
import type { Motd, MotdLevel } from '../core/model/board.ts';
import type { BookingKind } from '../core/model/booking.ts';
import type { CodeOfConduct, EventInfo, EventMode, EventStatus } from '../core/model/event.ts';
import type { Room } from '../core/model/room.ts';
import type { Slot } from '../core/model/slot.ts';
import type { Team, TeamKind, TeamStatus } from '../core/model/team.ts';
import type { User } from '../core/model/user.ts';
import { ircNickKey } from '../core/people/check-user.ts';
import type { Revision } from '../core/revision.ts';
import type { BookingRecord } from './event-document.ts';
import type { Database } from './schema.ts';

type Row<T extends keyof Database> = Database[T];

/** Rows to records and back: the only place that knows how a field is stored. */
export function eventFromRow(row: Row<'events'>): EventInfo {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    timeZone: row.time_zone,
    mode: row.mode as EventMode,
    status: row.status as EventStatus,
    contact: row.contact,
    chat: row.chat,
    etherpadTemplate: row.etherpad_template,
    slotMinutes: row.slot_minutes,
    windows: JSON.parse(row.windows_json),
    rules: {
      dailyCapMinutes: row.daily_cap_minutes,
      totalCapMinutes: row.total_cap_minutes,
      crossProjectOpensAt: row.cross_project_opens_at,
      othersOpenAt: row.others_open_at,
      jointCaps: row.joint_caps === 'every-team' ? 'every-team' : 'host',
    },
    content: JSON.parse(row.content_json),
    codeOfConduct: codeOfConductFromRow(row),
    createdAt: row.created_at,
    openTeamUpdates: row.open_team_updates === 1,
    attendeeOnlyRoomLinks: row.attendee_only_room_links === 1,
    signupOpensAt: row.signup_opens_at,
    signupClosesAt: row.signup_closes_at,
  };
}

export function eventToRow(event: EventInfo): Omit<Row<'events'>, 'revision'> {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    starts_on: event.startsOn,
    ends_on: event.endsOn,
    time_zone: event.timeZone,
    mode: event.mode,
    status: event.status,
    contact: event.contact,
    chat: event.chat,
    etherpad_template: event.etherpadTemplate,
    slot_minutes: event.slotMinutes,
    windows_json: JSON.stringify(event.windows),
    daily_cap_minutes: event.rules.dailyCapMinutes,
    total_cap_minutes: event.rules.totalCapMinutes,
    cross_project_opens_at: event.rules.crossProjectOpensAt,
    others_open_at: event.rules.othersOpenAt,
    joint_caps: event.rules.jointCaps ?? 'host',
    content_json: JSON.stringify(event.content),
    coc_version: event.codeOfConduct.version,
    coc_url: event.codeOfConduct.url,
    coc_text: event.codeOfConduct.text,
    coc_earlier_accepted_json: JSON.stringify(event.codeOfConduct.earlierAccepted ?? []),
    created_at: event.createdAt,
    // Documents exported before the setting existed leave it out: closed.
    open_team_updates: event.openTeamUpdates ? 1 : 0,
    attendee_only_room_links: event.attendeeOnlyRoomLinks ? 1 : 0,
    signup_opens_at: event.signupOpensAt ?? null,
    signup_closes_at: event.signupClosesAt ?? null,
  };
}

export function roomFromRow(row: Row<'rooms'>): Room {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    url: row.url,
    description: row.description,
    capacity: row.capacity,
    features: JSON.parse(row.features_json),
    position: row.position,
  };
}

export function roomToRow(eventId: string, room: Room): Row<'rooms'> {
  return {
    id: room.id,
    event_id: eventId,
    slug: room.slug,
    name: room.name,
    url: room.url,
    description: room.description,
    capacity: room.capacity,
    features_json: JSON.stringify(room.features),
    position: room.position,
  };
}

export function slotFromRow(row: Row<'slots'>): Slot {
  return { id: row.id, code: row.code, start: row.start_at, end: row.end_at, window: row.window_name };
}

export function slotToRow(eventId: string, slot: Slot): Row<'slots'> {
  return {
    id: slot.id,
    event_id: eventId,
    code: slot.code,
    start_at: slot.start,
    end_at: slot.end,
    window_name: slot.window,
  };
}

export function teamFromRow(row: Row<'teams'>, moderators: readonly string[]): Team {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind as TeamKind,
    crossProject: row.cross_project === 1,
    colour: row.colour,
    etherpadUrl: row.etherpad_url,
    videoUrl: row.video_url,
    location: row.location,
    status: row.status as TeamStatus,
    moderators,
    createdAt: row.created_at,
  };
}

export function teamToRow(eventId: string, team: Team): Row<'teams'> {
  return {
    id: team.id,
    event_id: eventId,
    slug: team.slug,
    name: team.name,
    kind: team.kind,
    cross_project: team.crossProject ? 1 : 0,
    colour: team.colour,
    etherpad_url: team.etherpadUrl,
    video_url: team.videoUrl,
    location: team.location,
    status: team.status,
    created_at: team.createdAt,
  };
}

export function bookingFromRow(row: Row<'bookings'>): BookingRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    roomId: row.room_id,
    slotId: row.slot_id,
    kind: row.kind as BookingKind,
    createdBy: row.created_by,
    createdAt: row.created_at,
    source: row.source as Source,
    override: row.override === 1,
    cancelledAt: row.cancelled_at,
    cancelledBy: row.cancelled_by,
    cancelSource: row.cancel_source,
    ...(row.override_reason === null ? {} : { overrideReason: row.override_reason }),
    ...(row.cancel_reason === null ? {} : { cancelReason: row.cancel_reason }),
  };
}

export function bookingToRow(eventId: string, booking: BookingRecord): Row<'bookings'> {
  return {
    id: booking.id,
    event_id: eventId,
    team_id: booking.teamId,
    room_id: booking.roomId,
    slot_id: booking.slotId,
    kind: booking.kind,
    created_by: booking.createdBy,
    created_at: booking.createdAt,
    source: booking.source,
    override: booking.override ? 1 : 0,
    cancelled_at: booking.cancelledAt,
    cancelled_by: booking.cancelledBy,
    cancel_source: booking.cancelSource,
    override_reason: booking.overrideReason ?? null,
    cancel_reason: booking.cancelReason ?? null,
  };
}

/** The active booking as the rules see it, without its history fields. */
export function activeBooking(record: BookingRecord) {
  const {
    cancelledAt: _at,
    cancelledBy: _by,
    cancelSource: _source,
    cancelReason: _reason,
    ...booking
  } = record;
  return booking;
}

export function motdFromRow(row: Row<'motd'>): Motd {
  return { id: row.id, level: row.level as MotdLevel, message: row.message, expiresAt: row.expires_at };
}

export function revisionFromRow(row: Row<'event_revisions'>): Revision {
  return {
    eventId: row.event_id,
    revision: row.revision,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    source: row.source as Source,
    changes: JSON.parse(row.changes_json),
  };
}

export function revisionToRow(revision: Revision): Row<'event_revisions'> {
  return {
    event_id: revision.eventId,
    revision: revision.revision,
    at: revision.at,
    actor_id: revision.actorId,
    actor_name: revision.actorName,
    source: revision.source,
    changes_json: JSON.stringify(revision.changes),
  };
}

export function userFromRow(row: Row<'users'>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    ircNick: row.irc_nick,
    timeZone: row.time_zone,
    isOrganizer: row.is_organizer === 1,
    listedInFindPeople: row.listed_in_find_people === 1,
    createdAt: row.created_at,
  };
}

export function userToRow(user: User): Row<'users'> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    irc_nick: user.ircNick,
    irc_nick_key: user.ircNick ? ircNickKey(user.ircNick) : null,
    time_zone: user.timeZone,
    is_organizer: user.isOrganizer ? 1 : 0,
    listed_in_find_people: user.listedInFindPeople ? 1 : 0,
    feed_secret: null,
    created_at: user.createdAt,
  };
}

function codeOfConductFromRow(row: Row<'events'>): CodeOfConduct {
  const earlier = JSON.parse(row.coc_earlier_accepted_json) as string[];
  return {
    version: row.coc_version,
    url: row.coc_url,
    text: row.coc_text,
    ...(earlier.length > 0 ? { earlierAccepted: earlier } : {}),
  };
}
