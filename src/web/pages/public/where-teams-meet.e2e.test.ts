import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { freeCell, useTestSite } from '../../../../test/support/web.ts';
import { addMinutes } from '../../../core/model/instant.ts';

/**
 * In Chromium: a team meeting without a topic shows on the board in its room, the team page and
 * the room page name the same room, Join is there for whoever may join, and the board passes axe.
 */
const site = useTestSite();
const event = '/events/oct2022-ptg';
const organiser = { actor: { userId: null, name: 'Convene', isOrganizer: true }, source: 'api' } as const;
let base = '';
let browser: Browser;

beforeAll(async () => {
  base = await site().app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describeWithBrowser('where teams meet, in Chromium', () => {
  it('shows a quiet team in its room on the board, and its page and the room page agree', async () => {
    const schedule = (await site().app.inject({ url: `/api/v1${event}/schedule` })).json();
    const cell = freeCell(schedule, 'tc', addMinutes(site().clock.now(), 24 * 60));
    const booked = await site().ops.bookSlot('oct2022-ptg', organiser, {
      team: 'tc',
      room: cell.room,
      slot: cell.slot,
      // tc's caps may be spent on the day of the free cell, which is not what this is about.
      override: true,
      reason: 'test',
    });
    expect(booked.ok).toBe(true);
    const start = schedule.slots.find((slot: { id: string }) => slot.id === cell.slotId).start;
    site().clock.set(addMinutes(start, 10));
    const roomName = schedule.rooms.find((room: { slug: string }) => room.slug === cell.room).name;
    const context = await browser.newContext({ timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.goto(`${base}${event}/board`);
    const card = page.locator('#now-tc');
    expect((await card.textContent())?.replace(/\s+/g, ' ')).toContain(
      `in ${roomName} — no topic posted yet`,
    );
    expect(await card.getByRole('link', { name: /^Join/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${base}${event}/teams/tc`);
    expect(await page.locator('#team-now').getByRole('link', { name: roomName }).count()).toBe(1);
    expect(await page.locator('#team-week tr.is-now').getByRole('link', { name: roomName }).count()).toBe(1);
    await page.goto(`${base}${event}/rooms/${cell.room}`);
    expect(await page.locator('#room-now .room-now__item').first().textContent()).toContain(
      'OpenStack Technical Committee',
    );
    await context.close();
  });
});
