import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { artefactPath, describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { type ServerProcess, startServerProcess } from '../../../../test/support/server-process.ts';

/**
 * A new organiser's first event, in Chromium, against `convene serve` started without `--demo` on an
 * empty database: the first-organiser link from the log, New event, the grid, rooms and texts, a
 * look at the draft, then publishing it; the public pages, the API and every feed then show it.
 */
describeWithBrowser('an organiser’s first event on an empty installation', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let organiser: BrowserContext;
  let page: Page;
  const slug = 'apr2027-ptg';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'convene-first-event-'));
    server = await startServerProcess({
      DATABASE_URL: `sqlite:${join(dir, 'convene.sqlite')}`,
      CONVENE_NOW: '2027-03-01T12:00:00Z',
    });
    browser = await launchBrowser();
    organiser = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
    page = await organiser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const visitor = async (path: string) => {
    const context = await browser.newContext();
    const seen = await context.newPage();
    const response = await seen.goto(`${server.url}${path}`);
    const result = {
      status: response?.status(),
      title: await seen.title(),
      text: await seen.textContent('main'),
    };
    await context.close();
    return result;
  };

  it('starts with nothing published: the front page says so and points to the console', async () => {
    const seen = await visitor('/');
    expect(seen.text).toContain('No event is coming up yet');
    for (const path of ['/', '/events']) {
      await page.goto(`${server.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  it('makes the first organiser from the link in the log, and creates a draft with New event', async () => {
    const link = /https?:\/\/\S+\/signin\/first-organizer\?token=[^\s"]+/.exec(server.log())?.[0];
    expect(link).toBeDefined();
    await page.goto(`${server.url}${new URL(link as string).pathname}${new URL(link as string).search}`);
    await page.getByLabel('Name', { exact: true }).fill('Olive Organiser');
    await page.getByLabel('E-mail address').fill('olive@example.org');
    await page.getByRole('button', { name: 'Become an organiser' }).click();
    await page.waitForURL(`${server.url}/organise`);

    await page.getByRole('link', { name: 'New event' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    const form = page.locator('form[action="/organise/events/new"]');
    await form.getByLabel('Title').fill('Project Teams Gathering, April 2027');
    await form.getByLabel('Short name').fill(slug);
    await form.getByLabel('First day').fill('2027-04-05');
    await form.getByLabel('Last day').fill('2027-04-09');
    await form.getByLabel('Time zone').selectOption('America/New_York');
    await form
      .getByLabel('Windows of each day, one a line')
      .fill('09:00-13:00 Americas / Europe\n20:00-22:00 Asia / Pacific');
    await form.getByLabel('Rooms, one a line').fill('Bexar\nCactus');
    await form.getByLabel('Hours per team and UTC day').fill('4');
    await form.getByRole('button', { name: 'Create the draft' }).click();
    await page.waitForURL(`${server.url}/events/${slug}/organise?done=created`);
    expect(await page.textContent('main')).toContain('The draft is ready.');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fills in the texts, a room’s link and checks the grid in the console', async () => {
    await page.getByRole('link', { name: 'Settings and content' }).click();
    await page.getByLabel('About the event (Markdown)').fill('Teams plan their next cycle together.');
    await page.getByLabel('Contact address').fill('ptg@example.org');
    await page.getByRole('button', { name: /Save/ }).first().click();
    await page.waitForURL(/organise\/settings\?done=saved$/);
    expect(await page.getByLabel('About the event (Markdown)').inputValue()).toBe(
      'Teams plan their next cycle together.',
    );

    await page.getByRole('link', { name: 'Rooms' }).click();
    await page.getByRole('link', { name: /Bexar/ }).first().click();
    await page.getByLabel(/Video link/).fill('https://meet.example.org/bexar');
    await page.getByRole('button', { name: 'Save the room' }).click();

    const schedule = await (await fetch(`${server.url}/api/v1/events/${slug}/schedule`)).status;
    expect(schedule).toBe(404);
    await page.goto(`${server.url}/events/${slug}/schedule?day=2027-04-06`);
    const grid = await page.textContent('main');
    expect(grid).toContain('Draft — only organisers see this.');
    expect(grid).toContain('Bexar');
    await page.screenshot({ path: artefactPath('first-event-draft-schedule.png'), fullPage: true });
  });

  it('previews the draft, which everyone else is told does not exist, then publishes it', async () => {
    await page.goto(`${server.url}/events/${slug}`);
    expect(await page.textContent('main')).toContain('Draft — only organisers see this.');
    expect((await visitor(`/events/${slug}`)).status).toBe(404);
    expect((await visitor(`/events/${slug}`)).title).toBe((await visitor('/events/nothing-here')).title);

    await page.goto(`${server.url}/events/${slug}/organise`);
    await page.getByRole('button', { name: 'Publish: everyone sees it' }).click();
    expect(await page.textContent('main')).toContain('Published: everyone sees the event now.');
  });

  it('shows the published event on the public pages, in the API and in every feed', async () => {
    const home = await visitor('/');
    expect(home.status).toBe(200);
    expect(home.title).toContain('Project Teams Gathering, April 2027');
    expect(home.text).toContain('Teams plan their next cycle together.');
    expect(home.text).not.toContain('Draft');
    for (const path of ['board', 'schedule', 'teams', 'rooms/bexar', 'help'])
      expect((await visitor(`/events/${slug}/${path}`)).status, path).toBe(200);

    const events = await (await fetch(`${server.url}/api/v1/events`)).json();
    expect(events.events.map((event: { slug: string }) => event.slug)).toEqual([slug]);
    const schedule = await (await fetch(`${server.url}/api/v1/events/${slug}/schedule`)).json();
    expect(schedule.rooms.map((room: { slug: string; url: string }) => [room.slug, room.url])).toEqual([
      ['bexar', 'https://meet.example.org/bexar'],
      ['cactus', null],
    ]);
    // 09:00 in New York is 13:00 UTC in April; 20:00 there is 00:00 UTC the next day.
    expect(schedule.slots.slice(0, 2).map((slot: { start: string }) => slot.start)).toEqual([
      '2027-04-05T13:00:00Z',
      '2027-04-05T14:00:00Z',
    ]);
    expect(schedule.slots.at(-1).start).toBe('2027-04-10T01:00:00Z');
    for (const feed of ['calendar.ics', 'schedule.xml', 'schedule.json', 'ptg.json']) {
      const response = await fetch(`${server.url}/events/${slug}/${feed}`);
      expect(response.status, feed).toBe(200);
    }
    expect(await (await fetch(`${server.url}/events/${slug}/schedule.json`)).text()).toContain(
      'Project Teams Gathering, April 2027',
    );
  });
});
