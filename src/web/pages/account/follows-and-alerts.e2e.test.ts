import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { artefactPath, describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { addUser } from '../../../app/people.ts';
import { rotateCalendarSecret } from '../../../app/personal-calendar.ts';
import { openSession } from '../../../app/sessions.ts';
import { addMinutes } from '../../../core/model/instant.ts';
import { whereTeamMeets } from '../../../core/schedule/where-team-meets.ts';
import { sessionCookie } from '../../plugins/session.ts';

/**
 * Following and topic alerts in real Chromium: a signed-in person follows a team from its page and
 * finds it on /me and in their own calendar; follows made before signing in are offered to the
 * account; a subscriber sees an alert on the open page within two seconds of a matching topic set
 * by someone else through the API, also as a browser notification when allowed.
 */
const event = '/events/oct2022-ptg';
let base = '';
let site: TestSite;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await openTestSite(demoNow, {
    deps: { baseUrl: base, rateLimits: { signIn: 100, forms: 100 }, alertCheckMs: 250 },
  });
  await site.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
});

/** A new person, signed in on a browser of their own (or not yet, with `signedIn: false`). */
async function person(email: string, options: { signedIn?: boolean; notifications?: boolean } = {}) {
  const added = await addUser(site.runtime, { email, name: email.split('@')[0] ?? email });
  if (!added.ok) throw new Error(added.refusal.message);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
  contexts.push(context);
  const signIn = async () => {
    const { secret } = await openSession(site.runtime, added.value.id, 'email');
    await context.addCookies([{ name: sessionCookie, value: secret, url: base }]);
  };
  if (options.signedIn !== false) await signIn();
  if (options.notifications) {
    await context.grantPermissions(['notifications'], { origin: base });
    await context.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      const Real = window.Notification;
      class Recording extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push(options?.body ?? title);
        }
      }
      Object.defineProperty(window, 'Notification', { value: Recording });
    });
  }
  return { user: added.value, context, signIn, page: await context.newPage() };
}

async function followedSlugs(userId: string): Promise<string[]> {
  const state = await site.runtime.models.get('oct2022-ptg');
  const ids = new Set(await site.runtime.store.followedTeamIds(userId));
  return (state?.teams ?? []).filter((team) => ids.has(team.id)).map((team) => team.slug);
}

async function noSeriousViolations(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describeWithBrowser('follows and alerts in Chromium', () => {
  it('follows a team from its page, shows it on /me and in the person’s own calendar', async () => {
    const { user, page } = await person('follower@example.org');
    await page.goto(`${base}${event}/teams/cinder`);
    const follow = page.getByRole('button', { name: 'Follow Cinder' });
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await noSeriousViolations(page);
    await follow.click();
    await page.waitForURL(`${base}${event}/teams/cinder`);
    const following = page.getByRole('button', { name: 'Following Cinder' });
    expect(await following.getAttribute('aria-pressed')).toBe('true');
    expect(await followedSlugs(user.id)).toEqual(['cinder']);

    await page.goto(`${base}/me`);
    const list = page.getByRole('list', { name: /Teams you follow at/ });
    expect(await list.getByRole('link').allTextContents()).toEqual(['Cinder']);
    await noSeriousViolations(page);
    await page.screenshot({ path: artefactPath('me-alerts.png'), fullPage: true });

    const secret = await rotateCalendarSecret(site.runtime, user.id);
    const calendar = await (await fetch(`${base}/feeds/${secret}/calendar.ics`)).text();
    expect(calendar).toContain('SUMMARY:Cinder');
    expect(calendar).not.toContain('SUMMARY:Nova');

    await page.getByRole('button', { name: 'Unfollow Cinder' }).click();
    await page.waitForURL(/\/me/);
    expect(await followedSlugs(user.id)).toEqual([]);
  });

  it('offers the follows made on the browser before signing in to the account', async () => {
    const { user, page, signIn } = await person('early@example.org', { signedIn: false });
    await page.goto(`${base}${event}/teams/nova`);
    await page.getByRole('button', { name: /^Follow / }).click();
    await page.getByRole('button', { name: /^Following / }).waitFor();
    await signIn();
    await page.goto(`${base}${event}/board`);
    const offer = page.locator('#follow-offer');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.textContent()).toContain('nova');
    await noSeriousViolations(page);
    await page.getByRole('button', { name: 'Add them to my account' }).click();
    // The offer goes once the page that answers the click is in: only then may the test navigate.
    await page.locator('#follow-offer').waitFor({ state: 'hidden' });
    await expect.poll(() => followedSlugs(user.id)).toEqual(['nova']);
    await page.goto(`${base}${event}/board`);
    expect(await page.locator('#follow-offer').isHidden()).toBe(true);
  });

  it('shows a matching topic set by someone else through the API within two seconds, as a notification too', async () => {
    const { page } = await person('subscriber@example.org', { notifications: true });
    await page.goto(`${base}/me`);
    const field = page.getByRole('textbox', { name: 'Tell me when a topic mentions' }).first();
    await field.fill('"live migration"');
    await page.getByRole('button', { name: 'Save the subscription' }).first().click();
    await page.waitForURL(/done=subscription/);
    expect(await field.inputValue()).toBe('"live migration"');

    await page.goto(`${base}${event}/schedule`);
    await page.waitForFunction(() => performance.getEntriesByType('resource').length > 0);
    await page.waitForTimeout(300);
    const posted = Date.now();
    const set = await fetch(`${base}/api/v1${event}/teams/nova/now`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Live migration of pinned instances' }),
    });
    expect(set.status).toBe(200);
    const alert = page.locator('#alert-list .alert');
    await alert.waitFor({ timeout: 2000 });
    expect(Date.now() - posted).toBeLessThan(2000);
    expect(await alert.locator('.alert__text').textContent()).toContain(
      'now: Live migration of pinned instances',
    );
    expect(await alert.getByRole('link').getAttribute('href')).toBe(`${base}${event}/teams/nova`);
    expect(
      await page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications),
    ).toEqual([expect.stringContaining('Live migration of pinned instances')]);
    await noSeriousViolations(page);
    await page.screenshot({ path: artefactPath('topic-alert.png') });
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('#alert-list .alert').count()).toBe(0);
  });

  it('refuses a hostile pattern on /me with a message on the form, storing nothing', async () => {
    const { user, page } = await person('hostile@example.org');
    await page.goto(`${base}/me`);
    await page.getByRole('textbox', { name: 'Tell me when a topic mentions' }).first().fill('/(a+)\\1/');
    await page.getByRole('button', { name: 'Save the subscription' }).first().click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('is not a regular expression I can use');
    const state = await site.runtime.models.get('oct2022-ptg');
    expect(await site.runtime.store.personal.subscriptionOf(state!.event.id, user.id)).toBeNull();
  });

  it('reminds a follower on the open page ten minutes before the team meets, with Join', async () => {
    const { user, page } = await person('reminded@example.org');
    const state = await site.runtime.models.get('oct2022-ptg');
    // The demo's bookings vary: take the first team with a meeting still to come.
    const team = state!.teams.find(
      (candidate) => candidate.status === 'approved' && whereTeamMeets(state!, candidate.id, demoNow).next,
    )!;
    await site.runtime.store.followTeam(user.id, team.id, demoNow);
    const next = whereTeamMeets(state!, team.id, demoNow).next!;
    const room = state!.rooms.find((candidate) => candidate.id === next.roomId)!;
    await page.goto(`${base}${event}/teams/${team.slug}`);
    await page.waitForTimeout(300);
    site.clock.set(addMinutes(next.start, -10));
    const alert = page.locator('#alert-list .alert[data-kind="reminder"]');
    await alert.waitFor({ timeout: 3000 });
    expect(await alert.locator('.alert__text').textContent()).toBe(
      `${team.name} starts in 10 minutes in ${room.name}`,
    );
    expect(await alert.getByRole('link', { name: 'Join' }).getAttribute('href')).toBe(
      team.videoUrl ?? room.url,
    );
    await page.waitForTimeout(600);
    expect(await page.locator('#alert-list .alert[data-kind="reminder"]').count()).toBe(1);
    site.clock.set(demoNow);
  });
});
