import type { MeetingLedger } from '../core/schedule/meeting-ledger.ts';
import { type ConferenceSchedule, conferenceSchedule, type ScheduleEntry } from './conference-schedule.ts';

/**
 * The event as a frab / c3voc schedule XML document (valid against the c3voc `schedule.xml.xsd`):
 * days, rooms and one `<event>` per meeting, with the video and etherpad links under `<links>`.
 */
export function frabScheduleXml(ledger: MeetingLedger, baseUrl: string): string {
  const schedule = conferenceSchedule(ledger, baseUrl);
  const { event } = schedule;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    '  <generator name="Convene"/>',
    element('url', `${schedule.url}/schedule.xml`, 2),
    element('version', schedule.version, 2),
    '  <conference>',
    element('title', event.title, 4),
    element('acronym', schedule.acronym, 4),
    element('start', schedule.start, 4),
    element('end', schedule.end, 4),
    element('days', String(schedule.days.length), 4),
    element('timeslot_duration', schedule.timeslotDuration, 4),
    element('base_url', schedule.baseUrl, 4),
    element('url', schedule.url, 4),
    element('time_zone_name', event.timeZone, 4),
    ...schedule.tracks.map(
      (track) =>
        `    <track name="${attribute(track.name)}" color="${attribute(track.colour)}">${text(track.name)}</track>`,
    ),
    '  </conference>',
    ...days(schedule),
    '</schedule>',
  ];
  return `${lines.join('\n')}\n`;
}

function days(schedule: ConferenceSchedule): string[] {
  return schedule.days.flatMap((day) => [
    `  <day index="${day.index}" date="${day.date}" start="${attribute(day.start)}" end="${attribute(day.end)}">`,
    ...day.rooms.flatMap(({ room, entries }) => [
      `    <room name="${attribute(room.room.name)}" guid="${room.guid}">`,
      ...entries.flatMap(entry),
      '    </room>',
    ]),
    '  </day>',
  ]);
}

function entry(item: ScheduleEntry): string[] {
  return [
    `      <event id="${item.id}" guid="${item.guid}">`,
    element('room', item.room, 8),
    element('title', item.title, 8),
    element('type', 'meeting', 8),
    element('date', item.date, 8),
    element('start', item.start, 8),
    element('duration', item.duration, 8),
    element('abstract', '', 8),
    element('track', item.track, 8),
    '        <persons/>',
    '        <links>',
    ...item.links.map((link) => `          <link href="${attribute(link.url)}">${text(link.title)}</link>`),
    '        </links>',
    element('url', item.url, 8),
    '      </event>',
  ];
}

function element(name: string, value: string, indent: number): string {
  return `${' '.repeat(indent)}<${name}>${text(value)}</${name}>`;
}

/** XML text: `&` and `<` must go, `>` too so `]]>` can never appear; characters XML 1.0 forbids are dropped. */
function text(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML cannot carry
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
  );
}

function attribute(value: string): string {
  return text(value)
    .replaceAll('"', '&quot;')
    .replace(/[\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);
}
