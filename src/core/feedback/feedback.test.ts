import { describe, expect, it } from 'vitest';
import { buildEventState } from '../../../test/support/builders.ts';
import type { FeedbackAnswerView, FeedbackForm } from '../model/feedback.ts';
import type { Registration } from '../model/registration.ts';
import { answerFeedback, checkFeedbackValues, maxAnswerLength } from './answer-feedback.ts';
import {
  changeFeedbackStatus,
  checkFeedbackForm,
  checkFormChange,
  type FeedbackFormInput,
  maxQuestions,
} from './feedback-form.ts';
import { summariseFeedback } from './feedback-summary.ts';

const written: FeedbackFormInput = {
  title: ' How was the PTG? ',
  intro: 'Tell us, briefly.\n',
  anonymous: true,
  questions: [
    { text: 'How useful was the week?', kind: 'scale', required: true, low: 'Not at all', high: 'Very' },
    { text: 'What should change?', kind: 'text', required: false, low: 'ignored' },
  ],
};

function formOf(status: FeedbackForm['status'] = 'open'): FeedbackForm {
  const checked = checkFeedbackForm(written);
  if (!checked.ok) throw new Error(checked.refusal.message);
  return { ...checked.value, eventId: 'e1', status, updatedAt: '2022-10-21T18:00:00Z' };
}

const state = buildEventState();
const registration: Registration = {
  eventId: state.event.id,
  userId: 'user-attendee',
  role: 'contributor',
  affiliation: '',
  country: null,
  cocVersion: state.event.codeOfConduct.version,
  cocAcceptedAt: '2022-10-01T00:00:00Z',
  registeredAt: '2022-10-01T00:00:00Z',
  updatedAt: '2022-10-01T00:00:00Z',
};

const refusalOf = (checked: { ok: boolean; refusal?: { code: string } }) =>
  checked.ok ? null : checked.refusal?.code;

describe('checkFeedbackForm', () => {
  it('keeps the words tidy, numbers the questions and keeps end labels for scales only', () => {
    expect(checkFeedbackForm(written)).toEqual({
      ok: true,
      value: {
        title: 'How was the PTG?',
        intro: 'Tell us, briefly.',
        anonymous: true,
        questions: [
          {
            id: 'q1',
            kind: 'scale',
            text: 'How useful was the week?',
            required: true,
            low: 'Not at all',
            high: 'Very',
          },
          { id: 'q2', kind: 'text', text: 'What should change?', required: false },
        ],
      },
    });
  });

  it('refuses a form without questions, with too many, an unknown kind, a scale without labels or an invisible question (invalid_input)', () => {
    const question = written.questions[1] as FeedbackFormInput['questions'][number];
    for (const input of [
      { ...written, questions: [] },
      { ...written, questions: Array.from({ length: maxQuestions + 1 }, () => question) },
      { ...written, questions: [{ ...question, kind: 'stars' }] },
      { ...written, questions: [{ ...question, kind: 'scale', low: 'Bad', high: '' }] },
      { ...written, questions: [{ ...question, text: '\u200b\u200b' }] },
      { ...written, title: 'x'.repeat(121) },
      { ...written, title: 'A \u202e trick' },
      { ...written, title: 'Hi <script>alert(1)</script>' },
    ])
      expect(refusalOf(checkFeedbackForm(input))).toBe('invalid_input');
  });
});

describe('checkFormChange', () => {
  const form = formOf();
  const content = { ...form, title: 'New title', intro: 'New words' };

  it('lets everything change while nobody has answered', () => {
    expect(checkFormChange(form, { ...content, anonymous: false, questions: [] }, 0)).toBe(null);
    expect(checkFormChange(null, content, 0)).toBe(null);
  });

  it('after the first answer, lets the title and introduction change but not the questions or the anonymity (form_answered)', () => {
    expect(checkFormChange(form, content, 3)).toBe(null);
    expect(checkFormChange(form, { ...content, anonymous: false }, 1)?.code).toBe('form_answered');
    expect(checkFormChange(form, { ...content, questions: form.questions.slice(1) }, 3)?.message).toMatch(
      /^3 people have already answered/,
    );
  });

  it('opens and closes a written form, and refuses a draft again once answered', () => {
    const at = '2022-10-22T09:00:00Z';
    expect(changeFeedbackStatus(form, 'closed', 2, at)).toEqual({
      ok: true,
      value: { ...form, status: 'closed', updatedAt: at },
    });
    expect(changeFeedbackStatus(form, 'draft', 0, at)).toEqual({
      ok: true,
      value: { ...form, status: 'draft', updatedAt: at },
    });
    expect(refusalOf(changeFeedbackStatus(form, 'draft', 1, at))).toBe('form_answered');
    expect(refusalOf(changeFeedbackStatus(null, 'open', 0, at))).toBe('not_found');
  });
});

describe('answerFeedback', () => {
  const form = formOf();

  it('takes a scale as a number or its digits, trims text and leaves out empty optional answers', () => {
    expect(answerFeedback(state.event, form, registration, { q1: '4', q2: '  More coffee ' })).toEqual({
      ok: true,
      value: { q1: 4, q2: 'More coffee' },
    });
    expect(answerFeedback(state.event, form, registration, { q1: 5, q2: '   ' })).toEqual({
      ok: true,
      value: { q1: 5 },
    });
  });

  it('refuses values that do not fit their question (invalid_input)', () => {
    for (const input of [
      {},
      { q1: '' },
      { q1: '0' },
      { q1: '6' },
      { q1: 2.5 },
      { q1: '3.0' },
      { q1: 'five' },
      { q1: 3, q2: 'x'.repeat(maxAnswerLength + 1) },
      { q1: 3, q2: '\u200b\u2060' },
      { q1: 3, q2: 'a \u202e b' },
      { q1: 3, q2: 42 },
      { q1: 3, q9: 'unknown question' },
    ])
      expect([input, refusalOf(checkFeedbackValues(form, input))]).toEqual([input, 'invalid_input']);
    expect(checkFeedbackValues(form, {})).toEqual({
      ok: false,
      refusal: {
        code: 'invalid_input',
        message: 'The answer to “How useful was the week?” is missing: it is required.',
      },
    });
  });

  it('refuses people who are not registered, forms that are not open, and archived events', () => {
    const input = { q1: '3' };
    expect(refusalOf(answerFeedback(state.event, form, null, input))).toBe('not_registered');
    expect(refusalOf(answerFeedback(state.event, form, { ...registration, cocVersion: 'old' }, input))).toBe(
      'coc_required',
    );
    expect(refusalOf(answerFeedback(state.event, null, registration, input))).toBe('not_found');
    expect(refusalOf(answerFeedback(state.event, formOf('draft'), registration, input))).toBe('not_found');
    expect(refusalOf(answerFeedback(state.event, formOf('closed'), registration, input))).toBe(
      'feedback_closed',
    );
    const archived = { ...state.event, status: 'archived' as const };
    expect(refusalOf(answerFeedback(archived, form, registration, input))).toBe('event_archived');
  });
});

describe('summariseFeedback', () => {
  const answer = (values: FeedbackAnswerView['values'], name: string | null): FeedbackAnswerView => ({
    eventId: 'e1',
    respondentKey: `k-${JSON.stringify(values)}`,
    userId: null,
    values,
    answeredAt: '2022-10-21T18:00:00Z',
    name,
  });

  it('counts each value of a scale with its mean, and lists the texts with their names', () => {
    const summary = summariseFeedback(formOf(), [
      answer({ q1: 5, q2: 'More rooms' }, 'Ada'),
      answer({ q1: 4 }, 'Bo'),
      answer({ q1: 4, q2: 'Fine' }, null),
    ]);
    expect(summary).toEqual({
      answers: 3,
      questions: [
        { kind: 'scale', questionId: 'q1', counts: [0, 0, 0, 2, 1], answered: 3, mean: 4.33 },
        {
          kind: 'text',
          questionId: 'q2',
          answers: [
            { text: 'More rooms', name: 'Ada' },
            { text: 'Fine', name: null },
          ],
        },
      ],
    });
  });

  it('has no mean for a scale nobody answered', () => {
    expect(summariseFeedback(formOf(), []).questions[0]).toEqual({
      kind: 'scale',
      questionId: 'q1',
      counts: [0, 0, 0, 0, 0],
      answered: 0,
      mean: null,
    });
  });
});
