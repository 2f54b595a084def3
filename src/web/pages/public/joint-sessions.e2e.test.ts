import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { demoNow, useTestSite } from '../../../../test/support/web.ts';

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
const api = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${base}/api/v1${event}${path}`, {
    method,
    headers: { authorization: `Bearer ${site().token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

interface SessionJson {
  id: string;
  teams: string[];
  start: string;
  end: string;
  cells: string[];
}

/** A session under way now with no guest, and an approved team that meets nowhere during it. */
async function sessionAndFreeTeam(): Promise<{ session: SessionJson; guest: string }> {
  const sessions: SessionJson[] = (await (await api('/sessions')).json()).sessions;
  const teams: { slug: string }[] = (await (await api('/teams')).json()).teams;
  for (const session of sessions) {
    if (!(session.start <= demoNow && demoNow < session.end) || session.teams.length > 1) continue;
    const busy = new Set(
      sessions
        .filter((other) => other.start < session.end && session.start < other.end)
        .flatMap((other) => other.teams),
    );
    const guest = teams.find((team) => !busy.has(team.slug));
    if (guest) return { session, guest: guest.slug };
  }
  throw new Error('the demo has no session under way with a free team to invite');
}

describeWithBrowser('joint sessions and the report in Chromium', () => {
  it('invites a team into a session under way; once it accepts, the board shows both teams live, and both team pages list it', async () => {
    const { session, guest } = await sessionAndFreeTeam();
    const [host] = session.teams as [string];
    const board = await context.newPage();
    await board.goto(`${base}${event}/board`);
    await board.locator('#live-status').waitFor({ state: 'visible' });
    expect((await api(`/sessions/${session.cells[0]}/guests`, 'POST', { team: guest })).status).toBe(201);
    expect(
      (await api(`/sessions/${session.cells[0]}/guests/${guest}`, 'PUT', { status: 'accepted' })).status,
    ).toBe(200);
    const hostName = (await (await api(`/teams/${host}`)).json()).team.name as string;
    await board.locator(`#now-${guest} .card__with`).getByText(hostName).waitFor({ timeout: 2000 });
    expect(await board.locator(`#now-${host} .card__with`).count()).toBe(1);
    for (const [team, other] of [
      [host, guest],
      [guest, host],
    ] as const) {
      const page = await context.newPage();
      await page.goto(`${base}${event}/teams/${team}`);
      const otherName = (await (await api(`/teams/${other}`)).json()).team.name as string;
      expect(await page.locator('#team-week .session-with').first().textContent()).toContain(otherName);
      await page.close();
    }
    expect((await api(`/sessions/${session.cells[0]}/headcount`, 'PUT', { count: 31 })).status).toBe(200);
    await board.close();
  });

  it('renders the report with its charts as images with titles, and axe finds nothing serious', async () => {
    const page = await context.newPage();
    await page.goto(`${base}${event}/report`);
    const charts = page.locator('svg.chart[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#team-hours-title').textContent()).toBe('Hours booked per team');
    expect(await page.locator('#people-per-day svg rect').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
