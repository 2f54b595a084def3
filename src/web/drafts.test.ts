import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../test/support/web.ts';

const site = useTestSite();
const organiser = { actor: { userId: null, name: 'Convene', isOrganizer: true }, source: 'api' } as const;
const event = '/events/oct2022-ptg';

describe('a draft event', () => {
  it('is missing from every public read: pages, JSON, the stream and the feeds; organisers still see its audit log', async () => {
    expect((await site().ops.updateEvent('oct2022-ptg', organiser, { status: 'draft' })).ok).toBe(true);
    try {
      for (const url of [
        event,
        `${event}/board`,
        `/api/v1${event}`,
        `/api/v1${event}/teams`,
        `/api/v1${event}/schedule`,
        `/api/v1${event}/board`,
        `/api/v1${event}/stream`,
        `${event}/calendar.ics`,
        `${event}/schedule.xml`,
        `${event}/schedule.json`,
        `${event}/ptg.json`,
      ]) {
        expect((await site().app.inject({ url })).statusCode, url).toBe(404);
      }
      expect((await site().app.inject({ url: '/api/v1/events' })).json().events).toEqual([]);
      const audit = await site().app.inject({
        url: `/api/v1${event}/audit?limit=1`,
        headers: { authorization: `Bearer ${site().token}` },
      });
      expect(audit.statusCode).toBe(200);
    } finally {
      await site().ops.updateEvent('oct2022-ptg', organiser, { status: 'published' });
    }
  });
});
