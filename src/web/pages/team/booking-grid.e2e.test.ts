import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { artefactPath, describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { moderatorSecret } from '../../../../test/support/people.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { addUser } from '../../../app/people.ts';
import { openSession } from '../../../app/sessions.ts';
import { systemActor } from '../../../core/model/actor.ts';
import { sessionCookie } from '../../plugins/session.ts';

/**
 * The booking grid in real Chromium: a moderator of nova books four hours with the mouse and four
 * with the keyboard alone, a range with an hour taken meanwhile books nothing and says why, the grid
 * passes axe and fits a phone. The demo stands on Tuesday; bexar is cleared on Wednesday and
 * Thursday so nova (4 h a day, 16 h in all) has room for both ranges, and diablo on Thursday for the
 * range that another booking breaks.
 */
const event = '/events/oct2022-ptg';
const manage = `${event}/teams/nova/manage`;
const system = { actor: systemActor, source: 'cli' as const };
let base = '';
let site: TestSite;
let browser: Browser;
let moderatorSession = '';
let organiserSession = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await openTestSite(demoNow, { deps: { baseUrl: base, rateLimits: { signIn: 100, forms: 100 } } });
  moderatorSession = await moderatorSecret(site, { event: 'oct2022-ptg', team: 'nova' }, 'nia@example.org');
  const boss = await addUser(site.runtime, { email: 'boss@example.org', name: 'Boss', isOrganizer: true });
  if (!boss.ok) throw new Error(boss.refusal.message);
  organiserSession = (await openSession(site.runtime, boss.value.id, 'email')).secret;
  const state = (await site.runtime.models.get('oct2022-ptg'))!;
  const roomId = (slug: string) => state.rooms.find((room) => room.slug === slug)?.id;
  const cleared = state.bookings.filter((booking) => {
    const start = state.slots.find((slot) => slot.id === booking.slotId)?.start ?? '';
    const thursday = start.startsWith('2022-10-20');
    if (booking.roomId === roomId('diablo')) return thursday;
    return booking.roomId === roomId('bexar') && (start.startsWith('2022-10-19') || thursday);
  });
  for (const booking of cleared) await site.ops.unbookSlot('oct2022-ptg', system, { bookingId: booking.id });
  await site.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
});

async function moderator(
  options: { width: number; height: number; touch?: boolean },
  session = moderatorSession,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    hasTouch: options.touch ?? false,
    timezoneId: 'UTC',
  });
  contexts.push(context);
  await context.addCookies([{ name: sessionCookie, value: session, url: base }]);
  return context.newPage();
}

async function novaCells(day: string): Promise<string[]> {
  const state = (await site.runtime.models.get('oct2022-ptg'))!;
  const nova = state.teams.find((team) => team.slug === 'nova')!;
  return state.bookings
    .filter((booking) => booking.teamId === nova.id)
    .flatMap((booking) => {
      const slot = state.slots.find((candidate) => candidate.id === booking.slotId)!;
      const room = state.rooms.find((candidate) => candidate.id === booking.roomId)!;
      return slot.start.startsWith(day) ? [`${room.slug}-${slot.code}`] : [];
    })
    .sort();
}

const box = (page: Page, reference: string) => page.locator(`input[name="cell"][value="${reference}"]`);

describeWithBrowser('the booking grid in Chromium', () => {
  it('a range with an hour taken meanwhile books nothing, and says which hour and why', async () => {
    const page = await moderator({ width: 1280, height: 900 });
    await page.goto(`${base}${manage}?day=2022-10-20`);
    await box(page, 'diablo-thu13').click();
    await box(page, 'diablo-thu16').click({ modifiers: ['Shift'] });
    await expect(page.locator('#grid-selection').textContent()).resolves.toBe(
      'Ticked: 4 hours in diablo (diablo-thu13 to diablo-thu16).',
    );
    const taken = await site.ops.bookSlot('oct2022-ptg', system, {
      team: 'cinder',
      room: 'diablo',
      slot: 'thu15',
    });
    expect(taken.ok).toBe(true);
    await page.getByRole('button', { name: 'Book the ticked hours' }).click();
    const problem = page.locator('#form-error');
    await expect(problem.locator('p').textContent()).resolves.toBe(
      'Nothing was booked: 1 hour of 4 cannot be booked.',
    );
    await expect(problem.locator('li').allTextContents()).resolves.toEqual([
      'diablo-thu13: diablo-thu13 could be booked, but nothing was, because of the other hours.',
      'diablo-thu14: diablo-thu14 could be booked, but nothing was, because of the other hours.',
      'diablo-thu15: diablo is already booked by cinder on Thu 20 Oct 15:00–16:00 UTC.',
      'diablo-thu16: diablo-thu16 could be booked, but nothing was, because of the other hours.',
    ]);
    expect(await novaCells('2022-10-20')).toEqual([]);
    // The grid comes back on the same day with the boxes still ticked, but the taken hour greyed.
    await expect(box(page, 'diablo-thu13').isChecked()).resolves.toBe(true);
    await expect(box(page, 'diablo-thu15').count()).resolves.toBe(0);
  });

  it('a moderator books four hours with the mouse: click the first hour, shift-click the last', async () => {
    const page = await moderator({ width: 1280, height: 900 });
    await page.goto(`${base}${manage}?day=2022-10-20`);
    await box(page, 'bexar-thu13').click();
    await box(page, 'bexar-thu16').click({ modifiers: ['Shift'] });
    await page.getByRole('button', { name: 'Book the ticked hours' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('Booked the ticked hours.');
    expect(page.url()).toContain('day=2022-10-20');
    expect(await novaCells('2022-10-20')).toEqual([
      'bexar-thu13',
      'bexar-thu14',
      'bexar-thu15',
      'bexar-thu16',
    ]);
    await page.goto(`${base}${manage}?day=2022-10-20`);
    await expect(page.locator('tr[data-slot="thu13"] .cell--own').count()).resolves.toBe(1);
    await page.screenshot({ path: artefactPath('booking-grid.png'), fullPage: true });
  });

  it('a moderator books four hours with the keyboard alone', async () => {
    const page = await moderator({ width: 1280, height: 900 });
    await page.goto(`${base}${manage}?day=2022-10-19`);
    // Tab to the grid's one stop in the tab order, then walk with the arrow keys to bexar at 13:00.
    for (let presses = 0; presses < 200; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('[data-booking-grid] table') !== null))
        break;
    }
    const where = () =>
      page.evaluate(() => {
        const cell = document.activeElement?.closest('td');
        const row = cell?.closest('tr');
        return {
          slot: row?.dataset.slot ?? '',
          column: cell ? Array.from(row?.children ?? []).indexOf(cell) : -1,
        };
      });
    const target = await page.evaluate(() => {
      const row = document.querySelector('tr[data-slot="wed13"]');
      const cell = row?.querySelector('input[value="bexar-wed13"]')?.closest('td');
      return Array.from(row?.children ?? []).indexOf(cell as Element);
    });
    const rows = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-booking-grid] tbody tr[data-slot]')).map(
        (row) => (row as HTMLElement).dataset.slot,
      ),
    );
    let at = await where();
    while (at.slot !== 'wed13') {
      await page.keyboard.press(rows.indexOf(at.slot) < rows.indexOf('wed13') ? 'ArrowDown' : 'ArrowUp');
      at = await where();
    }
    while (at.column !== target) {
      await page.keyboard.press(at.column < target ? 'ArrowRight' : 'ArrowLeft');
      at = await where();
    }
    await page.keyboard.press('Space');
    for (let hour = 0; hour < 3; hour++) await page.keyboard.press('Shift+ArrowDown');
    await expect(page.locator('#grid-selection').textContent()).resolves.toBe(
      'Ticked: 4 hours in bexar (bexar-wed13 to bexar-wed16).',
    );
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Book the ticked hours',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=book-range/);
    expect(await novaCells('2022-10-19')).toEqual([
      'bexar-wed13',
      'bexar-wed14',
      'bexar-wed15',
      'bexar-wed16',
    ]);
  });

  it('greys what booking would refuse, with the reason shown on focus, and passes axe', async () => {
    const page = await moderator({ width: 1280, height: 900 });
    await page.goto(`${base}${manage}?day=2022-10-21`);
    const refused = page.locator('tr[data-slot="fri13"] td.cell--refused').first();
    await expect(refused.getAttribute('title')).resolves.toMatch(/already|limit/);
    const reason = refused.locator('.cell__reason');
    expect((await reason.boundingBox())?.width ?? 0).toBeLessThan(2);
    await refused.focus();
    expect((await reason.boundingBox())?.width ?? 0).toBeGreaterThan(20);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('organisers reach every team’s grid, with the rules to set aside, from the console, which passes axe', async () => {
    const page = await moderator({ width: 1280, height: 900 }, organiserSession);
    await page.goto(`${base}${event}/organise`);
    await page.getByRole('link', { name: 'Book for teams' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Book for nova' }).click();
    await page.getByRole('group', { name: 'Organisers: set the rules aside' }).waitFor();
    await expect(page.locator('.cell--override').count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fits a phone: the page does not scroll sideways, the grid scrolls in its frame, and a tap ticks', async () => {
    const page = await moderator({ width: 375, height: 740, touch: true });
    // Tuesday evening: the hours nova can still take after the ranges booked above.
    await page.goto(`${base}${manage}?day=2022-10-18`);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    const cell = page.locator('input[name="cell"]').last();
    await cell.scrollIntoViewIfNeeded();
    const size = await cell.locator('xpath=ancestor::label').boundingBox();
    expect(size?.height ?? 0).toBeGreaterThanOrEqual(44);
    await cell.tap();
    await expect(cell.isChecked()).resolves.toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
