import type { FeedbackResults } from '../../app/feedback.ts';
import type { FeedbackForm } from '../../core/model/feedback.ts';

/** A feedback form as the API gives it: its words, questions, anonymity and status. */
export function presentFeedbackForm(form: FeedbackForm) {
  return {
    title: form.title,
    intro: form.intro,
    anonymous: form.anonymous,
    status: form.status,
    questions: form.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      text: question.text,
      required: question.required,
      ...(question.kind === 'scale' ? { low: question.low, high: question.high } : {}),
    })),
    updated_at: form.updatedAt,
  };
}

/**
 * The answers for organisers: the summary per question, and each answer; on an anonymous form an
 * answer carries neither a name nor a time (decision 0046).
 */
export function presentFeedbackResults(results: FeedbackResults) {
  const { form, answers, summary } = results;
  return {
    form: presentFeedbackForm(form),
    count: summary.answers,
    summary: summary.questions.map((question) =>
      question.kind === 'scale'
        ? {
            question: question.questionId,
            kind: question.kind,
            counts: [...question.counts],
            answered: question.answered,
            mean: question.mean,
          }
        : {
            question: question.questionId,
            kind: question.kind,
            answered: question.answers.length,
          },
    ),
    answers: answers.map((answer) => ({
      ...(form.anonymous ? {} : { name: answer.name, answered_at: answer.answeredAt }),
      values: answer.values,
    })),
  };
}
