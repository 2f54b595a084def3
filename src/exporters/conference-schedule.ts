import type { EventInfo } from '../core/model/event.ts';
import { minutesBetween } from '../core/model/instant.ts';
import type { Room } from '../core/model/room.ts';
import { daysOf } from '../core/schedule/build-grid.ts';
import { type MeetingLedger, meetingTitle } from '../core/schedule/meeting-ledger.ts';
import { meetingGuid, roomGuid } from './guid.ts';
import { clockDuration, localClock, localDay, withOffset } from './local-time.ts';
import { eventPage, roomPage, teamPage } from './page-urls.ts';

/** One meeting as a schedule entry ("event" in frab's words). */
export interface ScheduleEntry {
  /** unique positive number, stable across republishing */
  readonly id: number;
  /** unique UUID, stable across republishing */
  readonly guid: string;
  readonly title: string;
  readonly room: string;
  readonly track: string;
  /** start, with the event's UTC offset */
  readonly date: string;
  readonly end: string;
  /** `HH:MM` on the event's clock */
  readonly start: string;
  /** `HH:MM` */
  readonly duration: string;
  readonly slug: string;
  readonly url: string;
  readonly links: readonly { readonly title: string; readonly url: string }[];
}

export interface ScheduleRoom {
  readonly room: Room;
  readonly guid: string;
  readonly url: string;
}

export interface ScheduleDay {
  readonly index: number;
  /** `YYYY-MM-DD` on the event's clock */
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly rooms: readonly { readonly room: ScheduleRoom; readonly entries: readonly ScheduleEntry[] }[];
}

/** What the frab XML and the c3voc JSON both say, worked out once. */
export interface ConferenceSchedule {
  readonly event: EventInfo;
  /** changes whenever what is published changes */
  readonly version: string;
  readonly acronym: string;
  readonly start: string;
  readonly end: string;
  readonly timeslotDuration: string;
  readonly url: string;
  readonly baseUrl: string;
  readonly tracks: readonly { readonly name: string; readonly colour: string }[];
  readonly rooms: readonly ScheduleRoom[];
  readonly days: readonly ScheduleDay[];
}

/**
 * The schedule as conference apps (Giggity, ConfClerk, EventFahrplan, info-beamer) read it: days
 * on the event's clock, every room, and one entry per meeting with the meeting ledger's number as
 * `id` and a name-based UUID as `guid`, so both stay put when the schedule is published again.
 */
export function conferenceSchedule(ledger: MeetingLedger, baseUrl: string): ConferenceSchedule {
  const { state } = ledger;
  const { event } = state;
  const zone = event.timeZone;
  const acronym = acronymOf(event.slug);
  const rooms: ScheduleRoom[] = state.rooms.map((room) => ({
    room,
    guid: roomGuid(event.id, room.id),
    url: roomPage(baseUrl, event, room),
  }));
  const entries = ledger.meetings.map((meeting): ScheduleEntry & { day: string; roomId: string } => ({
    id: meeting.number,
    guid: meetingGuid(event.id, meeting.key),
    title: meetingTitle(meeting),
    room: meeting.room.name,
    // A joint session stays in its host's track: tracks are teams, and the guests are in the title.
    track: meeting.team.name,
    date: withOffset(meeting.start, zone),
    end: withOffset(meeting.end, zone),
    start: localClock(meeting.start, zone),
    duration: clockDuration(minutesBetween(meeting.start, meeting.end)),
    slug: `${acronym}-${meeting.number}-${meeting.team.slug}`,
    url: teamPage(baseUrl, event, meeting.team),
    links: [
      ...(meeting.videoUrl ? [{ title: `Join ${meeting.room.name}`, url: meeting.videoUrl }] : []),
      ...(meeting.etherpadUrl ? [{ title: 'Etherpad', url: meeting.etherpadUrl }] : []),
    ],
    day: localDay(meeting.start, zone),
    roomId: meeting.room.id,
  }));
  const dayBounds = new Map<string, { start: string; end: string }>();
  for (const slot of state.slots) {
    const day = localDay(slot.start, zone);
    const bounds = dayBounds.get(day);
    dayBounds.set(day, {
      start: bounds && bounds.start < slot.start ? bounds.start : slot.start,
      end: bounds && bounds.end > slot.end ? bounds.end : slot.end,
    });
  }
  for (const entry of ledger.meetings) {
    const day = localDay(entry.start, zone);
    const bounds = dayBounds.get(day);
    if (!bounds || entry.end > bounds.end)
      dayBounds.set(day, { start: bounds?.start ?? entry.start, end: entry.end });
  }
  if (dayBounds.size === 0) {
    for (const day of daysOf(event.startsOn, event.endsOn)) {
      dayBounds.set(day, { start: `${day}T00:00:00Z`, end: `${day}T23:59:59Z` });
    }
  }
  const days = [...dayBounds.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([date, bounds], index): ScheduleDay => ({
        index: index + 1,
        date,
        start: withOffset(bounds.start, zone),
        end: withOffset(bounds.end, zone),
        rooms: rooms.map((room) => ({
          room,
          entries: entries
            .filter((entry) => entry.day === date && entry.roomId === room.room.id)
            .map(({ day: _day, roomId: _roomId, ...entry }) => entry),
        })),
      }),
    );
  const teams = new Map(ledger.meetings.map((meeting) => [meeting.team.id, meeting.team]));
  return {
    event,
    version: ledger.scheduleChangedAt,
    acronym,
    start: days[0]?.date ?? event.startsOn,
    end: days.at(-1)?.date ?? event.endsOn,
    timeslotDuration: clockDuration(event.slotMinutes),
    url: eventPage(baseUrl, event),
    baseUrl: `${baseUrl}/`,
    tracks: [...teams.values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'en'))
      .map((team) => ({ name: team.name, colour: team.colour })),
    rooms,
    days,
  };
}

/**
 * The acronym both formats accept: the XML schema wants `[a-z0-9_-]{4,}`, the JSON schema allows a
 * hyphen only as the first character or before a `-2YYY-name` suffix; so hyphens become underscores
 * and short slugs are padded.
 */
export function acronymOf(slug: string): string {
  return slug.replaceAll('-', '_').padEnd(4, '_');
}
