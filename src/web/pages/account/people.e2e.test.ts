import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { artefactPath, describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { linkTo, MailCatcher } from '../../../../test/support/mail-catcher.ts';
import { startOidcProvider, type TestProvider } from '../../../../test/support/oidc-provider.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { OidcSignIn } from '../../../app/oidc.ts';
import type { Mailer } from '../../../mail/mailer.ts';

/**
 * People's journeys in real Chromium, against the whole site listening on loopback, with e-mails
 * delivered over SMTP to smtp-server and sign-in through a real oidc-provider: nothing is mocked.
 */
const event = '/events/oct2022-ptg';
let base = '';
let site: TestSite;
let mail: MailCatcher;
let mailer: Mailer;
let idp: TestProvider;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mail = await MailCatcher.start();
  mailer = mail.mailer();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  idp = await startOidcProvider(`${base}/signin/oidc/callback`);
  site = await openTestSite(demoNow, {
    deps: {
      baseUrl: base,
      mailer,
      oidc: new OidcSignIn({
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        name: 'Test ID',
        scopes: 'openid email profile',
        redirectUrl: `${base}/signin/oidc/callback`,
      }),
      rateLimits: { signIn: 100, forms: 100 },
    },
  });
  await site.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
  await idp?.close();
  mailer?.close();
  await mail?.close();
});

/** A fresh browser profile: its own cookies, as a different person on another computer. */
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

async function notice(page: Page): Promise<string> {
  return (await page.getByRole('status').first().textContent()) ?? '';
}

describeWithBrowser('people in Chromium', () => {
  it('a lead signs a team up, an organiser approves it, it is on the official list, and its moderator books a slot', async () => {
    const lead = await person();
    await lead.goto(`${base}${event}/signup`);
    await signInByMail(lead, 'lead@example.org');
    expect(new URL(lead.url()).pathname).toBe(`${event}/signup`);
    await lead.getByLabel('Team name').fill('Zuul Gating');
    await lead.getByLabel('Kind of team').selectOption('project');
    await lead.getByLabel('Moderators').fill('mod@example.org mod_irc');
    await lead.getByLabel('Expected attendance (people)').fill('12');
    await lead.getByLabel('Hours wanted').fill('4');
    await lead.getByLabel('Americas / Europe (13:00–17:00 UTC)').check();
    await lead.getByLabel('Nova/Placement').check();
    await lead.getByLabel('We will run an onboarding session for newcomers').check();
    await lead.getByRole('button', { name: 'Sign the team up' }).click();
    expect(await notice(lead)).toContain('your team is signed up');
    await mail.waitFor('lead@example.org', (m) => m.subject.startsWith('Zuul Gating is signed up'));

    const organiser = await person();
    await organiser.goto(`${base}${event}/organise/signups`);
    await signInByMail(organiser, 'olive@example.org');
    const entry = organiser.locator('article[data-team="zuul-gating"]');
    await expect(entry.textContent()).resolves.toContain('lead@example.org');
    await entry.getByRole('button', { name: 'Approve Zuul Gating' }).click();
    expect(await notice(organiser)).toContain('Approved');
    await mail.waitFor('lead@example.org', (m) =>
      m.subject.startsWith('Zuul Gating is on the official team list'),
    );

    const visitor = await person();
    await visitor.goto(`${base}${event}/teams`);
    await visitor.getByRole('link', { name: 'Zuul Gating' }).waitFor();

    const granted = await mail.waitFor('mod@example.org', (m) =>
      m.subject.startsWith('You moderate Zuul Gating'),
    );
    const moderator = await person();
    await moderator.goto(linkTo(granted, `${event}/teams/zuul-gating/manage`));
    await signInByMail(moderator, 'mod@example.org');
    await moderator.getByRole('heading', { name: 'Manage Zuul Gating' }).waitFor();
    await moderator.getByLabel('Slot', { exact: true }).selectOption('thu13');
    await moderator.getByLabel('Room', { exact: true }).selectOption('essex');
    await moderator.getByRole('button', { name: 'Book', exact: true }).click();
    expect(await notice(moderator)).toBe('Booked.');
    await moderator.locator('#bookings').getByText('Thu 20 Oct 13:00–14:00 UTC in essex').waitFor();
    await moderator.screenshot({ path: artefactPath('team-manage.png'), fullPage: true });
    const schedule = await (await fetch(`${base}/api/v1${event}/schedule`)).json();
    expect(schedule.bookings).toContainEqual(
      expect.objectContaining({ team: 'zuul-gating', reference: 'essex-thu13' }),
    );
  });

  it('an attendee signs in with the identity provider, is blocked until they accept the Code of Conduct, then sees the room links; a new version asks again', async () => {
    const organiser = await person();
    await organiser.goto(`${base}${event}/organise/settings`);
    await signInByMail(organiser, 'olive@example.org');
    await organiser
      .getByLabel('Show room video links (which may carry passcodes) to registered attendees only')
      .check();
    await organiser.getByRole('button', { name: 'Save' }).click();
    expect(await notice(organiser)).toBe('Saved.');

    const attendee = await person();
    await attendee.goto(`${base}${event}/join`);
    await expect(attendee.locator('#rooms').textContent()).resolves.not.toContain('https://');
    await attendee.goto(`${base}${event}/register`);
    await attendee.getByRole('link', { name: 'Sign in with Test ID' }).click();
    await attendee.locator('input[name="login"]').fill('ada');
    await attendee.locator('input[name="password"]').fill('anything');
    await attendee.getByRole('button', { name: 'Sign-in' }).click();
    await attendee.getByRole('button', { name: 'Continue' }).click();
    await attendee.getByRole('heading', { name: /Register for/ }).waitFor();
    expect(new URL(attendee.url()).pathname).toBe(`${event}/register`);
    await expect(attendee.locator('.account__name').textContent()).resolves.toBe('Idp ada');

    await attendee.getByLabel('Operator or end user').check();
    await attendee.getByLabel('Country').selectOption('FR');
    await attendee.getByLabel('Nova/Placement').check();
    await attendee.getByRole('button', { name: 'Register' }).click();
    await expect(attendee.getByRole('alert').textContent()).resolves.toContain(
      'Read and accept the Code of Conduct (version 2022-10) to register.',
    );
    await attendee.goto(`${base}${event}/join`);
    await expect(attendee.locator('#rooms').textContent()).resolves.not.toContain('https://');

    await attendee.goto(`${base}${event}/register`);
    await attendee.getByLabel('Operator or end user').check();
    await attendee.getByLabel('I have read and accept the Code of Conduct (version 2022-10).').check();
    await attendee.getByRole('button', { name: 'Register' }).click();
    expect(await notice(attendee)).toContain('You are registered');
    await attendee.getByRole('link', { name: 'https://openinfra.dev/ptg/rooms/bexar' }).waitFor();

    await organiser.goto(`${base}${event}/organise/coc`);
    await organiser.getByLabel('Version', { exact: true }).fill('2022-11');
    await organiser.getByRole('button', { name: 'Save' }).click();
    expect(await notice(organiser)).toBe('Saved.');

    await attendee.goto(`${base}${event}/join`);
    await expect(attendee.locator('#room-links-locked').textContent()).resolves.toContain(
      'has a new version (2022-11)',
    );
    await expect(attendee.locator('#rooms').textContent()).resolves.not.toContain('https://');
    await attendee.getByRole('link', { name: 'Read and accept it' }).click();
    await attendee
      .locator('form[action$="/register/coc"]')
      .getByLabel('I have read and accept the Code of Conduct (version 2022-11).')
      .check();
    await attendee.getByRole('button', { name: 'Accept and continue' }).click();
    expect(await notice(attendee)).toContain('Thank you for accepting the Code of Conduct.');
    await attendee.getByRole('link', { name: 'https://openinfra.dev/ptg/rooms/bexar' }).waitFor();
  });

  it('the newsletter: double opt-in and unsubscribe through the e-mails, no sign-in needed', async () => {
    const reader = await person();
    await reader.goto(`${base}/newsletter`);
    await reader.getByLabel('E-mail address').fill('reader@example.org');
    await reader.getByRole('button', { name: 'Subscribe' }).click();
    await reader.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    const confirmation = await mail.waitFor('reader@example.org', (m) =>
      m.subject.startsWith('Confirm your subscription'),
    );
    await reader.goto(linkTo(confirmation, '/newsletter/confirm'));
    await reader.getByRole('button', { name: 'Confirm' }).click();
    await reader.getByRole('heading', { name: 'You are subscribed' }).waitFor();

    const organiser = await person();
    await organiser.goto(`${base}/organise`);
    await signInByMail(organiser, 'olive@example.org');
    await organiser.getByRole('link', { name: 'Write an issue' }).click();
    await organiser.getByLabel('Subject').fill('The next gathering');
    await organiser.getByLabel('Message (plain text)').fill('It is in April.');
    await organiser.getByRole('button', { name: 'Preview' }).click();
    await organiser.getByRole('button', { name: 'Send to 1 subscriber' }).click();
    await organiser.locator('#mailing-summary').waitFor();

    const issue = await mail.waitFor('reader@example.org', (m) => m.subject === 'The next gathering');
    const elsewhere = await person();
    await elsewhere.goto(linkTo(issue, '/newsletter/unsubscribe'));
    await elsewhere.getByRole('button', { name: 'Unsubscribe' }).click();
    await elsewhere.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    const exported = await organiser.request.get(`${base}/organise/newsletter.csv`);
    expect(await exported.text()).not.toContain('reader@example.org');
  });

  const peoplePages = [
    '/signin',
    '/newsletter',
    '/me',
    `${event}/signup`,
    `${event}/register`,
    `${event}/join`,
    `${event}/teams/nova/manage`,
    '/organise',
    ...['', '/settings', '/coc', '/grid', '/rules', '/rooms', '/signups', '/registrations', '/motd'].map(
      (section) => `${event}/organise${section}`,
    ),
  ];
  let organiser: Page | undefined;
  it.each(peoplePages)(
    'has no serious or critical accessibility problems on %s, seen by an organiser',
    async (path) => {
      if (!organiser) {
        organiser = await person();
        await organiser.goto(`${base}/signin`);
        await signInByMail(organiser, 'olive@example.org');
      }
      await organiser.goto(`${base}${path}`);
      expect(await seriousViolations(organiser)).toEqual([]);
    },
  );
});
