import ical, { escape as escapeText, foldLines, ICalEventStatus } from 'ical-generator';
import type { EventInfo } from '../core/model/event.ts';
import { millis } from '../core/model/instant.ts';
import { type Meeting, meetingTitle } from '../core/schedule/meeting-ledger.ts';
import { meetingGuid } from './guid.ts';
import { teamPage } from './page-urls.ts';

/** One meeting of one event, as a calendar shows it. */
export interface CalendarEntry {
  readonly event: EventInfo;
  readonly meeting: Meeting;
}

export interface CalendarFeed {
  /** the calendar's name in the reader's list of calendars */
  readonly name: string;
  /** the page the calendar belongs to */
  readonly pageUrl: string | null;
  /** the feed's own address, so readers can refresh it */
  readonly feedUrl: string;
  readonly entries: readonly CalendarEntry[];
}

/** Calendar apps are asked to refresh this often; bookings change while the event runs. */
const refreshSeconds = 15 * 60;

/**
 * An iCalendar feed (RFC 5545, with RFC 7986 `NAME`, `SOURCE`, `REFRESH-INTERVAL` and `CONFERENCE`):
 * one `VEVENT` per meeting (back-to-back slots of a team in one room). `UID` is derived from the
 * meeting's first booking, `SEQUENCE` and `DTSTAMP` come from the meeting ledger, times are UTC, text
 * is escaped and lines are folded at 75 octets.
 */
export function icalCalendar(feed: CalendarFeed, baseUrl: string): string {
  const calendar = ical({
    prodId: { company: 'Convene', product: 'Convene', language: 'EN' },
    // ical-generator writes NAME as it is given; it is TEXT, so it is escaped here.
    name: escapeText(feed.name, false),
    url: feed.pageUrl,
    source: feed.feedUrl,
    ttl: refreshSeconds,
  });
  const conferences: string[] = [];
  for (const { event, meeting } of feed.entries) {
    const page = teamPage(baseUrl, event, meeting.team);
    calendar.createEvent({
      id: meetingGuid(event.id, meeting.key),
      sequence: meeting.sequence,
      stamp: new Date(millis(meeting.changedAt)),
      created: new Date(millis(meeting.createdAt)),
      lastModified: new Date(millis(meeting.changedAt)),
      start: new Date(millis(meeting.start)),
      end: new Date(millis(meeting.end)),
      summary: meetingTitle(meeting),
      location: meeting.room.name,
      description: describe(event, meeting, page),
      url: page,
      status: ICalEventStatus.CONFIRMED,
    });
    conferences.push(meeting.videoUrl ? conferenceLine(meeting) : '');
  }
  // Every content line ends with CRLF, the last one too (ical-generator leaves it off).
  return `${withConferences(calendar.toString(), conferences)}\r\n`;
}

function describe(event: EventInfo, meeting: Meeting, page: string): string {
  return [
    meeting.guests.length > 0
      ? `Joint session of ${[meeting.team, ...meeting.guests].map((team) => team.name).join(', ')} in ${meeting.room.name}, hosted by ${meeting.team.name} (${event.title}).`
      : `${meeting.team.name} meets in ${meeting.room.name} (${event.title}).`,
    meeting.videoUrl ? `Join: ${meeting.videoUrl}` : null,
    meeting.etherpadUrl ? `Etherpad: ${meeting.etherpadUrl}` : null,
    `Team page: ${page}`,
  ]
    .filter((line) => line !== null)
    .join('\n');
}

/** RFC 7986 `CONFERENCE`: the video link as a URI, labelled; parameter text quoted as RFC 6868 says. */
function conferenceLine(meeting: Meeting): string {
  return `CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=${quotedParameter(`Join ${meetingTitle(meeting)}`)}:${meeting.videoUrl}`;
}

function quotedParameter(text: string): string {
  const encoded = text
    .replaceAll('^', '^^')
    .replaceAll('"', "^'")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters cannot appear in a parameter
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `"${encoded}"`;
}

/**
 * ical-generator 10 has no `CONFERENCE` and accepts only `X-` properties of its own, so each line is
 * put into its `VEVENT` after rendering (events come out in the order they were added; `END:VEVENT`
 * can only start a line where a component ends, since text line breaks are escaped).
 */
function withConferences(text: string, lines: readonly string[]): string {
  const marker = '\r\nEND:VEVENT\r\n';
  const parts = text.split(marker);
  return parts
    .map((part, index) => {
      const line = lines[index];
      if (index === parts.length - 1) return part;
      return `${part}${line ? `\r\n${foldLines(line)}` : ''}${marker}`;
    })
    .join('');
}
