import { describe, expect, it } from 'vitest';
import { signedInClient } from '../../../../../test/support/people.ts';
import { useTestSite } from '../../../../../test/support/web.ts';

const site = useTestSite();

describe('report page', () => {
  it('draws each public chart as an SVG image named by its title and description, with no inline style', async () => {
    const state = (await site().runtime.models.get('oct2022-ptg'))!;
    for (const [email, at] of [
      ['ada@example.org', '2022-10-18T13:05:00Z'],
      ['bob@example.org', '2022-10-18T13:40:00Z'],
      ['cy@example.org', '2022-10-18T14:10:00Z'],
    ] as const) {
      const { user } = await signedInClient(site(), email);
      await site().runtime.store.personal.saveCheckIn(state.event.id, {
        userId: user.id,
        teamId: state.teams[0]!.id,
        place: null,
        at,
        outAt: null,
      });
    }
    const page = await site().app.inject({ url: '/events/oct2022-ptg/report' });
    expect(page.statusCode).toBe(200);
    for (const id of ['team-hours', 'check-ins-per-hour', 'room-use', 'windows']) {
      expect(page.body).toContain(`<svg`);
      expect(page.body).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(page.body).toContain(`href="/events/oct2022-ptg/report/${id}.csv"`);
    }
    expect(page.body).not.toContain('<style');
    expect(page.body).not.toContain('registrations-by-role');
    expect(page.body).not.toContain('registrations-over-time');
    expect(page.body).toMatch(/<dt>Teams that met<\/dt><dd>\d+<\/dd>/);
  });

  it('serves a chart’s table as CSV, and answers a table it does not have with 404', async () => {
    const hours = await site().app.inject({ url: '/events/oct2022-ptg/report/check-ins-per-hour.csv' });
    expect(hours.body.split('\r\n').slice(0, 3)).toEqual([
      '\ufeffHour (UTC),Check-ins',
      '2022-10-18T13:00:00Z,2',
      '2022-10-18T14:00:00Z,1',
    ]);
    const csv = await site().app.inject({ url: '/events/oct2022-ptg/report/room-use.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe('\ufeffRoom,Hours booked,Hours open');
    const missing = await site().app.inject({ url: '/events/oct2022-ptg/report/registrations-by-role.csv' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('report page, for organisers', () => {
  it('adds registrations by role, by country and over time, each with its table and CSV', async () => {
    const { client } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    const page = await client.get('/events/oct2022-ptg/report');
    for (const id of ['registrations-by-role', 'registrations-by-country', 'registrations-over-time'])
      expect(page.html).toContain(`href="/events/oct2022-ptg/report/${id}.csv"`);
    const csv = await client.get('/events/oct2022-ptg/report/registrations-over-time.csv');
    expect(csv.status).toBe(200);
    expect(csv.html.split('\r\n')[0]).toMatch(
      /^\ufeffDay \(UTC\),Registered so far,contributor,operator,team-lead,other/,
    );
  });
});
