import { describe, expect, it } from 'vitest';
import { EventLog } from '../../test/support/event-log.ts';
import { addMotd } from '../core/board/motd.ts';
import { addNext, setNow } from '../core/board/set-topics.ts';
import { bookSlot } from '../core/booking/book-slot.ts';
import { setAvailability } from '../core/event/rooms.ts';
import { ptgbotFeed } from './ptgbot-json.ts';

const during = '2022-10-17T13:20:00Z';

function liveLog(): EventLog {
  const log = new EventLog();
  log.run((state, ctx) => bookSlot(state, { team: 'nova', room: 'bexar', slot: 'mon13' }, ctx));
  log.run((state, ctx) => setAvailability(state, { room: 'austin', slot: 'tue16', available: false }, ctx));
  log.run(
    (state, ctx) => setNow(state, { team: 'nova', text: 'Placement API cleanup' }, ctx),
    '2022-10-17T13:05:00Z',
  );
  log.run(
    (state, ctx) => addNext(state, { team: 'nova', text: 'Unified limits' }, ctx),
    '2022-10-17T13:06:00Z',
  );
  log.run(
    (state, ctx) => addMotd(state, { level: 'warning', message: 'Lunch is late' }, ctx),
    '2022-10-17T13:07:00Z',
  );
  return log;
}

describe('ptgbotFeed', () => {
  it('gives the board at the moment asked, with the room a track is in as its location', () => {
    const document = JSON.parse(ptgbotFeed(liveLog().ledger, during, 'https://ptg.example.org').body);
    expect(document).toMatchObject({
      eventid: 'test-ptg',
      now: { nova: 'Placement API cleanup' },
      next: { nova: ['Unified limits'] },
      motd: [{ level: 'warning', message: 'Lunch is late' }],
      location: { nova: 'bexar' },
      tracks: ['cinder', 'nova', 'tc'],
      etherpads: { nova: 'https://pads.example.org/p/test-ptg-nova' },
      timestamp: '2022-10-17 13:07:00',
    });
    const later = JSON.parse(
      ptgbotFeed(liveLog().ledger, '2022-10-17T15:00:00Z', 'https://ptg.example.org').body,
    );
    expect(later).toMatchObject({ now: {}, next: {}, location: {} });
  });

  it('has a cell per room and slot: the track, "" when free, none where the room is closed', () => {
    const document = JSON.parse(ptgbotFeed(liveLog().ledger, during, 'https://ptg.example.org').body);
    expect(document.schedule.bexar).toMatchObject({
      url: 'https://video.example.org/bexar',
      mon13: 'nova',
      mon14: '',
    });
    expect(Object.keys(document.schedule.austin)).not.toContain('tue16');
    expect(document.slots.Monday[0]).toEqual({
      name: 'mon13',
      desc: '15:00-16:00',
      realtime: '2022-10-17T13:00:00Z',
      duration: 60,
    });
  });

  it('carries no e-mail address, check-in, subscription or moderator', () => {
    const text = ptgbotFeed(liveLog().ledger, during, 'https://ptg.example.org').body;
    expect(text).not.toContain('@');
    expect(text).not.toContain('user-');
    expect(JSON.parse(text)).toMatchObject({ last_check_in: {}, subscriptions: {} });
  });
});
