import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { artefactPath, describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { openSession } from '../../../app/sessions.ts';
import { findOrCreateUser } from '../../../app/sign-in.ts';
import { sessionCookie } from '../../plugins/session.ts';

/**
 * A nick named for someone else in real Chromium: a lead signs a team up naming
 * `x@example.org somenick` as moderator; x signs in, finds the nick waiting on /me, accepts it, and
 * /me shows it as theirs.
 */
const event = '/events/oct2022-ptg';
let base = '';
let site: TestSite;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await openTestSite(demoNow, { deps: { baseUrl: base, rateLimits: { signIn: 100, forms: 100 } } });
  await site.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
});

/** The person with this address, signed in on a browser of their own. */
async function signedIn(email: string): Promise<Page> {
  const user = await findOrCreateUser(site.runtime, email);
  if (!user.ok) throw new Error(user.refusal.message);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
  contexts.push(context);
  const { secret } = await openSession(site.runtime, user.value.id, 'email');
  await context.addCookies([{ name: sessionCookie, value: secret, url: base }]);
  return context.newPage();
}

describeWithBrowser('nicks named for someone else in Chromium', () => {
  it('waits for its owner on /me, and becomes theirs only when they accept it', async () => {
    const lead = await signedIn('lead@example.org');
    await lead.goto(`${base}${event}/signup`);
    await lead.getByLabel('Team name').fill('Nick Claims');
    await lead.getByLabel('Kind of team').selectOption('project');
    await lead.getByLabel('Moderators').fill('x@example.org somenick');
    await lead.getByLabel('Expected attendance (people)').fill('8');
    await lead.getByLabel('Hours wanted').fill('4');
    await lead.getByRole('button', { name: 'Sign the team up' }).click();
    await lead.getByText('your team is signed up').waitFor();
    expect(await site.runtime.store.findUserByIrcNick('somenick')).toBeNull();

    const x = await signedIn('x@example.org');
    await x.goto(`${base}/me`);
    const claims = x.getByRole('region', { name: 'IRC nicks named for you' });
    await expect(claims.getByRole('listitem').textContent()).resolves.toMatch(
      /somenick, named by lead for Nick Claims in Project Teams Gathering, October 2022\./,
    );
    expect(await x.getByLabel('IRC nick', { exact: true }).inputValue()).toBe('');
    expect(await seriousViolations(x)).toEqual([]);
    await x.screenshot({ path: artefactPath('me-nick-claim.png'), fullPage: true });

    await claims.getByRole('button', { name: 'Accept somenick as my nick' }).click();
    await x.getByText('The nick is yours now').waitFor();
    expect(await x.getByLabel('IRC nick', { exact: true }).inputValue()).toBe('somenick');
    expect(await x.getByRole('region', { name: 'IRC nicks named for you' }).count()).toBe(0);
    expect((await site.runtime.store.findUserByIrcNick('somenick'))?.email).toBe('x@example.org');
  });
});
