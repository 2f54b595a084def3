import type { FeedbackAnswerView, FeedbackForm } from '../model/feedback.ts';

/** How one scale question was answered: how many chose each value from 1 to 5, and their mean. */
export interface ScaleSummary {
  readonly kind: 'scale';
  readonly questionId: string;
  /** `counts[0]` is how many chose 1, … `counts[4]` how many chose 5 */
  readonly counts: readonly [number, number, number, number, number];
  readonly answered: number;
  /** rounded to two decimals; null when nobody answered */
  readonly mean: number | null;
}

/** What people wrote to one free-text question, each with the name when the form is signed. */
export interface TextSummary {
  readonly kind: 'text';
  readonly questionId: string;
  readonly answers: readonly { readonly text: string; readonly name: string | null }[];
}

/** The answers to a form, question by question, in the form's order. */
export interface FeedbackSummary {
  readonly answers: number;
  readonly questions: readonly (ScaleSummary | TextSummary)[];
}

/** Counts and means for scales, the texts for free text; values that do not fit a question are left out. */
export function summariseFeedback(
  form: FeedbackForm,
  answers: readonly FeedbackAnswerView[],
): FeedbackSummary {
  return {
    answers: answers.length,
    questions: form.questions.map((question) => {
      if (question.kind === 'text')
        return {
          kind: 'text',
          questionId: question.id,
          answers: answers.flatMap((answer) => {
            const text = answer.values[question.id];
            return typeof text === 'string' ? [{ text, name: answer.name }] : [];
          }),
        };
      const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      let sum = 0;
      for (const answer of answers) {
        const value = answer.values[question.id];
        if (typeof value !== 'number' || value < 1 || value > 5) continue;
        counts[value - 1] = (counts[value - 1] ?? 0) + 1;
        sum += value;
      }
      const answered = counts.reduce((total, n) => total + n, 0);
      return {
        kind: 'scale',
        questionId: question.id,
        counts,
        answered,
        mean: answered === 0 ? null : Math.round((sum / answered) * 100) / 100,
      };
    }),
  };
}
