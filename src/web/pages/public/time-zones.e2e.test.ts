import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { updateAccount } from '../../../app/account.ts';
import { addUser } from '../../../app/people.ts';
import { openSession } from '../../../app/sessions.ts';
import { sessionCookie } from '../../plugins/session.ts';

/**
 * The right time in Chromium: pages follow `?tz=`, then the signed-in person's zone, then the
 * browser's, then the event's; the zone select always lists and selects the zone in use; offsets
 * are those in force at the time shown, both of them over a week that crosses a change. The demo
 * stands on Tuesday 18 October 2022, when London keeps summer time and St John's is at UTC−2:30.
 */
let base = '';
let site: TestSite;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await openTestSite(demoNow, { deps: { baseUrl: base } });
  await site.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
  const api = (path: string, method: string, body: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${site.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const created = await api('/events', 'POST', {
    slug: 'autumn-ptg',
    title: 'Autumn PTG',
    starts_on: '2022-10-28',
    ends_on: '2022-11-01',
    time_zone: 'UTC',
    slot_minutes: 60,
    windows: [{ name: 'Afternoon', start: '13:00', end: '15:00' }],
    rooms: ['kilo'],
    caps: { per_day_hours: 4, total_hours: 16 },
  });
  expect(created.status).toBe(201);
  expect((await api('/events/autumn-ptg', 'PATCH', { status: 'published' })).status).toBe(200);
  const organiser = { actor: { userId: null, name: 'Convene', isOrganizer: true }, source: 'api' } as const;
  const team = await site.ops.createTeam('autumn-ptg', organiser, {
    name: 'Kilo Team',
    slug: 'kiloteam',
    kind: 'project',
    crossProject: false,
  });
  expect(team.ok).toBe(true);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
});

async function browserIn(timezoneId: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId });
  contexts.push(context);
  return context;
}

async function selectedZone(page: Page): Promise<{ value: string; label: string }> {
  return page.locator('#tz').evaluate((select: HTMLSelectElement) => ({
    value: select.value,
    label: select.selectedOptions[0]?.textContent ?? '',
  }));
}

describeWithBrowser('time zones in Chromium', () => {
  it('shows a viewer in America/St_Johns half-hour offsets, with that zone selected', async () => {
    const page = await (await browserIn('America/St_Johns')).newPage();
    await page.goto(`${base}/events/oct2022-ptg/board`);
    await page.waitForFunction(
      () => (document.getElementById('tz') as HTMLSelectElement).value === 'America/St_Johns',
    );
    expect(await selectedZone(page)).toEqual({
      value: 'America/St_Johns',
      label: 'America/St Johns (GMT-2:30)',
    });
    const now = await page.locator('#slot-now').textContent();
    expect(now).toContain('11:30');
    expect(now).toContain('(14:00–15:00 UTC)');
    await page.goto(`${base}/events/oct2022-ptg/schedule`);
    expect((await selectedZone(page)).value).toBe('America/St_Johns');
    expect(await page.locator('#zone-hint').textContent()).toContain('Times in America/St Johns (GMT-2:30)');
  });

  it('puts ?tz= first, then the signed-in person’s zone, above the browser’s', async () => {
    const context = await browserIn('America/St_Johns');
    const added = await addUser(site.runtime, { email: 'tokyo@example.org', name: 'Kay' });
    if (!added.ok) throw new Error(added.refusal.message);
    const who = {
      actor: { userId: added.value.id, name: 'Kay', isOrganizer: false },
      source: 'web',
    } as const;
    expect(
      (await updateAccount(site.runtime, who, { name: 'Kay', ircNick: '', timeZone: 'Asia/Tokyo' })).ok,
    ).toBe(true);
    const { secret } = await openSession(site.runtime, added.value.id, 'email');
    await context.addCookies([{ name: sessionCookie, value: secret, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/events/oct2022-ptg/board`);
    await page.locator('#live-status').waitFor({ state: 'visible' });
    expect(await selectedZone(page)).toEqual({ value: 'Asia/Tokyo', label: 'Asia/Tokyo (GMT+9)' });
    await page.goto(`${base}/events/oct2022-ptg/board?tz=Pacific/Chatham`);
    expect(await selectedZone(page)).toEqual({
      value: 'Pacific/Chatham',
      label: 'Pacific/Chatham (GMT+13:45)',
    });
  });

  it('shows an event day after a daylight-saving change, viewed before it, with the later offset', async () => {
    const page = await (await browserIn('Europe/London')).newPage();
    await page.goto(`${base}/events/autumn-ptg/schedule?day=2022-11-01&tz=Europe/London`);
    expect(await selectedZone(page)).toEqual({ value: 'Europe/London', label: 'Europe/London (GMT)' });
    expect(await page.locator('#zone-hint').textContent()).toContain('Times in Europe/London (GMT)');
    await page.goto(`${base}/events/autumn-ptg/schedule?day=2022-10-28&tz=Europe/London`);
    expect((await selectedZone(page)).label).toBe('Europe/London (GMT+1)');
  });

  it('shows both offsets for a week that crosses the change, one where none falls in it', async () => {
    const page = await (await browserIn('Europe/London')).newPage();
    await page.goto(`${base}/events/autumn-ptg/teams/kiloteam?tz=Europe/London`);
    expect((await selectedZone(page)).label).toBe('Europe/London (GMT+1 / GMT)');
    expect(await page.locator('#tz option[value="America/New_York"]').textContent()).toBe(
      'America/New York (GMT-4)',
    );
  });
});
