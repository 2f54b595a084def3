import { describe, expect, it } from 'vitest';
import { type FormClient, hiddenFields, textOf } from '../../../../test/support/form-client.ts';
import { useSiteWithMail } from '../../../../test/support/mail-catcher.ts';
import { plainRegistration, signedInClient } from '../../../../test/support/people.ts';
import { demoNow } from '../../../../test/support/web.ts';
import { registerForEvent } from '../../../app/registrations.ts';
import { addMinutes } from '../../../core/model/instant.ts';

const refused = 'bounce@example.org';
const { site, mail } = useSiteWithMail({ signIn: 100, forms: 100 }, (address) => address === refused);
const E = '/events/oct2022-ptg';
const M = `${E}/organise/mailings`;

async function register(email: string) {
  const { user } = await signedInClient(site(), email, { name: email.split('@')[0] });
  const state = await site().runtime.models.get('oct2022-ptg');
  if (!state) throw new Error('no demo event');
  const done = await registerForEvent(
    site().runtime,
    { actor: { userId: user.id, name: user.name, isOrganizer: false }, source: 'web' },
    state,
    plainRegistration(state, user.name),
  );
  if (!done.ok) throw new Error(done.refusal.message);
}

async function eventMailings() {
  const state = await site().runtime.models.get('oct2022-ptg');
  return site().runtime.store.mailings.list('registrants', state?.event.id ?? '', 100);
}

const waitABit = () => new Promise((resolve) => setTimeout(resolve, 2500));
const copies = (subject: string) => mail().messages.filter((m) => m.subject === subject);

describe('safe mass mail to the registrants of an event', () => {
  let organiser: FormClient;

  it('previews, sends a test to oneself, confirms naming the count, and a reload sends nothing again', async () => {
    await register('ana@example.org');
    await register('bo@example.org');
    ({ client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true }));
    await organiser.get(M);
    const subject = 'See you next week';
    const preview = await organiser.post(`${M}/preview`, { subject, body: 'The schedule is up.' });
    expect(preview.status).toBe(200);
    const recipients = Number(/id="recipient-count">(\d+) registrants?</.exec(preview.html)?.[1]);
    expect(recipients).toBeGreaterThanOrEqual(2);
    expect(textOf(preview.html)).toContain(`Send to ${recipients} registrants`);
    expect(textOf(preview.html)).toContain('You receive this because you registered for');
    expect(copies(subject)).toEqual([]);

    const tested = await organiser.post(`${M}/test`, { subject, body: 'The schedule is up.' });
    expect(textOf(tested.html)).toContain('A test copy is on its way to chief@example.org.');
    const test = await mail().waitFor('chief@example.org', (m) => m.subject === `[Test] ${subject}`);
    expect(test.text).toContain('The schedule is up.');
    expect(copies(subject)).toEqual([]);

    const form = hiddenFields(preview.html, '/send');
    const sent = await organiser.post(`${M}/send`, form);
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(new RegExp(`^${M}/[0-9a-f-]+$`));
    await mail().waitFor('bo@example.org', (m) => m.subject === subject);
    for (let tries = 0; copies(subject).length < recipients && tries < 50; tries++) await waitABit();
    expect(copies(subject).length).toBe(recipients);

    // Reloading the result page, and even sending the same confirmation again, sends nothing more.
    const report = await organiser.follow(sent);
    await organiser.get(sent.location ?? '');
    const again = await organiser.post(`${M}/send`, form);
    expect(again.location).toBe(sent.location);
    await waitABit();
    expect(copies(subject).length).toBe(recipients);
    expect(textOf(report.html)).toMatch(new RegExp(`Sent by chief on .* to ${recipients} registrants`));
    const settled = textOf((await organiser.get(sent.location ?? '')).html);
    expect(settled).toContain(`${recipients} sent, 0 waiting, 0 failed.`);
    expect(textOf((await organiser.get(M)).html)).toContain(subject);
  });

  it('refuses an empty, over-long or HTML message, or a confirmation without its key, and sends nothing', async () => {
    await organiser.get(M);
    const before = (await eventMailings()).length;
    for (const [fields, words] of [
      [{ subject: '', body: 'x' }, 'The subject is empty.'],
      [{ subject: 'x', body: 'a'.repeat(20_001) }, 'The message is too long'],
      [{ subject: '<b>Hi</b>', body: 'x' }, 'cannot contain HTML tags'],
    ] as const) {
      const answer = await organiser.post(`${M}/preview`, fields);
      expect(answer.status).toBe(400);
      expect(textOf(answer.html)).toContain(words);
    }
    const noKey = await organiser.post(`${M}/send`, { subject: 'Hi', body: 'x', key: '', recipients: '2' });
    expect(noKey.status).toBe(400);
    const wrongCount = await organiser.post(`${M}/send`, {
      subject: 'Counted wrong',
      body: 'x',
      key: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      recipients: '99999',
    });
    expect(wrongCount.status).toBe(409);
    expect(textOf(wrongCount.html)).toContain('was confirmed for 99999 recipients');
    expect((await eventMailings()).length).toBe(before);
    await waitABit();
    expect(copies('Counted wrong')).toEqual([]);
  });

  it('lists the addresses that could not be reached, with the mail server’s answer', async () => {
    await register(refused);
    await organiser.get(M);
    const subject = 'Room change';
    const preview = await organiser.post(`${M}/preview`, { subject, body: 'Bexar moves.' });
    const sent = await organiser.post(`${M}/send`, hiddenFields(preview.html, '/send'));
    // Each retry waits on the clock: move it past the last one (1, 5 and 30 minutes).
    let page = '';
    for (const minutes of [2, 8, 40, 80]) {
      site().clock.set(addMinutes(demoNow, minutes));
      await waitABit();
      page = textOf((await organiser.get(sent.location ?? '')).html);
      if (page.includes('1 failed')) break;
    }
    site().clock.set(demoNow);
    expect(page).toContain('1 failed.');
    expect(page).toContain(`${refused} `);
    expect(page).toContain('No mailbox here by the name bounce@example.org');
  });
});
