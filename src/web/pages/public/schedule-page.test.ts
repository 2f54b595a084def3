import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../../../test/support/web.ts';

const site = useTestSite();
const get = (url: string, headers: Record<string, string> = {}) => site().app.inject({ url, headers });

describe('schedule page', () => {
  it('opens on today, with a tab per day of the event', async () => {
    const html = (await get('/events/oct2022-ptg/schedule')).body;
    expect(html).toContain('aria-current="page">Tue 18 Oct<span class="tabs__today"> (today)</span>');
    expect(html.match(/schedule\?day=2022-10-\d\d"/g)).toHaveLength(5);
  });

  it('shows a free cell as free, with the reference that books it', async () => {
    const html = (await get('/events/oct2022-ptg/schedule?day=2022-10-21')).body;
    expect(html).toMatch(
      /<td class="cell cell--free" id="cell-([a-z]+-fri\d+)"><span class="cell__free">Free<\/span> <code class="cell__ref">\1<\/code><\/td>/,
    );
  });

  it('shows times in the zone asked for, with UTC beside, and remembers the zone', async () => {
    const response = await get('/events/oct2022-ptg/schedule?day=2022-10-18&tz=Asia/Tokyo');
    expect(response.body).toContain('<time datetime="2022-10-18T13:00:00Z">22:00</time>');
    expect(response.body).toContain('(13:00–14:00 UTC)');
    expect(response.headers['set-cookie']).toBe('tz=Asia%2FTokyo; Path=/; Max-Age=31536000; SameSite=Lax');
    const remembered = await get('/events/oct2022-ptg/schedule?day=2022-10-18', {
      cookie: 'tz=Asia%2FTokyo',
    });
    expect(remembered.body).toContain('<time datetime="2022-10-18T13:00:00Z">22:00</time>');
  });

  it('names the local day of a slot that falls on another day in the viewer’s zone', async () => {
    const html = (await get('/events/oct2022-ptg/schedule?day=2022-10-18&tz=Asia/Tokyo')).body;
    expect(html).toContain('<time datetime="2022-10-18T15:00:00Z">Wed 19 Oct 00:00</time>');
    expect(html).toContain('<time datetime="2022-10-18T14:00:00Z">23:00</time>');
  });

  it('ignores a zone it does not know and shows the event’s', async () => {
    const response = await get('/events/oct2022-ptg/schedule?day=2022-10-18&tz=Mars/Olympus');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).toContain('<time datetime="2022-10-18T13:00:00Z">13:00</time>');
  });

  it('names the windows of the day', async () => {
    const html = (await get('/events/oct2022-ptg/schedule?day=2022-10-18')).body;
    for (const window of ['APAC / Europe', 'Americas / Europe', 'APAC / Americas'])
      expect(html).toContain(window);
  });
});
