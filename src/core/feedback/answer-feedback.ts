import { type Checked, failed, failedWith, passed } from '../checked.ts';
import { refusal } from '../errors.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { EventInfo } from '../model/event.ts';
import type { FeedbackForm, FeedbackQuestion, FeedbackValues } from '../model/feedback.ts';
import type { Registration } from '../model/registration.ts';
import { checkAttendee } from '../people/register-attendee.ts';
import { looksEmpty } from '../text/invisible.ts';
import { checkText } from '../text/plain-text.ts';

/** The longest free-text answer: a few paragraphs. */
export const maxAnswerLength = 4000;

/** What someone sent for each question, by question id: form fields are text, JSON may hold numbers. */
export type FeedbackInput = Readonly<Record<string, unknown>>;

/**
 * A registered attendee answers the event's feedback form (or changes their answer): the event takes
 * live writes, the form is open, they are registered under the current Code of Conduct, and every
 * value fits its question (`checkFeedbackValues`). Refuses with `event_archived`, `not_found` (no
 * form, or one still being written), `feedback_closed`, `not_registered`, `coc_required` or
 * `invalid_input`.
 */
export function answerFeedback(
  event: EventInfo,
  form: FeedbackForm | null,
  registration: Registration | null,
  input: FeedbackInput,
): Checked<FeedbackValues> {
  const archived = checkNotArchived(event, 'feedback');
  if (archived) return failedWith(archived);
  const closed = checkFormOpen(event, form);
  if (closed) return failedWith(closed);
  const outsider = checkAttendee(event, registration);
  if (outsider) return failedWith(outsider);
  return checkFeedbackValues(form as FeedbackForm, input);
}

/** `not_found` without a form or before it opens, `feedback_closed` once closed, null while open. */
export function checkFormOpen(event: Pick<EventInfo, 'title'>, form: FeedbackForm | null) {
  if (!form || form.status === 'draft')
    return refusal('not_found', `${event.title} has no feedback form open.`);
  if (form.status === 'closed')
    return refusal(
      'feedback_closed',
      `The feedback form of ${event.title} is closed; thank you all the same.`,
    );
  return null;
}

/**
 * Checks each value against its question: a scale takes a whole number from 1 to 5 (as a number or
 * its digits), free text at most `maxAnswerLength` characters with something visible in it; a
 * required question needs a value, an optional one may be left empty (and is then not stored).
 * Values for questions the form does not have are refused. Refuses with `invalid_input`.
 */
export function checkFeedbackValues(form: FeedbackForm, input: FeedbackInput): Checked<FeedbackValues> {
  const known = new Set(form.questions.map((question) => question.id));
  const unknown = Object.keys(input).find((id) => !known.has(id));
  if (unknown !== undefined)
    return failed('invalid_input', `The form has no question "${unknown.slice(0, 40)}".`);
  const values: Record<string, number | string> = {};
  for (const question of form.questions) {
    const value = checkValue(question, input[question.id]);
    if (!value.ok) return value;
    if (value.value !== null) values[question.id] = value.value;
  }
  return passed(values);
}

function checkValue(question: FeedbackQuestion, raw: unknown): Checked<number | string | null> {
  const what = `answer to “${question.text}”`;
  const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (blank)
    return question.required
      ? failed('invalid_input', `The ${what} is missing: it is required.`)
      : passed(null);
  if (question.kind === 'scale') {
    const number = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 5)
      return failed('invalid_input', `The ${what} must be a whole number from 1 to 5.`);
    return passed(number);
  }
  if (typeof raw !== 'string') return failed('invalid_input', `The ${what} must be text.`);
  const text = checkText(raw.trim(), what, maxAnswerLength);
  if (!text.ok) return text;
  if (looksEmpty(text.value))
    return failed(
      'invalid_input',
      `The ${what} holds only invisible characters: write it out, or leave it empty.`,
    );
  return passed(text.value);
}
