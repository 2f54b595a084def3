import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { MailCatcher } from '../../../../test/support/mail-catcher.ts';
import { plainRegistration } from '../../../../test/support/people.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { registerForEvent } from '../../../app/registrations.ts';
import { openSession } from '../../../app/sessions.ts';
import { findOrCreateUser } from '../../../app/sign-in.ts';
import type { Mailer } from '../../../mail/mailer.ts';
import { sessionCookie } from '../../plugins/session.ts';

/**
 * An organiser running the event in real Chromium, against the whole site on loopback with e-mail
 * delivered over SMTP: a mailing from preview to delivery (reloading sends nothing), a token on
 * /me, a moderator added on a team's page, and the console's new pages, each checked with axe.
 */
const event = '/events/oct2022-ptg';
let base = '';
let site: TestSite;
let mail: MailCatcher;
let mailer: Mailer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mail = await MailCatcher.start();
  mailer = mail.mailer();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await openTestSite(demoNow, {
    deps: { baseUrl: base, mailer, rateLimits: { signIn: 100, forms: 100 } },
  });
  await site.app.listen({ port, host: '127.0.0.1' });
  const state = await site.runtime.models.get('oct2022-ptg');
  if (!state) throw new Error('no demo event');
  for (const email of ['ana@example.org', 'bo@example.org']) {
    const user = await findOrCreateUser(site.runtime, email);
    if (!user.ok) throw new Error(user.refusal.message);
    const actor = { userId: user.value.id, name: user.value.name, isOrganizer: false };
    await registerForEvent(
      site.runtime,
      { actor, source: 'web' },
      state,
      plainRegistration(state, user.value.name),
    );
  }
  const chief = await findOrCreateUser(site.runtime, 'chief@example.org', 'Chief');
  if (!chief.ok) throw new Error(chief.refusal.message);
  await site.runtime.store.setOrganizer(chief.value.id, true);
  const { secret } = await openSession(site.runtime, chief.value.id, 'email');
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
  await context.addCookies([{ name: sessionCookie, value: secret, url: base }]);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  mailer?.close();
  await mail?.close();
});

const copies = (subject: string) => mail.messages.filter((m) => m.subject === subject).length;

describeWithBrowser('an organiser running the event', () => {
  it('sends a mailing: preview with the count, a test copy, one confirmation; reloading the result sends nothing', async () => {
    await page.goto(`${base}${event}/organise/mailings`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Subject').fill('See you on Monday');
    await page.getByLabel('Message (plain text)').fill('The schedule is ready.');
    await page.getByRole('button', { name: 'Preview' }).click();
    const send = page.getByRole('button', { name: /^Send to \d+ registrants$/ });
    await send.waitFor();
    const recipients = Number((await send.textContent())?.match(/\d+/)?.[0]);
    expect(recipients).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send a test copy to chief@example.org' }).click();
    await page.getByText('A test copy is on its way to chief@example.org.').waitFor();
    await mail.waitFor('chief@example.org', (m) => m.subject === '[Test] See you on Monday');
    expect(copies('See you on Monday')).toBe(0);

    await page.getByRole('button', { name: /^Send to \d+ registrants$/ }).click();
    await page.getByRole('heading', { name: 'See you on Monday' }).waitFor();
    await page.getByText(`${recipients} sent, 0 waiting, 0 failed.`).waitFor({ timeout: 20_000 });
    expect(copies('See you on Monday')).toBe(recipients);
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await page.reload();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(copies('See you on Monday')).toBe(recipients);
  });

  it('makes an API token on /me, shown once, and revokes it', async () => {
    await page.goto(`${base}/me`);
    await page.getByLabel('Name of a new token').fill('my script');
    await page.getByRole('button', { name: 'Make a token' }).click();
    const token = (await page.locator('#new-token').textContent()) ?? '';
    expect(token).toMatch(/^cvn_/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Revoke my script' }).click();
    await page.getByText('The token is revoked: it no longer works.').waitFor();
    const answer = await fetch(`${base}/api/v1/me/calendar`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(401);
  });

  it('adds a moderator on a team’s manage page, and the console’s pages pass axe', async () => {
    await page.goto(`${base}${event}/organise/teams`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator(`a[href="${event}/teams/nova/manage"]`).click();
    await page.getByLabel('Add a moderator by e-mail address').fill('newmod@example.org');
    await page.getByRole('button', { name: 'Add the moderator' }).click();
    await page.getByText('Added; the new moderator was e-mailed a sign-in link to this page.').waitFor();
    await mail.waitFor('newmod@example.org', (m) => m.subject.startsWith('You moderate'));
    expect(await seriousViolations(page)).toEqual([]);
    for (const path of ['/organise/organisers', `${event}/organise/audit`, '/organise/newsletter']) {
      await page.goto(`${base}${path}`);
      expect([path, await seriousViolations(page)]).toEqual([path, []]);
    }
  });
});
