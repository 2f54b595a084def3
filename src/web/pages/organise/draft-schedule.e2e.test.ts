import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { linkTo, MailCatcher } from '../../../../test/support/mail-catcher.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { addUser, setModeratorByEmail } from '../../../app/people.ts';
import { systemActor } from '../../../core/model/actor.ts';
import type { Mailer } from '../../../mail/mailer.ts';

/**
 * The draft schedule in real Chromium against the whole site on loopback: a moderator says what the
 * team asks for, an organiser drafts the week, reads its cost and applies it, the schedule and the
 * board show it, and the moderator then moves one meeting by hand.
 */
const event = '/events/oct2022-ptg';
let base = '';
let site: TestSite;
let mail: MailCatcher;
let mailer: Mailer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mail = await MailCatcher.start();
  mailer = mail.mailer();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await openTestSite(demoNow, {
    deps: { baseUrl: base, mailer, rateLimits: { signIn: 100, forms: 100 } },
  });
  const system = { actor: systemActor, source: 'cli' as const };
  const added = await addUser(site.runtime, { email: 'nia@example.org', name: 'Nia Nova' });
  if (!added.ok) throw new Error(added.refusal.message);
  const made = await setModeratorByEmail(site.runtime, system, {
    event: 'oct2022-ptg',
    team: 'nova',
    email: 'nia@example.org',
    moderator: true,
  });
  if (!made.ok) throw new Error(made.refusal.message);
  await site.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
  mailer?.close();
  await mail?.close();
});

async function person(email: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  await page.getByLabel('E-mail address').fill(email);
  const sent = mail.messages.length;
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  const message = await mail.waitFor(
    email,
    (m) => m.subject === 'Your sign-in link for Convene' && mail.messages.indexOf(m) >= sent,
  );
  await page.goto(linkTo(message, '/signin/link'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('load');
  return page;
}

async function notice(page: Page): Promise<string> {
  return (await page.getByRole('status').first().textContent()) ?? '';
}

interface ScheduleJson {
  rooms: { slug: string }[];
  slots: { id: string; code: string; start: string }[];
  bookings: { id: string; team: string; room: string; slot: string }[];
}

describeWithBrowser('the draft schedule in Chromium', () => {
  it('a moderator says what Nova asks, an organiser drafts and applies, the schedule and board show it, and the moderator moves a meeting', async () => {
    const moderator = await person('nia@example.org', `${event}/teams/nova/manage`);
    await moderator.getByLabel('Hours wanted').fill('14');
    await moderator.getByLabel('Americas / Europe (13:00–17:00 UTC)').check();
    await moderator.getByRole('checkbox', { name: 'Neutron' }).check();
    await moderator.getByRole('button', { name: 'Save what we ask' }).click();
    expect(await notice(moderator)).toContain('What the team asks of the draft schedule is saved');

    const organiser = await person('olive@example.org', `${event}/organise/draft`);
    expect(await seriousViolations(organiser)).toEqual([]);
    await organiser.getByLabel('Search for').selectOption('5');
    await organiser.getByRole('button', { name: 'Draft the schedule' }).click();
    await organiser.getByRole('heading', { name: 'Draft schedule' }).waitFor();
    const summary = (await organiser.locator('#draft-summary').textContent()) ?? '';
    expect(summary).toMatch(/^Cost \d+: \d+ hours? asked for and not booked, clashes weighing \d+/);
    const compare = await organiser.locator('#draft-compare').textContent();
    expect(compare).toContain('Bookings now');
    expect(await seriousViolations(organiser)).toEqual([]);
    const draftPath = new URL(organiser.url()).pathname;
    const draftId = draftPath.split('/').at(-1) as string;
    const draft = (
      await site.app.inject({
        method: 'GET',
        url: `/api/v1${event}/schedule/draft/${draftId}`,
        headers: { authorization: `Bearer ${site.token}` },
      })
    ).json().draft as {
      bookings: { team: string; room: string; slot: string }[];
      words: { unmet: string[] };
    };
    const novaHours = draft.bookings.filter((booking) => booking.team === 'nova');
    for (const line of draft.words.unmet)
      expect(await organiser.locator('#draft-words').textContent()).toContain(line);
    await organiser.getByRole('button', { name: 'Apply the draft' }).click();
    expect(await notice(organiser)).toContain('The draft is applied');

    const schedule = (
      await site.app.inject({ method: 'GET', url: `/api/v1${event}/schedule` })
    ).json() as ScheduleJson;
    const codeOf = new Map(schedule.slots.map((slot) => [slot.id, slot.code]));
    const novaNow = schedule.bookings
      .filter((booking) => booking.team === 'nova')
      .map((booking) => ({ team: 'nova', room: booking.room, slot: codeOf.get(booking.slot) }));
    expect(novaNow).toEqual(expect.arrayContaining(novaHours));
    expect(novaNow).toHaveLength(novaHours.length);
    const future = novaHours
      .map((booking) => ({
        ...booking,
        start: schedule.slots.find((slot) => slot.code === booking.slot)!.start,
      }))
      .filter((booking) => booking.start > demoNow)
      .sort((a, b) => (a.start < b.start ? -1 : 1));
    const first = future[0]!;
    await organiser.goto(`${base}${event}/schedule?day=${first.start.slice(0, 10)}`);
    await expect(organiser.locator(`#cell-${first.room}-${first.slot}`).textContent()).resolves.toContain(
      'Nova',
    );

    site.clock.set(first.start);
    const posted = await site.ops.setNow(
      'oct2022-ptg',
      { actor: systemActor, source: 'cli' },
      { team: 'nova', text: 'Drafted week' },
    );
    expect(posted.ok).toBe(true);
    await organiser.goto(`${base}${event}/board`);
    await expect(organiser.locator('#now-nova').textContent()).resolves.toMatch(/Nova[\s\S]*in/);
    await expect(organiser.locator('#now-nova .card__room').textContent()).resolves.toContain(
      (await site.runtime.models.get('oct2022-ptg'))!.rooms.find((room) => room.slug === first.room)!.name,
    );

    site.clock.set(demoNow);
    await moderator.goto(`${base}${event}/teams/nova/manage`);
    const last = future.at(-1)!;
    await moderator.locator('#bookings li').last().getByRole('button', { name: 'Release' }).click();
    expect(await notice(moderator)).toContain('Released');
    const free = schedule.slots.find(
      (slot) =>
        slot.start > demoNow &&
        !novaHours.some((booking) => booking.slot === slot.code) &&
        schedule.bookings.every((booking) => !(booking.slot === slot.id && booking.room === last.room)),
    );
    expect(free).toBeDefined();
    const bookForm = moderator.locator('section[aria-labelledby="book-heading"]');
    await bookForm.getByLabel('Slot', { exact: true }).selectOption(free!.code);
    await bookForm.getByLabel('Room', { exact: true }).selectOption(last.room);
    await bookForm.getByRole('button', { name: 'Book', exact: true }).click();
    expect(await notice(moderator)).toContain('Booked');
    const after = (
      await site.app.inject({ method: 'GET', url: `/api/v1${event}/schedule` })
    ).json() as ScheduleJson;
    const moved = after.bookings
      .filter((booking) => booking.team === 'nova')
      .map((booking) => codeOf.get(booking.slot));
    expect(moved).toContain(free!.code);
    expect(moved).not.toContain(last.slot);
    expect(moved).toHaveLength(novaHours.length);
  });
});
