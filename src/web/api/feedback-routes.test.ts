import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/support/http.ts';
import { plainRegistration } from '../../../test/support/people.ts';
import { useTestSite } from '../../../test/support/web.ts';
import { addUser, createApiToken } from '../../app/people.ts';
import { registerForEvent } from '../../app/registrations.ts';

const site = useTestSite();
const api = '/api/v1/events/oct2022-ptg/feedback';
const form = {
  title: 'How was the PTG?',
  intro: 'Two questions.',
  anonymous: true,
  questions: [
    { text: 'How useful was the week?', kind: 'scale', required: true, low: 'Not at all', high: 'Very' },
    { text: 'What should we change?', kind: 'text' },
  ],
};
const tokens: Record<string, string> = {};

async function person(email: string, register: boolean): Promise<string> {
  const added = await addUser(site().runtime, {
    email,
    name: email.split('@')[0] ?? email,
    isOrganizer: false,
  });
  if (!added.ok) throw new Error(added.refusal.message);
  const state = await site().runtime.models.get('oct2022-ptg');
  if (!state) throw new Error('no demo event');
  if (register) {
    const actor = { userId: added.value.id, name: added.value.name, isOrganizer: false };
    const done = await registerForEvent(
      site().runtime,
      { actor, source: 'api' },
      state,
      plainRegistration(state, actor.name),
    );
    if (!done.ok) throw new Error(done.refusal.message);
  }
  return (await createApiToken(site().runtime, added.value.id, 'tests')).token;
}

const refusal = (response: { statusCode: number; json(): { error?: { code: string } } }) => [
  response.statusCode,
  response.json().error?.code,
];
const answers = async () => (await call(site().app, 'GET', `${api}/answers`, { token: site().token })).json();

beforeAll(async () => {
  tokens.ada = await person('ada@example.org', true);
  tokens.bo = await person('bo@example.org', true);
  tokens.outsider = await person('outsider@example.org', false);
});

describe('the feedback API', () => {
  it('lets only organisers write the form, refuses a bad one with invalid_input, and hides the draft', async () => {
    expect(refusal(await call(site().app, 'PUT', api, { body: form }))).toEqual([401, 'unauthenticated']);
    expect(refusal(await call(site().app, 'PUT', api, { token: tokens.ada, body: form }))).toEqual([
      403,
      'forbidden',
    ]);
    for (const bad of [
      { ...form, questions: [] },
      { ...form, questions: [{ text: 'Rate us', kind: 'stars' }] },
      { ...form, questions: [{ text: 'Rate us', kind: 'scale' }] },
      { ...form, title: '\u200b' },
      { ...form, anonymous: 'yes' },
    ])
      expect(refusal(await call(site().app, 'PUT', api, { token: site().token, body: bad }))).toEqual([
        400,
        'invalid_input',
      ]);
    expect(refusal(await call(site().app, 'GET', api))).toEqual([404, 'not_found']);

    const saved = await call(site().app, 'PUT', api, { token: site().token, body: form });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().form).toEqual({
      title: 'How was the PTG?',
      intro: 'Two questions.',
      anonymous: true,
      status: 'draft',
      questions: [
        {
          id: 'q1',
          kind: 'scale',
          text: 'How useful was the week?',
          required: true,
          low: 'Not at all',
          high: 'Very',
        },
        { id: 'q2', kind: 'text', text: 'What should we change?', required: false },
      ],
      updated_at: expect.any(String),
    });
    expect(refusal(await call(site().app, 'GET', api, { token: tokens.ada }))).toEqual([404, 'not_found']);
    expect(
      refusal(
        await call(site().app, 'POST', `${api}/answers`, { token: tokens.ada, body: { answers: { q1: 3 } } }),
      ),
    ).toEqual([404, 'not_found']);
  });

  it('opens the form; registered attendees answer once and may change it; others are refused', async () => {
    const opened = await call(site().app, 'PUT', `${api}/status`, {
      token: site().token,
      body: { status: 'open' },
    });
    expect(opened.json().form.status).toBe('open');
    expect((await call(site().app, 'GET', api)).json()).toEqual({
      form: expect.objectContaining({ status: 'open' }),
      your_answer: null,
    });

    const first = await call(site().app, 'POST', `${api}/answers`, {
      token: tokens.ada,
      body: { answers: { q1: 4, q2: 'More rooms' } },
    });
    expect([first.statusCode, first.json().values]).toEqual([201, { q1: 4, q2: 'More rooms' }]);
    const changed = await call(site().app, 'POST', `${api}/answers`, {
      token: tokens.ada,
      body: { answers: { q1: '5' } },
    });
    expect([changed.statusCode, changed.json().values]).toEqual([200, { q1: 5 }]);
    expect((await call(site().app, 'GET', api, { token: tokens.ada })).json().your_answer).toEqual({
      values: { q1: 5 },
      answered_at: expect.any(String),
    });

    const post = (token: string | undefined, body: unknown) =>
      call(site().app, 'POST', `${api}/answers`, { ...(token ? { token } : {}), body });
    expect(refusal(await post(undefined, { answers: { q1: 3 } }))).toEqual([401, 'unauthenticated']);
    expect(refusal(await post(tokens.outsider, { answers: { q1: 3 } }))).toEqual([403, 'not_registered']);
    for (const values of [
      { q1: 0 },
      { q1: 6 },
      { q1: 3.5 },
      { q1: 'x' },
      {},
      { q1: 3, q2: 'x'.repeat(4001) },
      { q1: 3, q2: '\u200b\u200c' },
      { q1: 3, q2: 7 },
      { q1: 3, q3: 'no such question' },
    ])
      expect([values, refusal(await post(tokens.bo, { answers: values }))]).toEqual([
        values,
        [400, 'invalid_input'],
      ]);
    expect(refusal(await post(tokens.bo, { answers: 'q1=3' }))).toEqual([400, 'invalid_input']);
    expect((await answers()).count).toBe(1);
  });

  it('gives organisers counts, means and each answer, without names or times on an anonymous form', async () => {
    await call(site().app, 'POST', `${api}/answers`, {
      token: tokens.bo,
      body: { answers: { q1: 2, q2: 'Fine' } },
    });
    expect(refusal(await call(site().app, 'GET', `${api}/answers`, { token: tokens.ada }))).toEqual([
      403,
      'forbidden',
    ]);
    const results = await answers();
    expect(results.count).toBe(2);
    expect(results.summary).toEqual([
      { question: 'q1', kind: 'scale', counts: [0, 1, 0, 0, 1], answered: 2, mean: 3.5 },
      { question: 'q2', kind: 'text', answered: 1 },
    ]);
    expect(results.answers).toHaveLength(2);
    expect(results.answers).toEqual(
      expect.arrayContaining([{ values: { q1: 5 } }, { values: { q1: 2, q2: 'Fine' } }]),
    );
    expect(JSON.stringify(results)).not.toMatch(/ada|answered_at/);
  });

  it('refuses to change questions or anonymity once answered (form_answered), and stores nothing', async () => {
    const put = (body: unknown) => call(site().app, 'PUT', api, { token: site().token, body });
    expect(refusal(await put({ ...form, anonymous: false }))).toEqual([409, 'form_answered']);
    expect(refusal(await put({ ...form, questions: form.questions.slice(0, 1) }))).toEqual([
      409,
      'form_answered',
    ]);
    expect(
      refusal(
        await call(site().app, 'PUT', `${api}/status`, { token: site().token, body: { status: 'draft' } }),
      ),
    ).toEqual([409, 'form_answered']);
    expect((await put({ ...form, title: 'Your PTG' })).json().form.title).toBe('Your PTG');
    expect((await answers()).form).toEqual(expect.objectContaining({ anonymous: true, status: 'open' }));
  });

  it('refuses answers to a closed form (feedback_closed) and on an archived event (event_archived)', async () => {
    await call(site().app, 'PUT', `${api}/status`, { token: site().token, body: { status: 'closed' } });
    const answer = () =>
      call(site().app, 'POST', `${api}/answers`, { token: tokens.bo, body: { answers: { q1: 1 } } });
    expect(refusal(await answer())).toEqual([409, 'feedback_closed']);
    await call(site().app, 'PUT', `${api}/status`, { token: site().token, body: { status: 'open' } });
    await call(site().app, 'PATCH', '/api/v1/events/oct2022-ptg', {
      token: site().token,
      body: { status: 'archived' },
    });
    expect(refusal(await answer())).toEqual([409, 'event_archived']);
    expect((await answers()).summary[0].counts).toEqual([0, 1, 0, 0, 1]);
  });
});
