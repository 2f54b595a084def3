import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../../test/support/event-log.ts';
import { bookSlot } from '../core/booking/book-slot.ts';
import { unbookSlot } from '../core/booking/unbook-slot.ts';
import { createTeam } from '../core/teams/team-admin.ts';
import { updateTeamLinks } from '../core/teams/team-links.ts';
import { type CalendarFeed, icalCalendar } from './ical-calendar.ts';

const baseUrl = 'https://ptg.example.org';

function feedOf(log: EventLog, name = 'Test PTG'): CalendarFeed {
  return {
    name,
    pageUrl: `${baseUrl}/events/test-ptg/schedule`,
    feedUrl: `${baseUrl}/events/test-ptg/calendar.ics`,
    entries: log.ledger.meetings.map((meeting) => ({ event: log.state.event, meeting })),
  };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => ({
      uid: vevent.getFirstPropertyValue('uid'),
      sequence: vevent.getFirstPropertyValue('sequence'),
      dtstamp: String(vevent.getFirstPropertyValue('dtstamp')),
      start: String(vevent.getFirstPropertyValue('dtstart')),
      end: String(vevent.getFirstPropertyValue('dtend')),
      summary: vevent.getFirstPropertyValue('summary'),
      location: vevent.getFirstPropertyValue('location'),
      description: vevent.getFirstPropertyValue('description'),
      conference: vevent.getFirstProperty('conference'),
    })),
  };
}

function bookedLog(): EventLog {
  const log = new EventLog();
  for (const [team, room, slot, at] of [
    ['nova', 'bexar', 'mon13', '2022-10-01T10:00:00Z'],
    ['nova', 'bexar', 'mon14', '2022-10-01T11:00:00Z'],
    ['cinder', 'austin', 'mon13', '2022-10-01T12:00:00Z'],
  ] as const) {
    log.run((state, ctx) => bookSlot(state, { team, room, slot }, ctx), at);
  }
  return log;
}

describe('icalCalendar', () => {
  it('writes one event per run of back-to-back slots in a room, with UTC times, DTSTAMP and SEQUENCE from the ledger', () => {
    const { events } = parse(icalCalendar(feedOf(bookedLog()), baseUrl));
    expect(
      events.map(({ conference: _conference, description: _description, uid: _uid, ...rest }) => rest),
    ).toEqual([
      {
        sequence: 1,
        dtstamp: '2022-10-01T11:00:00Z',
        start: '2022-10-17T13:00:00Z',
        end: '2022-10-17T15:00:00Z',
        summary: 'Nova/Placement',
        location: 'bexar',
      },
      {
        sequence: 0,
        dtstamp: '2022-10-01T12:00:00Z',
        start: '2022-10-17T13:00:00Z',
        end: '2022-10-17T14:00:00Z',
        summary: 'Cinder',
        location: 'austin',
      },
    ]);
  });

  it('keeps every UID when republished, and raises the SEQUENCE and DTSTAMP of the event that changed', () => {
    const log = bookedLog();
    const before = parse(icalCalendar(feedOf(log), baseUrl)).events;
    log.run(
      (state, ctx) => bookSlot(state, { team: 'cinder', room: 'austin', slot: 'mon14' }, ctx),
      '2022-10-02T09:00:00Z',
    );
    const after = parse(icalCalendar(feedOf(log), baseUrl)).events;
    expect(after.map((event) => event.uid)).toEqual(before.map((event) => event.uid));
    expect(new Set(after.map((event) => event.uid)).size).toBe(2);
    expect(after[0]).toMatchObject({ sequence: 1, dtstamp: '2022-10-01T11:00:00Z' });
    expect(after[1]).toMatchObject({
      sequence: 1,
      dtstamp: '2022-10-02T09:00:00Z',
      end: '2022-10-17T15:00:00Z',
    });
  });

  it('derives the UID from the booking, not from the room and time: another team in the same cell gets another UID', () => {
    const log = new EventLog();
    log.run((state, ctx) => bookSlot(state, { team: 'nova', room: 'bexar', slot: 'mon13' }, ctx));
    const [nova] = parse(icalCalendar(feedOf(log), baseUrl)).events;
    log.run((state, ctx) => unbookSlot(state, { room: 'bexar', slot: 'mon13' }, ctx));
    log.run((state, ctx) => bookSlot(state, { team: 'cinder', room: 'bexar', slot: 'mon13' }, ctx));
    const [cinder] = parse(icalCalendar(feedOf(log), baseUrl)).events;
    expect(nova?.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(cinder?.uid).not.toBe(nova?.uid);
    expect(cinder).toMatchObject({ start: nova?.start, location: nova?.location, sequence: 0 });
  });

  it('gives the video link as an RFC 7986 CONFERENCE property, and the links in the description', () => {
    const { events } = parse(icalCalendar(feedOf(bookedLog()), baseUrl));
    const conference = events[0]?.conference;
    expect(conference?.type).toBe('uri');
    expect(conference?.getFirstValue()).toBe('https://video.example.org/bexar');
    expect(conference?.getParameter('feature')).toBe('AUDIO,VIDEO');
    expect(conference?.getParameter('label')).toBe('Join Nova/Placement');
    expect(events[0]?.description).toBe(
      [
        'Nova/Placement meets in bexar (Test PTG).',
        'Join: https://video.example.org/bexar',
        'Etherpad: https://pads.example.org/p/test-ptg-nova',
        'Team page: https://ptg.example.org/events/test-ptg/teams/nova',
      ].join('\n'),
    );
  });

  it('escapes text and folds long lines, so names with commas, semicolons and quotes come back unchanged', () => {
    const log = new EventLog();
    const name = 'Quality, Assurance; "QA" \\ Testing and a name long enough to need folding in iCalendar';
    log.run((state, ctx) =>
      createTeam(state, { name, slug: 'qa', kind: 'project', crossProject: false }, ctx),
    );
    log.run((state, ctx) =>
      updateTeamLinks(state, { team: 'qa', videoUrl: 'https://meet.example.org/qa?room=1;pass=2,3' }, ctx),
    );
    log.run((state, ctx) => bookSlot(state, { team: 'qa', room: 'Ballroom A', slot: 'tue15' }, ctx));
    const text = icalCalendar(feedOf(log, 'A; B, "C"'), baseUrl);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const { calendar, events } = parse(text);
    // NAME is TEXT (RFC 7986); ical.js reads it without unescaping, so the escaped form is checked.
    expect(calendar.getFirstPropertyValue('name')).toBe('A\\; B\\, "C"');
    expect(events[0]).toMatchObject({ summary: name, location: 'Ballroom A' });
    expect(events[0]?.conference?.getFirstValue()).toBe('https://meet.example.org/qa?room=1;pass=2,3');
    expect(events[0]?.conference?.getParameter('label')).toBe(`Join ${name}`);
  });
});
