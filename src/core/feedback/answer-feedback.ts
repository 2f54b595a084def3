import { type Checked, failed, failedWith, passed } from '../checked.ts';
import { type Refusal, refusal } from '../errors.ts';
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
 * A registered attendee answers the event's feedback form (or changes their answer): they may
 * (`checkMayAnswer`), and every value fits its question (`checkFeedbackValues`). Refuses like
 * those two.
 */
export function answerFeedback(
  event: EventInfo,
  form: FeedbackForm | null,
  registration: Registration | null,
  input: FeedbackInput,
): Checked<FeedbackValues> {
  const refused = checkMayAnswer(event, form, registration);
  if (refused) return failedWith(refused);
  // checkMayAnswer refuses a missing form
  return checkFeedbackValues(form as FeedbackForm, input);
}

/**
 * Whether someone may answer: the event takes live writes, the form is open, and they are registered
 * under the current Code of Conduct. Returns `event_archived`, `not_found` (no form, or one still
 * being written), `feedback_closed`, `not_registered` or `coc_required`; null when they may.
 */
export function checkMayAnswer(
  event: EventInfo,
  form: FeedbackForm | null,
  registration: Registration | null,
): Refusal | null {
  return (
    checkNotArchived(event, 'feedback') ?? checkFormOpen(event, form) ?? checkAttendee(event, registration)
  );
}

/** `not_found`: the event has no form, or one still being written. */
export function noFeedbackForm(event: Pick<EventInfo, 'title'>): Refusal {
  return refusal('not_found', `${event.title} has no feedback form open.`);
}

/** `not_found` without a form or before it opens, `feedback_closed` once closed, null while open. */
export function checkFormOpen(event: Pick<EventInfo, 'title'>, form: FeedbackForm | null): Refusal | null {
  if (!form || form.status === 'draft') return noFeedbackForm(event);
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
