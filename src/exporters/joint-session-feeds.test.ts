import ICAL from 'ical.js';
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
import { setNow } from '../core/board/set-topics.ts';
import { bookSlot } from '../core/booking/book-slot.ts';
import { answerInvitation } from '../core/sessions/answer-invitation.ts';
import { editSession } from '../core/sessions/edit-session.ts';
import { inviteTeam } from '../core/sessions/invite-team.ts';
import { c3vocScheduleJson } from './c3voc-json.ts';
import { frabScheduleXml } from './frab-xml.ts';
import { icalCalendar } from './ical-calendar.ts';
import { ptgbotFeed } from './ptgbot-json.ts';

const baseUrl = 'https://ptg.example.org';

/** nova hosts bexar Mon 13–15 with tc as its guest; cinder meets alone in austin. */
function jointLog(): EventLog {
  const log = new EventLog();
  for (const [team, room, slot] of [
    ['nova', 'bexar', 'mon13'],
    ['nova', 'bexar', 'mon14'],
    ['cinder', 'austin', 'mon13'],
  ] as const) {
    log.run((state, ctx) => bookSlot(state, { team, room, slot }, ctx), '2022-10-01T10:00:00Z');
  }
  log.run(
    (state, ctx) => inviteTeam(state, { session: 'bexar-mon13', guest: 'tc' }, ctx),
    '2022-10-02T10:00:00Z',
  );
  log.run(
    (state, ctx) => answerInvitation(state, { session: 'bexar-mon13', team: 'tc', accept: true }, ctx),
    '2022-10-03T10:00:00Z',
  );
  return log;
}

/** The joint session above with a title (and characters XML and JSON must escape) and its own pad. */
function titledLog(): EventLog {
  const log = jointLog();
  log.run(
    (state, ctx) =>
      editSession(
        state,
        {
          session: 'bexar-mon13',
          title: 'Live migration & <quotas>',
          etherpadUrl: 'https://etherpad.example.org/p/live-migration',
        },
        ctx,
      ),
    '2022-10-04T10:00:00Z',
  );
  return log;
}

/** The event's calendar of the log's meetings, as `…/calendar.ics` serves it. */
function eventCalendar(log: EventLog): string {
  return icalCalendar(
    {
      name: 'Test PTG',
      pageUrl: `${baseUrl}/events/test-ptg/schedule`,
      feedUrl: `${baseUrl}/events/test-ptg/calendar.ics`,
      entries: log.ledger.meetings.map((meeting) => ({ event: log.state.event, meeting })),
    },
    baseUrl,
  );
}

describe('feeds of a joint session', () => {
  it('puts the session’s title after the teams, and its own etherpad, in every feed’s entry', () => {
    const log = titledLog();
    const title = 'Nova/Placement + Technical Committee: Live migration & <quotas>';
    const text = eventCalendar(log);
    const [vevent] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(vevent?.getFirstPropertyValue('summary')).toBe(title);
    expect(vevent?.getFirstPropertyValue('sequence')).toBe(3);
    expect(String(vevent?.getFirstPropertyValue('description'))).toContain(
      'Etherpad: https://etherpad.example.org/p/live-migration',
    );
    const [entry] = JSON.parse(c3vocScheduleJson(log.ledger, baseUrl)).schedule.conference.days[0].rooms
      .bexar;
    expect(entry.title).toBe(title);
    expect(frabScheduleXml(log.ledger, baseUrl)).toContain(
      '<title>Nova/Placement + Technical Committee: Live migration &amp; &lt;quotas&gt;</title>',
    );
  });

  it('publishes it once in the event calendar, naming both teams, and raises its SEQUENCE when the guest joins', () => {
    const log = jointLog();
    const text = eventCalendar(log);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => ({
      summary: vevent.getFirstPropertyValue('summary'),
      sequence: vevent.getFirstPropertyValue('sequence'),
      description: String(vevent.getFirstPropertyValue('description')).split('\n')[0],
    }));
    expect(events).toEqual([
      {
        summary: 'Nova/Placement + Technical Committee',
        sequence: 2,
        description:
          'Joint session of Nova/Placement, Technical Committee in bexar, hosted by Nova/Placement (Test PTG).',
      },
      { summary: 'Cinder', sequence: 0, description: 'Cinder meets in austin (Test PTG).' },
    ]);
  });

  it('keeps the host’s track and the host in ptg.json’s cells, and names every team in the topic', () => {
    const log = jointLog();
    log.run(
      (state, ctx) => setNow(state, { team: 'tc', text: 'Release cadence' }, ctx),
      '2022-10-17T13:05:00Z',
    );
    const document = JSON.parse(ptgbotFeed(log.ledger, '2022-10-17T13:20:00Z', baseUrl).body);
    expect(document.now).toEqual({ tc: 'Release cadence (joint session: tc + nova)' });
    expect(document.location).toMatchObject({ tc: 'bexar' });
    const bexar = document.schedule.bexar;
    expect([bexar.MonA1 ?? bexar.mon13, bexar.MonA2 ?? bexar.mon14]).toEqual(['nova', 'nova']);
    const entries = JSON.parse(c3vocScheduleJson(log.ledger, baseUrl)).schedule.conference.days[0].rooms
      .bexar;
    expect(entries.map((entry: { title: string; track: string }) => [entry.title, entry.track])).toEqual([
      ['Nova/Placement + Technical Committee', 'Nova/Placement'],
    ]);
  });
});

describeWithShared(
  [scheduleXsd, scheduleJsonSchema],
  'feeds of a joint session against the c3voc schemas',
  () => {
    it('writes JSON valid against schedule.schema.json', () => {
      for (const log of [jointLog(), titledLog()])
        expect(jsonSchemaErrors(JSON.parse(c3vocScheduleJson(log.ledger, baseUrl)))).toEqual([]);
    });

    describeWithService('xmllint', xmllintAvailable, 'with xmllint', () => {
      it('writes XML valid against schedule.xml.xsd', async () => {
        for (const log of [jointLog(), titledLog()])
          expect(await xmlSchemaErrors(frabScheduleXml(log.ledger, baseUrl))).toBe('');
      });
    });
  },
);
