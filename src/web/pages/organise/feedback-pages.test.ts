import { beforeAll, describe, expect, it } from 'vitest';
import { type FormClient, hiddenFields, textOf } from '../../../../test/support/form-client.ts';
import { call } from '../../../../test/support/http.ts';
import { linkTo, useSiteWithMail } from '../../../../test/support/mail-catcher.ts';
import { plainRegistration, signedInClient } from '../../../../test/support/people.ts';
import { registerForEvent } from '../../../app/registrations.ts';

const { site, mail } = useSiteWithMail({ signIn: 100, forms: 200 });
const E = '/events/oct2022-ptg';
const F = `${E}/organise/feedback`;

/** The editor's fields for a form with one scale and one text question. */
const editor = {
  title: 'How was the PTG?',
  intro: 'Two questions, a minute.',
  answers: 'signed',
  q1_text: 'How useful was the week?',
  q1_kind: 'scale',
  q1_low: 'Not at all',
  q1_high: 'Very',
  q1_required: 'yes',
  q2_text: 'What should we change?',
  q2_kind: 'text',
  q2_low: '',
  q2_high: '',
};

async function registered(email: string, name: string): Promise<FormClient> {
  const { client, user } = await signedInClient(site(), email, { name });
  const state = await site().runtime.models.get('oct2022-ptg');
  if (!state) throw new Error('no demo event');
  const done = await registerForEvent(
    site().runtime,
    { actor: { userId: user.id, name: user.name, isOrganizer: false }, source: 'web' },
    state,
    plainRegistration(state, name),
  );
  if (!done.ok) throw new Error(done.refusal.message);
  return client;
}

async function eventId(): Promise<string> {
  return (await site().runtime.models.get('oct2022-ptg'))?.event.id ?? '';
}

async function storedAnswers() {
  return site().runtime.store.feedback.answers(await eventId());
}

let organiser: FormClient;
let ada: FormClient;

beforeAll(async () => {
  ({ client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true }));
  ada = await registered('ada@example.org', 'Ada Lovelace');
});

describe('the organisers’ feedback form', () => {
  it('is a section of the console, for organisers only', async () => {
    const page = await organiser.get(F);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<a href="${F}" aria-current="page">Feedback form</a>`);
    expect((await ada.get(F)).status).toBe(403);
    const { client: stranger } = await signedInClient(site(), 'nobody@example.org');
    expect((await new (stranger.constructor as typeof FormClient)(site().app).get(F)).location).toBe(
      `/signin?next=${encodeURIComponent(F)}`,
    );
  });

  it('refuses a form without questions or with an unknown kind, and stores nothing', async () => {
    await organiser.get(F);
    const empty = await organiser.post(`${F}/save`, { ...editor, q1_text: '', q2_text: '' });
    expect([empty.status, textOf(empty.html)]).toEqual([
      400,
      expect.stringContaining('Write at least one question.'),
    ]);
    const odd = await organiser.post(`${F}/save`, { ...editor, q2_kind: 'stars' });
    expect(odd.status).toBe(400);
    expect(textOf(odd.html)).toContain('The kind of question 2 must be "scale" or "text".');
    expect(await site().runtime.store.feedback.form(await eventId())).toBe(null);
    expect((await ada.get(`${E}/feedback`)).status).toBe(404);
  });

  it('saves a draft, which attendees cannot see yet, then opens it and e-mails registrants its link', async () => {
    await organiser.get(F);
    const saved = await organiser.post(`${F}/save`, editor);
    expect([saved.status, saved.location]).toEqual([303, `${F}?done=save`]);
    const page = textOf((await organiser.follow(saved)).html);
    expect(page).toContain('The form is saved.');
    expect(page).toContain('The form is a draft: only organisers see it. 0 answers so far.');
    expect((await ada.get(`${E}/feedback`)).status).toBe(404);
    expect((await ada.get(E)).html).not.toContain(`href="${E}/feedback"`);

    const opened = await organiser.post(`${F}/status`, { status: 'open' });
    expect(opened.location).toBe(`${F}?done=status`);
    const open = await organiser.follow(opened);
    expect(textOf(open.html)).toContain('The form is open: registered attendees can answer.');
    expect((await ada.get(E)).html).toContain(
      `<a class="button" href="${E}/feedback">Tell the organisers how it went</a>`,
    );

    const message = hiddenFields(open.html, '/organise/mailings/preview');
    expect(message.subject).toBe('How was the PTG? · Project Teams Gathering, October 2022');
    const preview = await organiser.post(`${E}/organise/mailings/preview`, message);
    expect(textOf(preview.html)).toContain(`Answer here, in a few minutes: http://localhost${E}/feedback`);
    const sent = await organiser.post(`${E}/organise/mailings/send`, hiddenFields(preview.html, '/send'));
    expect(sent.status).toBe(303);
    const received = await mail().waitFor('ada@example.org', (m) => m.subject === message.subject);
    expect(linkTo(received, `${E}/feedback`)).toBe(`http://localhost${E}/feedback`);
    expect(received.text).toContain('Your name is shown to the organisers with your answers.');
  });
});

describe('answering the feedback form', () => {
  it('tells people who are not signed in to sign in, and people not registered to register', async () => {
    const anonymous = await new (ada.constructor as typeof FormClient)(site().app).get(`${E}/feedback`);
    expect(anonymous.status).toBe(200);
    expect(textOf(anonymous.html)).toContain('Sign in to answer it.');
    expect(anonymous.html).not.toContain('id="feedback-form"');
    const { client: outsider } = await signedInClient(site(), 'outsider@example.org');
    const page = await outsider.get(`${E}/feedback`);
    expect(textOf(page.html)).toContain('Register for Project Teams Gathering, October 2022 to see this.');
    expect(page.html).not.toContain('id="feedback-form"');
    const posted = await outsider.post(`${E}/feedback`, { q1: '4' });
    expect(posted.status).toBe(403);
    expect(await storedAnswers()).toEqual([]);
  });

  it('shows each scale as a fieldset of radio buttons under its legend, and free text in a labelled box', async () => {
    const page = await ada.get(`${E}/feedback`);
    expect(page.html).toMatch(
      /<fieldset class="field"><legend>How useful was the week\? \(required\)<\/legend>/,
    );
    expect(page.html).toContain('<input type="radio" name="q1" value="5" required');
    expect(textOf(page.html)).toContain('1 – Not at all 2 3 4 5 – Very');
    expect(page.html).toContain('<label for="answer-q2">What should we change? (optional)</label>');
  });

  it.each([
    ['a scale below 1', { q1: '0' }, 'must be a whole number from 1 to 5'],
    ['a scale above 5', { q1: '6' }, 'must be a whole number from 1 to 5'],
    ['a scale that is no number', { q1: 'lots' }, 'must be a whole number from 1 to 5'],
    ['no answer to a required question', { q1: '', q2: 'Hi' }, 'is missing: it is required'],
    ['text over 4000 characters', { q1: '3', q2: 'x'.repeat(4001) }, 'is too long: at most 4000 characters'],
    ['text of invisible characters only', { q1: '3', q2: '\u200b\u2060' }, 'holds only invisible characters'],
  ])('refuses %s (400) and stores nothing', async (_what, fields, message) => {
    await ada.get(`${E}/feedback`);
    const refused = await ada.post(`${E}/feedback`, fields);
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain(message);
    expect(await storedAnswers()).toEqual([]);
  });

  it('refuses a post without the form’s token (csrf_failed) and stores nothing', async () => {
    const refused = await ada.post(`${E}/feedback`, { q1: '4' }, false);
    expect(refused.status).toBe(403);
    expect(await storedAnswers()).toEqual([]);
  });

  it('saves an answer once per person: answering again changes it', async () => {
    await ada.get(`${E}/feedback`);
    const saved = await ada.post(`${E}/feedback`, { q1: '4', q2: 'More quiet rooms, please.' });
    expect(saved.location).toBe(`${E}/feedback?done=saved`);
    const again = await ada.follow(saved);
    expect(textOf(again.html)).toContain('Thank you! Your answers are saved.');
    expect(again.html).toContain('<input type="radio" name="q1" value="4" checked');
    expect(textOf(again.html)).toContain('Change my answers');
    const changed = await ada.post(`${E}/feedback`, { q1: '5', q2: 'More quiet rooms, please.' });
    expect(changed.location).toBe(`${E}/feedback?done=changed`);
    expect((await storedAnswers()).map((answer) => [answer.name, answer.values])).toEqual([
      ['Ada Lovelace', { q1: 5, q2: 'More quiet rooms, please.' }],
    ]);
    const bo = await registered('bo@example.org', 'Bo');
    await bo.get(`${E}/feedback`);
    await bo.post(`${E}/feedback`, { q1: '2' });
    expect(await storedAnswers()).toHaveLength(2);
  });
});

describe('the answers, for organisers', () => {
  it('counts each value of a scale with the mean, lists texts with names, and exports CSV', async () => {
    const page = await organiser.get(`${F}/answers`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('2 answers, signed; the form is open.');
    expect(text).toContain('2 answers, mean 3.50 Value Answers 1 (Not at all) 0 2 1 3 0 4 0 5 (Very) 1');
    expect(text).toContain('More quiet rooms, please. — Ada Lovelace');
    expect((await ada.get(`${F}/answers`)).status).toBe(403);

    const csv = await organiser.get(`${F}/answers.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="oct2022-ptg-feedback.csv"');
    const rows = csv.html.replace('\ufeff', '').split('\r\n');
    expect(rows[0]).toBe('name,answered_at,How useful was the week?,What should we change?');
    expect(rows.slice(1).filter(Boolean).sort()).toEqual([
      expect.stringMatching(/^Ada Lovelace,2022-[^,]+,5,"More quiet rooms, please\."$/),
      expect.stringMatching(/^Bo,2022-[^,]+,2,$/),
    ]);
  });

  it('refuses to change the questions once answered (409), but changes the title', async () => {
    await organiser.get(F);
    const refused = await organiser.post(`${F}/save`, { ...editor, q1_text: 'Another question?' });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('2 people have already answered');
    const form = await site().runtime.store.feedback.form(await eventId());
    expect(form?.questions[0]?.text).toBe('How useful was the week?');

    const page = await organiser.get(F);
    expect(textOf(page.html)).toContain('People have answered, so the questions stay as they are');
    const kept = hiddenFields(page.html, '/feedback/save');
    const renamed = await organiser.post(`${F}/save`, {
      ...kept,
      title: 'Your PTG, in two questions',
      intro: '',
    });
    expect(renamed.status).toBe(303);
    expect((await site().runtime.store.feedback.form(await eventId()))?.title).toBe(
      'Your PTG, in two questions',
    );
    expect((await storedAnswers()).length).toBe(2);
  });

  it('closes the form: answers are refused (feedback_closed, 409) and the page says so', async () => {
    await organiser.get(F);
    await organiser.post(`${F}/status`, { status: 'closed' });
    const page = await ada.get(`${E}/feedback`);
    expect(textOf(page.html)).toContain('is closed; thank you all the same.');
    expect((await ada.get(E)).html).not.toContain(`href="${E}/feedback"`);
    const refused = await ada.post(`${E}/feedback`, { q1: '1' });
    expect(refused.status).toBe(409);
    expect((await storedAnswers()).find((answer) => answer.name === 'Ada Lovelace')?.values.q1).toBe(5);
    await organiser.get(F);
    await organiser.post(`${F}/status`, { status: 'open' });
  });

  it('refuses answers once the event is archived (event_archived, 409)', async () => {
    const archived = await call(site().app, 'PATCH', `/api/v1${E}`, {
      token: site().token,
      body: { status: 'archived' },
    });
    expect(archived.statusCode).toBe(200);
    await ada.get(`${E}/feedback`);
    const refused = await ada.post(`${E}/feedback`, { q1: '1' });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('answering the feedback form is closed');
    expect((await storedAnswers()).find((answer) => answer.name === 'Ada Lovelace')?.values.q1).toBe(5);
  });
});
