import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../../../../test/support/web.ts';

const site = useTestSite();

describe('report page', () => {
  it('draws each public chart as an SVG image named by its title and description, with no inline style', async () => {
    const page = await site().app.inject({ url: '/events/oct2022-ptg/report' });
    expect(page.statusCode).toBe(200);
    for (const id of ['team-hours', 'room-use', 'windows']) {
      expect(page.body).toContain(`<svg`);
      expect(page.body).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(page.body).toContain(`href="/events/oct2022-ptg/report/${id}.csv"`);
    }
    expect(page.body).not.toContain('<style');
    expect(page.body).not.toContain('registrations-by-role');
    expect(page.body).toMatch(/<dt>Teams that met<\/dt><dd>\d+<\/dd>/);
  });

  it('serves a chart’s table as CSV, and answers a table it does not have with 404', async () => {
    const csv = await site().app.inject({ url: '/events/oct2022-ptg/report/room-use.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe('\ufeffRoom,Hours booked,Hours open');
    const missing = await site().app.inject({ url: '/events/oct2022-ptg/report/registrations-by-role.csv' });
    expect(missing.statusCode).toBe(404);
  });
});
