/**
 * Feedback forms: after (or during) the event, organisers ask registered attendees a few questions,
 * each a scale from 1 to 5 or free text, signed or anonymous. Each attendee answers once and may
 * change their answer while the form is open. Once anyone has answered, the questions and the
 * anonymity of the form stay as they are, so no answer ever belongs to a question it was not given
 * for (decision 0045).
 */
import { type Checked, failed, passed } from '../checked.ts';
import { type Refusal, refusal } from '../errors.ts';
import type {
  FeedbackForm,
  FeedbackFormContent,
  FeedbackQuestion,
  FeedbackStatus,
} from '../model/feedback.ts';
import type { Instant } from '../model/instant.ts';
import { checkName } from '../text/check-name.ts';
import { checkText } from '../text/plain-text.ts';

/** The most questions one form holds: feedback forms are short. */
export const maxQuestions = 10;
export const maxTitleLength = 120;
export const maxIntroLength = 2000;
export const maxQuestionLength = 300;
export const maxLabelLength = 60;

/** A question as organisers send it, before it is checked. */
export interface FeedbackQuestionInput {
  readonly text: string;
  readonly kind: string;
  readonly required: boolean;
  readonly low?: string | undefined;
  readonly high?: string | undefined;
}

/** A form as organisers send it, before it is checked. */
export interface FeedbackFormInput {
  readonly title: string;
  readonly intro: string;
  readonly anonymous: boolean;
  readonly questions: readonly FeedbackQuestionInput[];
}

/**
 * Checks what organisers wrote: a title, an introduction, one to `maxQuestions` questions, each a
 * `scale` with both end labels or `text`; the title, questions and labels are lines without HTML
 * tags (`checkName`). Questions get the ids `q1`, `q2`… in order. Refuses with
 * `invalid_input`, naming the question.
 */
export function checkFeedbackForm(input: FeedbackFormInput): Checked<FeedbackFormContent> {
  const title = checkName(input.title, 'title', maxTitleLength);
  if (!title.ok) return title;
  const intro = checkText(input.intro.trim(), 'introduction', maxIntroLength);
  if (!intro.ok) return intro;
  if (input.questions.length === 0) return failed('invalid_input', 'Write at least one question.');
  if (input.questions.length > maxQuestions)
    return failed('invalid_input', `A form holds at most ${maxQuestions} questions.`);
  const questions: FeedbackQuestion[] = [];
  for (const [index, question] of input.questions.entries()) {
    const checked = checkQuestion(question, index + 1);
    if (!checked.ok) return checked;
    questions.push(checked.value);
  }
  return passed({ title: title.value, intro: intro.value, anonymous: input.anonymous, questions });
}

function checkQuestion(input: FeedbackQuestionInput, number: number): Checked<FeedbackQuestion> {
  const what = `question ${number}`;
  const text = checkName(input.text, `text of ${what}`, maxQuestionLength);
  if (!text.ok) return text;
  const base = { id: `q${number}`, text: text.value, required: input.required };
  if (input.kind === 'text') return passed({ ...base, kind: 'text' });
  if (input.kind !== 'scale')
    return failed('invalid_input', `The kind of ${what} must be "scale" or "text".`);
  const low = checkName(input.low ?? '', `label for 1 of ${what}`, maxLabelLength);
  if (!low.ok) return low;
  const high = checkName(input.high ?? '', `label for 5 of ${what}`, maxLabelLength);
  if (!high.ok) return high;
  return passed({ ...base, kind: 'scale', low: low.value, high: high.value });
}

/**
 * Whether a form may take this new content: while nobody has answered, anything may change; after
 * that only the title and the introduction, because answers belong to the questions as they were
 * asked, and people answered knowing whether their name would show. Refuses with `form_answered`.
 */
export function checkFormChange(
  current: FeedbackForm | null,
  next: FeedbackFormContent,
  answers: number,
): Refusal | null {
  if (!current || answers === 0) return null;
  const same =
    current.anonymous === next.anonymous &&
    JSON.stringify(current.questions) === JSON.stringify(next.questions);
  if (same) return null;
  return refusal(
    'form_answered',
    `${answers === 1 ? 'Someone has' : `${answers} people have`} already answered, so the questions and whether answers are anonymous can no longer change; the title and the introduction still can.`,
  );
}

/** The statuses a form can be put in, for adapters reading them from input. */
export const feedbackStatuses: readonly FeedbackStatus[] = ['draft', 'open', 'closed'];

/** Whether a status word is one of `feedbackStatuses`. */
export function isFeedbackStatus(value: unknown): value is FeedbackStatus {
  return feedbackStatuses.includes(value as FeedbackStatus);
}

/**
 * Puts a form in a status: open (taking answers), closed, or back to draft while nobody has answered.
 * Refuses with `not_found` when the event has no form yet and `form_answered` for a draft with answers.
 */
export function changeFeedbackStatus(
  current: FeedbackForm | null,
  status: FeedbackStatus,
  answers: number,
  now: Instant,
): Checked<FeedbackForm> {
  if (!current) return failed('not_found', 'Write the feedback form first.');
  if (status === 'draft' && answers > 0)
    return failed('form_answered', 'People have already answered: close the form instead.');
  return passed({ ...current, status, updatedAt: now });
}
