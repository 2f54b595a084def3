import { describe, expect, it } from 'vitest';
import type { FeedbackAnswerView, FeedbackForm } from '../core/model/feedback.ts';
import { feedbackCsv } from './feedback-csv.ts';

const form: FeedbackForm = {
  eventId: 'e1',
  title: 'How was it?',
  intro: '',
  anonymous: false,
  questions: [
    { id: 'q1', kind: 'scale', text: 'Useful, overall?', required: true, low: 'No', high: 'Yes' },
    { id: 'q2', kind: 'text', text: 'What should change?', required: false },
  ],
  status: 'open',
  updatedAt: '2022-10-21T18:00:00Z',
};

const answer = (values: FeedbackAnswerView['values'], name: string | null): FeedbackAnswerView => ({
  eventId: 'e1',
  respondentKey: `k-${name}`,
  userId: null,
  values,
  answeredAt: '2022-10-21T19:00:00Z',
  name,
});

describe('feedbackCsv', () => {
  it('has a row per answer and a column per question, with the name and time on a signed form', () => {
    const csv = feedbackCsv(form, [
      answer({ q1: 4, q2: 'More "quiet" rooms,\nplease' }, 'Ada'),
      answer({ q1: 2 }, 'Bo'),
    ]);
    expect(csv).toBe(
      'name,answered_at,"Useful, overall?",What should change?\r\n' +
        'Ada,2022-10-21T19:00:00Z,4,"More ""quiet"" rooms,\nplease"\r\n' +
        'Bo,2022-10-21T19:00:00Z,2,\r\n',
    );
  });

  it('leaves out names and times on an anonymous form, and defuses text a spreadsheet would run', () => {
    const csv = feedbackCsv({ ...form, anonymous: true }, [answer({ q1: 5, q2: '=HYPERLINK("x")' }, null)]);
    expect(csv).toBe('"Useful, overall?",What should change?\r\n5,"\'=HYPERLINK(""x"")"\r\n');
  });
});
