import { describe, expect, it } from 'vitest';
import { EventLog } from '../../../test/support/event-log.ts';
import { setNow } from '../board/set-topics.ts';
import { bookSlot } from '../booking/book-slot.ts';
import { unbookSlot } from '../booking/unbook-slot.ts';
import { saveRoom } from '../event/rooms.ts';
import { updateTeamLinks } from '../teams/team-links.ts';
import { replayLedger } from './meeting-ledger.ts';

const book = (team: string, room: string, slot: string) => (log: EventLog, at?: string) =>
  log.run((state, ctx) => bookSlot(state, { team, room, slot }, ctx), at);

function summary(log: EventLog) {
  return log.ledger.meetings.map((meeting) => ({
    team: meeting.team.slug,
    room: meeting.room.slug,
    start: meeting.start,
    end: meeting.end,
    number: meeting.number,
    sequence: meeting.sequence,
  }));
}

describe('recordRevision', () => {
  it('publishes back-to-back bookings of a team in one room as one meeting, numbered in order', () => {
    const log = new EventLog();
    book('nova', 'bexar', 'mon13')(log);
    book('nova', 'bexar', 'mon14')(log);
    book('cinder', 'austin', 'mon13')(log);
    book('nova', 'austin', 'mon15')(log);
    expect(summary(log)).toEqual([
      {
        team: 'nova',
        room: 'bexar',
        start: '2022-10-17T13:00:00Z',
        end: '2022-10-17T15:00:00Z',
        number: 1,
        sequence: 1,
      },
      {
        team: 'cinder',
        room: 'austin',
        start: '2022-10-17T13:00:00Z',
        end: '2022-10-17T14:00:00Z',
        number: 2,
        sequence: 0,
      },
      {
        team: 'nova',
        room: 'austin',
        start: '2022-10-17T15:00:00Z',
        end: '2022-10-17T16:00:00Z',
        number: 3,
        sequence: 0,
      },
    ]);
  });

  it('keeps a meeting’s key and number when it grows earlier, raising its sequence and change time', () => {
    const log = new EventLog();
    book('nova', 'bexar', 'mon14')(log, '2022-10-01T10:00:00Z');
    const [first] = log.ledger.meetings;
    book('nova', 'bexar', 'mon13')(log, '2022-10-02T10:00:00Z');
    const [grown] = log.ledger.meetings;
    expect(grown).toMatchObject({
      key: first?.key,
      number: 1,
      sequence: 1,
      createdAt: '2022-10-01T10:00:00Z',
      changedAt: '2022-10-02T10:00:00Z',
      start: '2022-10-17T13:00:00Z',
      end: '2022-10-17T15:00:00Z',
    });
  });

  it('leaves meetings and the schedule revision alone when a revision changes nothing they publish', () => {
    const log = new EventLog();
    book('nova', 'bexar', 'mon13')(log);
    const before = log.ledger;
    log.run((state, ctx) => setNow(state, { team: 'nova', text: 'Placement API' }, ctx));
    expect(log.ledger.meetings).toBe(before.meetings);
    expect(log.ledger.scheduleRevision).toBe(before.scheduleRevision);
    expect(log.ledger.at).toBe('2022-10-01T12:00:00Z');
  });

  it('never gives a released meeting’s number to another one', () => {
    const log = new EventLog();
    book('nova', 'bexar', 'mon13')(log);
    log.run((state, ctx) => unbookSlot(state, { room: 'bexar', slot: 'mon13' }, ctx));
    expect(log.ledger.meetings).toEqual([]);
    book('cinder', 'bexar', 'mon13')(log);
    expect(summary(log)).toMatchObject([{ team: 'cinder', number: 2, sequence: 0 }]);
  });

  it('raises the sequence of every meeting in a room that is renamed, and of a team whose video link changes', () => {
    const log = new EventLog();
    book('nova', 'bexar', 'mon13')(log);
    book('cinder', 'austin', 'mon13')(log);
    log.run((state, ctx) => saveRoom(state, { room: 'bexar', name: 'Bexar County' }, ctx));
    expect(summary(log).map((meeting) => [meeting.team, meeting.sequence])).toEqual([
      ['nova', 1],
      ['cinder', 0],
    ]);
    log.run((state, ctx) =>
      updateTeamLinks(state, { team: 'cinder', videoUrl: 'https://meet.example.org/cinder' }, ctx),
    );
    expect(log.ledger.meetings[1]).toMatchObject({
      sequence: 1,
      videoUrl: 'https://meet.example.org/cinder',
    });
  });

  it('splits a meeting when its middle is released and joins it again under the first key', () => {
    const log = new EventLog();
    for (const slot of ['mon13', 'mon14', 'mon15']) book('nova', 'bexar', slot)(log);
    const [whole] = log.ledger.meetings;
    log.run((state, ctx) => unbookSlot(state, { room: 'bexar', slot: 'mon14' }, ctx));
    expect(summary(log)).toMatchObject([
      { start: '2022-10-17T13:00:00Z', number: 1 },
      { start: '2022-10-17T15:00:00Z', number: 2, sequence: 0 },
    ]);
    expect(log.ledger.meetings[0]?.key).toBe(whole?.key);
    book('nova', 'bexar', 'mon14')(log);
    expect(summary(log)).toMatchObject([
      { start: '2022-10-17T13:00:00Z', end: '2022-10-17T16:00:00Z', number: 1 },
    ]);
  });

  it('derives the same ledger from the whole log as from revision after revision', () => {
    const log = new EventLog();
    book('nova', 'bexar', 'mon13')(log);
    book('nova', 'bexar', 'mon14')(log);
    log.run((state, ctx) => unbookSlot(state, { room: 'bexar', slot: 'mon13' }, ctx));
    book('tc', 'austin', 'tue13')(log);
    expect(replayLedger(log.revisions)).toEqual(log.ledger);
  });
});
