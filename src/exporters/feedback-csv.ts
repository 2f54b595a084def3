import type { FeedbackAnswerView, FeedbackForm } from '../core/model/feedback.ts';
import { csvTable } from './csv-table.ts';

/**
 * The answers to a feedback form, one row per answer and one column per question (headed by the
 * question); a scale's value is its number. A signed form starts each row with the name and the
 * time of the answer; an anonymous one has neither (decision 0046).
 */
export function feedbackCsv(form: FeedbackForm, answers: readonly FeedbackAnswerView[]): string {
  const questions = form.questions.map((question) => question.text);
  const values = (answer: FeedbackAnswerView) =>
    form.questions.map((question) => answer.values[question.id] ?? null);
  if (form.anonymous) return csvTable(questions, answers.map(values));
  return csvTable(
    ['name', 'answered_at', ...questions],
    answers.map((answer) => [answer.name, answer.answeredAt, ...values(answer)]),
  );
}
