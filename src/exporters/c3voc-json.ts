import type { MeetingLedger } from '../core/schedule/meeting-ledger.ts';
import { conferenceSchedule } from './conference-schedule.ts';

/** The JSON schema's zone pattern; other IANA names (`Etc/GMT+2`, `US/Eastern`) are left out. */
const schemaZone = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;
const schemaSlug = /^[a-z0-9_-]+[a-z0-9]$/;

/**
 * The event as c3voc schedule JSON (valid against the c3voc `schedule.schema.json`, draft-06): the
 * same days, rooms, ids and guids as the XML, with every date-time carrying its UTC offset.
 */
export function c3vocScheduleJson(ledger: MeetingLedger, baseUrl: string): string {
  const schedule = conferenceSchedule(ledger, baseUrl);
  const { event } = schedule;
  const virtual = event.mode === 'virtual';
  const document = {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'Convene' },
    schedule: {
      url: `${schedule.url}/schedule.json`,
      version: schedule.version,
      base_url: schedule.baseUrl,
      conference: {
        acronym: schedule.acronym,
        title: event.title,
        start: schedule.start,
        end: schedule.end,
        daysCount: schedule.days.length,
        timeslot_duration: schedule.timeslotDuration,
        ...(schemaZone.test(event.timeZone) ? { time_zone_name: event.timeZone } : {}),
        url: schedule.url,
        tracks: schedule.tracks.map((track) => ({ name: track.name, color: track.colour })),
        rooms: schedule.rooms.map(({ room, guid, url }) => ({
          name: room.name,
          guid,
          ...(schemaSlug.test(room.slug) ? { slug: room.slug } : {}),
          ...(virtual ? { type: 'online' } : {}),
          description: room.description || null,
          capacity: room.capacity,
          url,
        })),
        days: schedule.days.map((day) => ({
          index: day.index,
          date: day.date,
          day_start: day.start,
          day_end: day.end,
          rooms: Object.fromEntries(
            day.rooms.map(({ room, entries }) => [
              room.room.name,
              entries.map((entry) => ({
                guid: entry.guid,
                id: entry.id,
                date: entry.date,
                start: entry.start,
                end: entry.end,
                duration: entry.duration,
                room: entry.room,
                slug: entry.slug,
                url: entry.url,
                title: entry.title,
                subtitle: null,
                track: entry.track,
                type: 'meeting',
                language: null,
                abstract: '',
                description: null,
                persons: [],
                links: entry.links.map((link) => ({ url: link.url, title: link.title })),
              })),
            ]),
          ),
        })),
      },
    },
  };
  return JSON.stringify(document);
}
