import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../../../test/support/web.ts';

const site = useTestSite();
const who = { actor: { userId: null, name: 'Convene', isOrganizer: true }, source: 'api' } as const;

describe('board page', () => {
  it('shows a topic with markup as text, and links its #team mentions and http(s) addresses only', async () => {
    const text =
      '<img src=x onerror=alert(1)> with #cinder, see https://review.opendev.org/123 javascript:alert(1)';
    expect((await site().ops.setNow('oct2022-ptg', who, { team: 'nova', text })).ok).toBe(true);
    const html = (await site().app.inject({ url: '/events/oct2022-ptg/board' })).body;
    expect(html).toContain('&lt;img src=x onerror=alert(1)> with ');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<a href="/events/oct2022-ptg/teams/cinder">#cinder</a>');
    expect(html).toContain('<a href="https://review.opendev.org/123" rel="nofollow noopener">');
    expect(html).not.toContain('href="javascript');
  });

  it('isolates each topic in <bdi> and each team name with dir=auto, so right-to-left text cannot reorder its neighbours', async () => {
    const text = 'مرحبا placement';
    expect((await site().ops.setNow('oct2022-ptg', who, { team: 'nova', text })).ok).toBe(true);
    const html = (await site().app.inject({ url: '/events/oct2022-ptg/board' })).body;
    expect(html).toContain(`<bdi>${text}</bdi>`);
    expect(html).toMatch(
      /<a class="badge team-nova" dir="auto" href="\/events\/oct2022-ptg\/teams\/nova">Nova\/Placement<\/a>/,
    );
  });

  it('counts the people checked in with a team on its card, without naming them', async () => {
    expect((await site().ops.setNow('oct2022-ptg', who, { team: 'nova', text: 'Placement' })).ok).toBe(true);
    const checkIn = await site().app.inject({
      method: 'POST',
      url: '/api/v1/events/oct2022-ptg/commands',
      headers: { authorization: `Bearer ${site().token}` },
      payload: { text: '+in #nova' },
    });
    expect(checkIn.statusCode).toBe(200);
    const html = (await site().app.inject({ url: '/events/oct2022-ptg/board' })).body;
    const card = html.slice(
      html.indexOf('id="now-nova"'),
      html.indexOf('</li>', html.indexOf('id="now-nova"')),
    );
    expect(card).toContain('1 person checked in');
    expect(card).not.toContain('Olive');
  });

  it('marks the current slot and offers the way to it in the schedule', async () => {
    const html = (await site().app.inject({ url: '/events/oct2022-ptg/board' })).body;
    expect(html).toContain('<strong>Now:</strong>');
    expect(html).toContain('href="/events/oct2022-ptg/schedule?day=2022-10-18#slot-tue14"');
  });

  it('follows the board view of the stream, from the revision it shows', async () => {
    const state = await site().runtime.models.get('oct2022-ptg');
    const html = (await site().app.inject({ url: '/events/oct2022-ptg/board' })).body;
    expect(html).toContain(
      `data-stream="/api/v1/events/oct2022-ptg/stream?views=board&amp;last_event_id=${state?.revision}"`,
    );
  });
});

describe('board page weight', () => {
  it('ships under 30 KB compressed (HTML, CSS and script), and paints without waiting for script', async () => {
    const compressed = async (url: string) => {
      const response = await site().app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.statusCode).toBe(200);
      return response.rawPayload.length;
    };
    const html = (await site().app.inject({ url: '/events/oct2022-ptg/board' })).body;
    const linked = [
      ...html.matchAll(/<(?:link rel="stylesheet"|script type="module") (?:href|src)="([^"]+)"/g),
    ].map((match) => match[1]!.replaceAll('&amp;', '&'));
    expect(linked).toHaveLength(3);
    let total = await compressed('/events/oct2022-ptg/board');
    for (const url of linked) total += await compressed(url);
    expect(total).toBeLessThan(30 * 1024);
    expect(html).not.toMatch(/<script(?![^>]*type="module")/);
  });
});

describe('board page as time passes', () => {
  it('shows the new current slot once the clock passes the slot boundary, with no change made', async () => {
    const before = (await site().app.inject({ url: '/events/oct2022-ptg/board' })).body;
    expect(before).toContain('2022-10-18T14:00:00Z');
    site().clock.set('2022-10-18T15:00:30Z');
    const after = (await site().app.inject({ url: '/events/oct2022-ptg/board' })).body;
    expect(after).toContain('schedule?day=2022-10-18#slot-tue15');
    site().clock.set('2022-10-18T14:20:00Z');
  });
});
