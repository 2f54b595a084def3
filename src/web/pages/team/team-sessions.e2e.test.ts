import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { moderatorSecret } from '../../../../test/support/people.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { findTeam } from '../../../core/model/lookup.ts';
import { sessionsOf } from '../../../core/sessions/sessions.ts';
import { sessionCookie } from '../../plugins/session.ts';

/**
 * The session editor in real Chromium: a moderator of nova counts the people in a session begun
 * and titles it on the manage page; the title then shows on nova's page; axe finds nothing serious.
 */
const event = '/events/oct2022-ptg';
const manage = `${event}/teams/nova/manage`;
let base = '';
let site: TestSite;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await openTestSite(demoNow, { deps: { baseUrl: base, rateLimits: { signIn: 100, forms: 100 } } });
  const secret = await moderatorSecret(site, { event: 'oct2022-ptg', team: 'nova' }, 'nia@example.org');
  await site.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'UTC' });
  await context.addCookies([{ name: sessionCookie, value: secret, url: base }]);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

describeWithBrowser('the session editor of a team’s manage page in Chromium', () => {
  it('records a head-count and titles a session; the title shows on the team page, and axe finds nothing serious', async () => {
    const state = (await site.runtime.models.get('oct2022-ptg'))!;
    const nova = findTeam(state, 'nova')!;
    const session = sessionsOf(state).find((one) => one.hostId === nova.id && one.start <= demoNow)!;
    const page = await context.newPage();
    await page.goto(`${base}${manage}`);
    expect(await seriousViolations(page)).toEqual([]);

    const panel = page.locator(`#session-${session.id}`);
    await panel.getByLabel('How many people came').fill('42');
    await panel.getByRole('button', { name: 'Record the head-count' }).click();
    await page.getByText('The head-count is saved.').waitFor();
    expect(await page.locator(`#session-${session.id}`).textContent()).toContain('Head-count: 42.');

    await page.locator(`#session-${session.id}`).getByLabel('Title').fill('Placement and quotas');
    await page.locator(`#session-${session.id}`).getByRole('button', { name: 'Save the session' }).click();
    await page.getByText('The session is saved.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${base}${event}/teams/nova`);
    expect(await page.locator('#team-week .session-title').allTextContents()).toContain(
      ' “Placement and quotas”',
    );
    await page.close();
  });
});
