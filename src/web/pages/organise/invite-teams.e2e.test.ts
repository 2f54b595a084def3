import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { artefactPath, describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { linkTo, MailCatcher } from '../../../../test/support/mail-catcher.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { addModerator } from '../../../app/team-moderators.ts';
import { systemActor } from '../../../core/model/actor.ts';
import type { Mailer } from '../../../mail/mailer.ts';

/**
 * Next year's gathering started from the demo with its teams invited again, in Chromium against the
 * whole site on loopback with e-mail over SMTP: the organiser copies and publishes, e-mails the
 * invitations, a moderator follows the link to a prefilled sign-up form and sends it, and the
 * organiser sees the team signed up.
 */
const slug = 'apr2023-ptg';
const event = `/events/${slug}`;
let base = '';
let site: TestSite;
let mail: MailCatcher;
let mailer: Mailer;
let browser: Browser;
let organiser: Page;
let invitationLink = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mail = await MailCatcher.start();
  mailer = mail.mailer();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await openTestSite(demoNow, {
    deps: { baseUrl: base, mailer, rateLimits: { signIn: 100, forms: 100 } },
  });
  const added = await addModerator(
    site.runtime,
    { baseUrl: base },
    { actor: systemActor, source: 'cli' },
    { event: 'oct2022-ptg', team: 'cinder', email: 'nia@example.org' },
  );
  if (!added.ok) throw new Error(added.refusal.message);
  await site.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
  organiser = await person();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
  mailer?.close();
  await mail?.close();
});

async function person(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
  contexts.push(context);
  return context.newPage();
}

/** Signs in by e-mailed link from the sign-in form the page is on, and comes back where it was sent from. */
async function signInByMail(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  const sent = mail.messages.length;
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  const message = await mail.waitFor(
    email,
    (m) => m.subject === 'Your sign-in link for Convene' && mail.messages.indexOf(m) >= sent,
  );
  await page.goto(linkTo(message, '/signin/link'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('load');
}

describeWithBrowser('inviting last time’s teams to sign up again, in Chromium', () => {
  it('copies the demo with its teams invited, publishes it, and lists the invitations on Sign-ups', async () => {
    await organiser.goto(`${base}/organise/events/new`);
    await signInByMail(organiser, 'olive@example.org');
    const form = organiser.locator('form[action="/organise/events/copy"]');
    await form.getByLabel('Copy').selectOption('oct2022-ptg');
    await form.getByLabel('Title').fill('Project Teams Gathering, April 2023');
    await form.getByLabel('Short name').fill(slug);
    await form.getByLabel('First day').fill('2023-04-17');
    await form.getByLabel('Invite its approved teams to sign up again').check();
    expect(await seriousViolations(organiser)).toEqual([]);
    await form.getByRole('button', { name: 'Copy as a draft' }).click();
    await organiser.waitForURL(`${base}${event}/organise?done=created`);

    await organiser
      .getByRole('navigation', { name: 'Organiser console' })
      .getByRole('link', { name: 'Sign-ups' })
      .click();
    const invited = organiser.locator('#invited-teams');
    expect(await invited.textContent()).toContain('Publish the event first');
    expect(await invited.locator('tr[data-invitation="cinder"]').textContent()).toContain(
      'Invited, not e-mailed yet',
    );

    await organiser
      .getByRole('navigation', { name: 'Organiser console' })
      .getByRole('link', { name: 'Overview' })
      .click();
    await organiser.getByRole('button', { name: 'Publish: everyone sees it' }).click();
    await organiser
      .getByRole('navigation', { name: 'Organiser console' })
      .getByRole('link', { name: 'Sign-ups' })
      .click();
    expect(await seriousViolations(organiser)).toEqual([]);
    await organiser.screenshot({ path: artefactPath('invited-teams.png'), fullPage: true });
  });

  it('e-mails the invitations after a preview naming the recipients', async () => {
    await organiser.getByRole('link', { name: 'E-mail the invitations' }).click();
    expect(await seriousViolations(organiser)).toEqual([]);
    await organiser.getByRole('button', { name: 'Preview' }).click();
    expect(await organiser.locator('#mail-text').textContent()).toContain('Sign Cinder up for');
    expect(await seriousViolations(organiser)).toEqual([]);
    await organiser.getByRole('button', { name: 'Send to 1 invited moderator' }).click();
    await organiser.waitForURL(new RegExp(`${event}/organise/invitations/[0-9a-f-]+$`));
    const message = await mail.waitFor('nia@example.org', (m) =>
      m.subject.startsWith('Sign your team up again'),
    );
    invitationLink = linkTo(message, `${event}/signup`);
    expect(invitationLink).toContain('?invitation=');
  });

  it('a moderator follows the link, signs in, finds the form filled in, and signs the team up', async () => {
    const moderator = await person();
    await moderator.goto(invitationLink);
    await signInByMail(moderator, 'nia@example.org');
    expect(moderator.url()).toBe(invitationLink);
    expect(await moderator.getByLabel('Team name').inputValue()).toBe('Cinder');
    expect(await moderator.getByLabel('Moderators').inputValue()).toBe('nia@example.org');
    expect(await moderator.locator('#invitation-note').textContent()).toContain(
      'Cinder is invited to sign up again',
    );
    expect(await seriousViolations(moderator)).toEqual([]);
    await moderator.getByLabel('Expected attendance (people)').fill('12');
    await moderator.getByLabel('Hours wanted').fill('6');
    await moderator.getByRole('button', { name: 'Sign the team up' }).click();
    expect(await moderator.getByRole('status').first().textContent()).toContain('your team is signed up');
  });

  it('shows the organiser the team signed up and waiting for review', async () => {
    await organiser.goto(`${base}${event}/organise/signups`);
    expect(await organiser.locator('tr[data-invitation="cinder"]').textContent()).toContain(
      'Signed up as Cinder (waiting for review)',
    );
    expect(await organiser.locator('article[data-team="cinder"]').count()).toBe(1);
    expect(await seriousViolations(organiser)).toEqual([]);
  });
});
