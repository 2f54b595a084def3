import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { artefactPath, describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { demoPages, freeCell, useTestSite } from '../../../../test/support/web.ts';

const site = useTestSite();
let base = '';
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  base = await site().app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'UTC' });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const event = '/events/oct2022-ptg';
const api = (path: string, method: string, body?: unknown) =>
  fetch(`${base}/api/v1${event}${path}`, {
    method,
    headers: { authorization: `Bearer ${site().token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Opens a page and waits until its live stream is connected. */
async function openLive(path: string, on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  await page.goto(`${base}${path}`);
  await page.locator('#live-status').waitFor({ state: 'visible' });
  return page;
}

describeWithBrowser('live pages in Chromium', () => {
  it('shows a topic posted through the API within a second, without reloading or losing the scroll', async () => {
    const page = await openLive(`${event}/board`);
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
      window.scrollTo(0, 300);
    });
    const posted = Date.now();
    expect((await api('/teams/nova/now', 'POST', { text: 'Placement API cleanup' })).status).toBe(200);
    await page
      .locator('#now-nova .card__topic')
      .getByText('Placement API cleanup')
      .waitFor({ timeout: 1000 });
    expect(Date.now() - posted).toBeLessThan(1000);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artefactPath('board.png') });
    await page.close();
  });

  it('shows a topic made of markup as text, and runs none of it', async () => {
    const page = await openLive(`${event}/board`);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const text = '<img src=x onerror=alert(1)>';
    await api('/teams/nova/now', 'POST', { text });
    const topic = page.locator('#now-nova .card__topic');
    await topic.getByText(text).waitFor({ timeout: 1000 });
    expect(await topic.textContent()).toBe(text);
    expect(await page.locator('#now-list img').count()).toBe(0);
    await page.reload();
    expect(await page.locator('#now-nova .card__topic').textContent()).toBe(text);
    expect(dialogs).toEqual([]);
    await api('/teams/nova/now', 'POST', { text: 'Placement API cleanup' });
    await page.close();
  });

  it('announces, politely, new topics of the teams the viewer follows and no others', async () => {
    const page = await openLive(`${event}/board`);
    const follow = page.locator('#now-nova [data-follow="nova"]');
    await follow.focus();
    await page.keyboard.press('Enter');
    expect(await follow.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite');
    await api('/teams/cinder/now', 'POST', { text: 'Not followed' });
    await page.locator('#now-cinder').waitFor({ timeout: 1000 });
    expect(await page.locator('#announcer').textContent()).toBe('');
    await api('/teams/nova/now', 'POST', { text: 'Unified limits' });
    await page
      .locator('#announcer')
      .getByText('Nova/Placement now: Unified limits')
      .waitFor({ timeout: 1000 });
    expect(await page.locator('#now-nova [data-follow="nova"]').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('changes a free schedule cell into the booking team when a booking is made through the API', async () => {
    const schedule = await (await fetch(`${base}/api/v1${event}/schedule`)).json();
    const cell = freeCell(schedule, 'nova');
    const slot = schedule.slots.find((candidate: { code: string }) => candidate.code === cell.slot);
    const page = await openLive(`${event}/schedule?day=${slot.day}`);
    const td = page.locator(`#cell-${cell.room}-${cell.slot}`);
    expect(await td.textContent()).toBe(`Free ${cell.room}-${cell.slot}`);
    const response = await api('/bookings', 'POST', {
      team: 'nova',
      room: cell.room,
      slot: cell.slot,
      override: true,
    });
    expect(response.status).toBe(201);
    await td.locator('a.team-nova').waitFor({ timeout: 1000 });
    expect(await td.textContent()).toBe('Nova/Placement');
    await page.close();
  });

  it('shows times in the zone picked in the switcher, at once and with UTC beside', async () => {
    const page = await openLive(`${event}/schedule?day=2022-10-18`);
    const first = page.locator('#slot-tue13 th');
    expect(await first.textContent()).toContain('13:00–14:00 UTC');
    await page.locator('#tz').selectOption('Asia/Tokyo');
    await page.waitForFunction(() =>
      document.querySelector('#slot-tue13 th')?.textContent?.startsWith('22:00'),
    );
    expect(await first.textContent()).toBe('22:00–23:00 (13:00–14:00 UTC)');
    expect(page.url()).toContain('tz=Asia%2FTokyo');
    await page.close();
  });

  it('shows a first-time visitor the times of their own zone', async () => {
    const paris = await browser.newContext({ timezoneId: 'Europe/Paris' });
    const page = await openLive(`${event}/schedule?day=2022-10-18`, paris);
    await page.waitForFunction(() =>
      document.querySelector('#slot-tue13 th')?.textContent?.startsWith('15:00'),
    );
    expect(await page.locator('#slot-tue13 th').textContent()).toBe('15:00–16:00 (13:00–14:00 UTC)');
    await paris.close();
  });

  it('leaves the schedule, team page and room display as pictures for people to judge', async () => {
    // A fresh browser profile in UTC, as a projector in the event's zone would show them.
    const projector = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'UTC' });
    const schedule = await openLive(`${event}/schedule?day=2022-10-18`, projector);
    await schedule.screenshot({ path: artefactPath('schedule.png') });
    await schedule.close();
    const team = await openLive(`${event}/teams/nova`, projector);
    await team.screenshot({ path: artefactPath('team.png'), fullPage: true });
    await team.close();
    const display = await openLive(`${event}/rooms/bexar/display`, projector);
    await display.screenshot({ path: artefactPath('room-display.png') });
    await projector.close();
  });

  it('reaches the main content from the skip link, by keyboard', async () => {
    const page = await context.newPage();
    await page.goto(`${base}${event}/board`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it.each([...demoPages, '/events/nope'])(
    'finds no serious or critical accessibility problem on %s (axe)',
    async (path) => {
      const page = await context.newPage();
      await page.goto(`${base}${path}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
