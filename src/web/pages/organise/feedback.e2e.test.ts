import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/accessibility.ts';
import { describeWithBrowser, launchBrowser } from '../../../../test/support/browser.ts';
import { linkTo, MailCatcher } from '../../../../test/support/mail-catcher.ts';
import { plainRegistration } from '../../../../test/support/people.ts';
import { freePort } from '../../../../test/support/server-process.ts';
import { demoNow, openTestSite, type TestSite } from '../../../../test/support/web.ts';
import { registerForEvent } from '../../../app/registrations.ts';
import { openSession } from '../../../app/sessions.ts';
import { findOrCreateUser } from '../../../app/sign-in.ts';
import type { Mailer } from '../../../mail/mailer.ts';
import { sessionCookie } from '../../plugins/session.ts';

/**
 * Feedback in real Chromium, against the whole site on loopback with e-mail over SMTP: an organiser
 * writes a form with a scale and a text question and opens it, e-mails registrants its link; a
 * registered attendee follows the link from the e-mail and answers; the organiser reads the answer
 * and downloads it as CSV. Each new page is checked with axe.
 */
const event = '/events/oct2022-ptg';
let base = '';
let site: TestSite;
let mail: MailCatcher;
let mailer: Mailer;
let browser: Browser;
let organiser: Page;
let attendee: Page;

async function signedInPage(email: string, name: string, organizer: boolean): Promise<Page> {
  const user = await findOrCreateUser(site.runtime, email, name);
  if (!user.ok) throw new Error(user.refusal.message);
  if (organizer) await site.runtime.store.setOrganizer(user.value.id, true);
  else {
    const state = await site.runtime.models.get('oct2022-ptg');
    if (!state) throw new Error('no demo event');
    const actor = { userId: user.value.id, name, isOrganizer: false };
    await registerForEvent(site.runtime, { actor, source: 'web' }, state, plainRegistration(state, name));
  }
  const { secret } = await openSession(site.runtime, user.value.id, 'email');
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  await context.addCookies([{ name: sessionCookie, value: secret, url: base }]);
  return context.newPage();
}

beforeAll(async () => {
  mail = await MailCatcher.start();
  mailer = mail.mailer();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  site = await openTestSite(demoNow, {
    deps: { baseUrl: base, mailer, rateLimits: { signIn: 100, forms: 100 } },
  });
  await site.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
  organiser = await signedInPage('chief@example.org', 'Chief', true);
  attendee = await signedInPage('ana@example.org', 'Ana Attendee', false);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  mailer?.close();
  await mail?.close();
});

describeWithBrowser('feedback after the event', () => {
  it('an organiser writes a form with a scale and a text question, opens it and e-mails its link', async () => {
    await organiser.goto(`${base}${event}/organise`);
    await organiser
      .getByRole('navigation', { name: 'Organiser console' })
      .getByRole('link', { name: 'Feedback form' })
      .click();
    await organiser.getByRole('heading', { name: 'Write the form' }).waitFor();
    expect(await seriousViolations(organiser)).toEqual([]);
    await organiser.getByLabel('Title').fill('How was the PTG?');
    await organiser.getByLabel('Signed: organisers see each person’s name').check();
    const first = organiser.getByRole('group', { name: 'Question 1' });
    await first.getByLabel('Question', { exact: true }).fill('How useful was the week?');
    await first.getByLabel('On a scale, 1 means').fill('Not at all');
    await first.getByLabel('On a scale, 5 means').fill('Very');
    await first.getByLabel('An answer is required').check();
    const second = organiser.getByRole('group', { name: 'Question 2' });
    await second.getByLabel('Question', { exact: true }).fill('What should we change?');
    await second.getByLabel('Answered with').selectOption('text');
    await organiser.getByRole('button', { name: 'Save the form' }).click();
    await organiser.getByText('The form is saved.').waitFor();
    await organiser.getByRole('button', { name: 'Open the form' }).click();
    await organiser.getByText('The form is open: registered attendees can answer.').waitFor();
    expect(await seriousViolations(organiser)).toEqual([]);

    await organiser.getByRole('button', { name: 'E-mail the link to every registrant' }).click();
    const send = organiser.getByRole('button', { name: /^Send to \d+ registrants?$/ });
    await send.waitFor();
    await send.click();
    await organiser.getByRole('heading', { name: 'Progress' }).waitFor();
  });

  it('the registered attendee follows the link in the e-mail and answers', async () => {
    const received = await mail.waitFor('ana@example.org', (m) => m.subject.startsWith('How was the PTG?'));
    await attendee.goto(linkTo(received, `${event}/feedback`));
    await attendee.getByRole('heading', { name: 'How was the PTG?' }).waitFor();
    expect(await seriousViolations(attendee)).toEqual([]);
    const scale = attendee.getByRole('group', { name: 'How useful was the week? (required)' });
    await scale.getByRole('radio', { name: '4' }).check();
    await attendee.getByLabel('What should we change? (optional)').fill('More quiet rooms, please.');
    await attendee.getByRole('button', { name: 'Send my answers' }).click();
    await attendee.getByText('Thank you! Your answers are saved.').waitFor();
    expect(await scale.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    expect(await seriousViolations(attendee)).toEqual([]);
  });

  it('the organiser sees the answer and downloads the answers as CSV', async () => {
    await organiser.goto(`${base}${event}/organise/feedback`);
    await organiser.getByRole('link', { name: 'see the answers' }).click();
    await organiser.getByText('1 answer, signed; the form is open.').waitFor();
    expect(await organiser.locator('#answers-q1 caption').textContent()).toBe('1 answer, mean 4.00');
    expect(await organiser.locator('#answers-q2').textContent()).toContain(
      'More quiet rooms, please.— Ana Attendee',
    );
    expect(await seriousViolations(organiser)).toEqual([]);
    const [download] = await Promise.all([
      organiser.waitForEvent('download'),
      organiser.getByRole('link', { name: 'Download the answers (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('oct2022-ptg-feedback.csv');
    const csv = readFileSync((await download.path()) ?? '', 'utf8').replace('\ufeff', '');
    expect(csv).toMatch(
      /^name,answered_at,How useful was the week\?,What should we change\?\r\nAna Attendee,2022-[^,]+,4,"More quiet rooms, please\."\r\n$/,
    );
  });
});
