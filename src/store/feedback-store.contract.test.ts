import { afterAll, beforeAll, expect, it } from 'vitest';
import { ctxOf, organizer, sequentialIds, smallEvent } from '../../test/support/builders.ts';
import { describeWithService } from '../../test/support/services.ts';
import { type StoreKind, storeKinds } from '../../test/support/stores.ts';
import { failed, passed } from '../core/checked.ts';
import { createEvent } from '../core/event/create-event.ts';
import type { EventInfo } from '../core/model/event.ts';
import type { FeedbackAnswer, FeedbackForm } from '../core/model/feedback.ts';
import type { KyselyStore } from './kysely-store.ts';

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `feedback store on ${kind.name}`, () =>
    feedbackContract(kind),
  );
}

function feedbackContract(kind: StoreKind) {
  let store: KyselyStore;
  let dispose: () => Promise<void>;
  let eventId: string;
  const form = (): FeedbackForm => ({
    eventId,
    title: 'How was it?',
    intro: 'Briefly.',
    anonymous: false,
    questions: [
      { id: 'q1', kind: 'scale', text: 'Useful?', required: true, low: 'No', high: 'Yes' },
      { id: 'q2', kind: 'text', text: 'Anything else?', required: false },
    ],
    status: 'open',
    updatedAt: '2022-10-21T18:00:00Z',
  });
  const answer = (key: string, userId: string | null, q1: number): FeedbackAnswer => ({
    eventId,
    respondentKey: key,
    userId,
    values: { q1, q2: `said ${key}` },
    answeredAt: '2022-10-21T19:00:00Z',
  });

  beforeAll(async () => {
    ({ store, dispose } = await kind.open());
    await store.createUser(
      { email: 'ada@example.org', name: 'Ada', ircNick: null, isOrganizer: false },
      'u-ada',
      '2022-10-01T00:00:00Z',
    );
    const at = '2022-10-01T00:00:00Z';
    const created = createEvent(
      [],
      smallEvent,
      ctxOf(organizer, at, 'cli', sequentialIds(`${kind.name}-fb`)),
    );
    if (!created.ok) throw new Error(created.refusal.message);
    const event = (created.changes[0] as { event: EventInfo }).event;
    eventId = event.id;
    await store.createEvent(event, created.changes, { at, actorId: null, actorName: null, source: 'cli' });
  });
  afterAll(async () => dispose());

  it('has no form until one is saved, and saves what the decision makes of the form as it is', async () => {
    expect(await store.feedback.form(eventId)).toBe(null);
    const seen: unknown[] = [];
    const saved = await store.feedback.changeForm(eventId, (current, answers) => {
      seen.push([current, answers]);
      return passed(form());
    });
    expect(saved).toEqual(passed(form()));
    expect(seen).toEqual([[null, 0]]);
    expect(await store.feedback.form(eventId)).toEqual(form());
  });

  it('saves nothing when the decision refuses', async () => {
    const refused = await store.feedback.changeForm(eventId, () => failed('form_answered'));
    expect(refused.ok).toBe(false);
    expect(await store.feedback.form(eventId)).toEqual(form());
  });

  it('keeps one answer per respondent key: answering again replaces it', async () => {
    expect(await store.feedback.saveAnswer(eventId, 'k-b', () => passed(answer('k-b', 'u-ada', 2)))).toEqual(
      passed({ answer: answer('k-b', 'u-ada', 2), created: true }),
    );
    expect(await store.feedback.saveAnswer(eventId, 'k-b', () => passed(answer('k-b', 'u-ada', 4)))).toEqual(
      passed({ answer: answer('k-b', 'u-ada', 4), created: false }),
    );
    expect(await store.feedback.saveAnswer(eventId, 'k-a', () => passed(answer('k-a', null, 5)))).toEqual(
      passed({ answer: answer('k-a', null, 5), created: true }),
    );
    expect(await store.feedback.answerOf(eventId, 'k-b')).toEqual(answer('k-b', 'u-ada', 4));
    expect(await store.feedback.answerOf(eventId, 'k-none')).toBe(null);
    expect(await store.feedback.countAnswers(eventId)).toBe(2);
  });

  it('decides an answer on the form as it is, and saves nothing when refused', async () => {
    const forms: unknown[] = [];
    const refused = await store.feedback.saveAnswer(eventId, 'k-c', (current) => {
      forms.push(current);
      return failed('feedback_closed');
    });
    expect(refused.ok).toBe(false);
    expect(forms).toEqual([form()]);
    expect(await store.feedback.answerOf(eventId, 'k-c')).toBe(null);
  });

  it('lists answers in key order with the names of signed ones, and counts them in form changes', async () => {
    expect(await store.feedback.answers(eventId)).toEqual([
      { ...answer('k-a', null, 5), name: null },
      { ...answer('k-b', 'u-ada', 4), name: 'Ada' },
    ]);
    const counted: number[] = [];
    await store.feedback.changeForm(eventId, (current, answers) => {
      counted.push(answers);
      return passed({ ...(current as FeedbackForm), status: 'closed' });
    });
    expect(counted).toEqual([2]);
    expect((await store.feedback.form(eventId))?.status).toBe('closed');
  });

  it('serialises concurrent answers to one form without losing any', async () => {
    const keys = Array.from({ length: 12 }, (_, index) => `k-x${index}`);
    await Promise.all(
      keys.map((key) => store.feedback.saveAnswer(eventId, key, () => passed(answer(key, null, 3)))),
    );
    expect(await store.feedback.countAnswers(eventId)).toBe(14);
  });

  it('deletes a person’s signed answers with their account and keeps the unsigned ones', async () => {
    await store.people.deleteUser('u-ada', 'a deleted account');
    const left = await store.feedback.answers(eventId);
    expect(left.map((row) => row.respondentKey)).not.toContain('k-b');
    expect(left.map((row) => row.respondentKey)).toContain('k-a');
  });
}
