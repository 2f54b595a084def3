import { describe, expect, it } from 'vitest';
import { EventLog } from '../../test/support/event-log.ts';
import {
  jsonSchemaErrors,
  scheduleJsonSchema,
  scheduleXsd,
  xmllintAvailable,
  xmlSchemaErrors,
} from '../../test/support/schedule-schemas.ts';
import { describeWithService } from '../../test/support/services.ts';
import { describeWithShared } from '../../test/support/shared-files.ts';
import { bookSlot } from '../core/booking/book-slot.ts';
import { unbookSlot } from '../core/booking/unbook-slot.ts';
import { saveRoom } from '../core/event/rooms.ts';
import { createTeam } from '../core/teams/team-admin.ts';
import { c3vocScheduleJson } from './c3voc-json.ts';
import { acronymOf } from './conference-schedule.ts';
import { frabScheduleXml } from './frab-xml.ts';

const baseUrl = 'https://ptg.example.org';

function bookedLog(): EventLog {
  const log = new EventLog();
  for (const [team, room, slot] of [
    ['nova', 'bexar', 'mon13'],
    ['nova', 'bexar', 'mon14'],
    ['cinder', 'austin', 'mon13'],
    ['tc', 'Ballroom A', 'tue16'],
  ] as const) {
    log.run((state, ctx) => bookSlot(state, { team, room, slot }, ctx));
  }
  return log;
}

interface JsonEntry {
  id: number;
  guid: string;
  title: string;
  date: string;
  start: string;
  duration: string;
  links: { url: string; title: string }[];
}

function jsonEntries(text: string): JsonEntry[] {
  const document = JSON.parse(text);
  return document.schedule.conference.days.flatMap((day: { rooms: Record<string, JsonEntry[]> }) =>
    Object.values(day.rooms).flat(),
  );
}

function xmlEntries(xml: string): { id: string; guid: string }[] {
  return [...xml.matchAll(/<event id="(\d+)" guid="([0-9a-f-]+)">/g)].map(([, id = '', guid = '']) => ({
    id,
    guid,
  }));
}

describe('c3vocScheduleJson', () => {
  it('gives each meeting a numeric id, a UUID guid, its start with the event’s offset, and its links', () => {
    const entries = jsonEntries(c3vocScheduleJson(bookedLog().ledger, baseUrl));
    expect(
      entries.map(({ id, title, date, start, duration }) => ({ id, title, date, start, duration })),
    ).toEqual([
      {
        id: 1,
        title: 'Nova/Placement',
        date: '2022-10-17T15:00:00+02:00',
        start: '15:00',
        duration: '02:00',
      },
      { id: 2, title: 'Cinder', date: '2022-10-17T15:00:00+02:00', start: '15:00', duration: '01:00' },
      {
        id: 3,
        title: 'Technical Committee',
        date: '2022-10-18T18:00:00+02:00',
        start: '18:00',
        duration: '01:00',
      },
    ]);
    expect(new Set(entries.map((entry) => entry.guid)).size).toBe(3);
    expect(entries[0]?.links).toEqual([
      { title: 'Join bexar', url: 'https://video.example.org/bexar' },
      { title: 'Etherpad', url: 'https://pads.example.org/p/test-ptg-nova' },
    ]);
  });

  it('keeps the ids and guids of unchanged entries when republished after a change', () => {
    const log = bookedLog();
    const before = jsonEntries(c3vocScheduleJson(log.ledger, baseUrl));
    log.run((state, ctx) => unbookSlot(state, { room: 'austin', slot: 'mon13' }, ctx));
    log.run((state, ctx) => bookSlot(state, { team: 'cinder', room: 'bexar', slot: 'tue13' }, ctx));
    log.run((state, ctx) => bookSlot(state, { team: 'nova', room: 'bexar', slot: 'mon15' }, ctx));
    const after = jsonEntries(c3vocScheduleJson(log.ledger, baseUrl));
    const pick = (entries: JsonEntry[], title: string) => entries.filter((entry) => entry.title === title);
    expect(pick(after, 'Nova/Placement').map(({ id, guid }) => ({ id, guid }))).toEqual(
      pick(before, 'Nova/Placement').map(({ id, guid }) => ({ id, guid })),
    );
    expect(pick(after, 'Technical Committee')).toEqual(pick(before, 'Technical Committee'));
    expect(pick(after, 'Cinder').map((entry) => entry.id)).toEqual([4]);
    expect(pick(after, 'Cinder')[0]?.guid).not.toBe(pick(before, 'Cinder')[0]?.guid);
  });
});

describe('acronymOf', () => {
  it('turns hyphens into underscores and pads short slugs to four characters', () => {
    expect(acronymOf('oct2022-ptg')).toBe('oct2022_ptg');
    expect(acronymOf('ptg')).toBe('ptg_');
  });
});

describe('frabScheduleXml', () => {
  it('uses the same ids and guids as the JSON, and escapes names', () => {
    const log = bookedLog();
    log.run((state, ctx) =>
      createTeam(state, { name: 'R&D <"Lab">', slug: 'rd', kind: 'other', crossProject: false }, ctx),
    );
    log.run((state, ctx) => bookSlot(state, { team: 'rd', room: 'austin', slot: 'tue13' }, ctx));
    const xml = frabScheduleXml(log.ledger, baseUrl);
    const json = jsonEntries(c3vocScheduleJson(log.ledger, baseUrl));
    expect(xmlEntries(xml)).toEqual(json.map(({ id, guid }) => ({ id: String(id), guid })));
    expect(xml).toContain('<title>R&amp;D &lt;"Lab"&gt;</title>');
    expect(xml).toContain('<track name="R&amp;D &lt;&quot;Lab&quot;&gt;" color="#a34700">');
  });
});

describeWithShared([scheduleXsd, scheduleJsonSchema], 'schedule feeds against the c3voc schemas', () => {
  function awkwardLog(): EventLog {
    const log = bookedLog();
    log.run((state, ctx) =>
      createTeam(state, { name: 'Q', slug: 'q', kind: 'other', crossProject: false }, ctx),
    );
    log.run((state, ctx) => bookSlot(state, { team: 'q', room: 'austin', slot: 'tue13' }, ctx));
    log.run((state, ctx) => saveRoom(state, { name: 'R & <D>', slug: 'r' }, ctx));
    return log;
  }

  it('writes JSON valid against schedule.schema.json (draft-06), also with one-letter slugs and odd names', () => {
    expect(jsonSchemaErrors(JSON.parse(c3vocScheduleJson(bookedLog().ledger, baseUrl)))).toEqual([]);
    expect(jsonSchemaErrors(JSON.parse(c3vocScheduleJson(awkwardLog().ledger, baseUrl)))).toEqual([]);
    expect(jsonSchemaErrors(JSON.parse(c3vocScheduleJson(new EventLog().ledger, baseUrl)))).toEqual([]);
  });

  describeWithService('xmllint', xmllintAvailable, 'with xmllint', () => {
    it('writes XML valid against schedule.xml.xsd, also with one-letter slugs, odd names and no bookings', async () => {
      expect(await xmlSchemaErrors(frabScheduleXml(bookedLog().ledger, baseUrl))).toBe('');
      expect(await xmlSchemaErrors(frabScheduleXml(awkwardLog().ledger, baseUrl))).toBe('');
      expect(await xmlSchemaErrors(frabScheduleXml(new EventLog().ledger, baseUrl))).toBe('');
    });
  });
});
