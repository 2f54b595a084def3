import { createHmac } from 'node:crypto';
import { type Checked, failedWith, passed } from '../core/checked.ts';
import { isLive } from '../core/event/archive.ts';
import { answerFeedback, type FeedbackInput } from '../core/feedback/answer-feedback.ts';
import {
  changeFeedbackStatus,
  checkFeedbackForm,
  checkFormChange,
  type FeedbackFormInput,
} from '../core/feedback/feedback-form.ts';
import { type FeedbackSummary, summariseFeedback } from '../core/feedback/feedback-summary.ts';
import type { EventState } from '../core/model/event-state.ts';
import type {
  FeedbackAnswer,
  FeedbackAnswerView,
  FeedbackForm,
  FeedbackStatus,
} from '../core/model/feedback.ts';
import type { Broadcast } from '../core/people/check-mail-message.ts';
import { checkOrganizer } from '../core/permissions.ts';
import type { Runtime, Who } from './runtime.ts';
import { randomToken } from './secret-token.ts';

/** The event's form as organisers see it, with how many have answered. */
export interface FeedbackFormReport {
  readonly form: FeedbackForm | null;
  readonly answers: number;
}

/** The answers to the event's form for organisers: each answer, and the summary of all. */
export interface FeedbackResults {
  readonly form: FeedbackForm;
  readonly answers: readonly FeedbackAnswerView[];
  readonly summary: FeedbackSummary;
}

/** The event's form and how many answered, for organisers. Refuses with `unauthenticated` or `forbidden`. */
export async function feedbackFormOf(
  runtime: Runtime,
  who: Who,
  state: EventState,
): Promise<Checked<FeedbackFormReport>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const { feedback } = runtime.store;
  return passed({
    form: await feedback.form(state.event.id),
    answers: await feedback.countAnswers(state.event.id),
  });
}

/**
 * Organisers write or rewrite the event's form (`checkFeedbackForm`); a new form starts as a draft,
 * and once anyone has answered only its title and introduction change (`checkFormChange`). Refuses
 * with `unauthenticated`, `forbidden`, `invalid_input` or `form_answered`.
 */
export async function saveFeedbackForm(
  runtime: Runtime,
  who: Who,
  state: EventState,
  input: FeedbackFormInput,
): Promise<Checked<FeedbackForm>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const content = checkFeedbackForm(input);
  if (!content.ok) return content;
  return runtime.store.feedback.changeForm(state.event.id, (current, answers) => {
    const refused = checkFormChange(current, content.value, answers);
    if (refused) return failedWith(refused);
    return passed({
      ...content.value,
      eventId: state.event.id,
      status: current?.status ?? 'draft',
      updatedAt: runtime.clock.now(),
    });
  });
}

/**
 * Organisers open, close or reopen the event's form (`changeFeedbackStatus`). Refuses with
 * `unauthenticated`, `forbidden`, `not_found` (no form written yet) or `form_answered`.
 */
export async function setFeedbackStatus(
  runtime: Runtime,
  who: Who,
  state: EventState,
  status: FeedbackStatus,
): Promise<Checked<FeedbackForm>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  return runtime.store.feedback.changeForm(state.event.id, (current, answers) =>
    changeFeedbackStatus(current, status, answers, runtime.clock.now()),
  );
}

/**
 * The signed-in person answers the event's form, or changes their answer (`answerFeedback`). The
 * answer is kept under a keyed hash of the person and the event (`respondentKey`), and names the
 * person only when the form is signed. Refuses with `unauthenticated`, or as `answerFeedback` does.
 */
export async function answerEventFeedback(
  runtime: Runtime,
  who: Who,
  state: EventState,
  input: FeedbackInput,
): Promise<Checked<{ answer: FeedbackAnswer; created: boolean }>> {
  const userId = who.actor?.userId;
  if (!userId)
    return failedWith({ code: 'unauthenticated', message: 'Sign in to answer the feedback form.' });
  const registration = await runtime.store.people.registration(state.event.id, userId);
  const key = await respondentKey(runtime, state.event.id, userId);
  return runtime.store.feedback.saveAnswer(state.event.id, key, (form) => {
    const values = answerFeedback(state.event, form, registration, input);
    if (!values.ok) return values;
    return passed({
      eventId: state.event.id,
      respondentKey: key,
      userId: form?.anonymous === false ? userId : null,
      values: values.value,
      answeredAt: runtime.clock.now(),
    });
  });
}

/** Whether the event's form takes answers now, so that its pages point people to it. */
export async function feedbackIsOpen(runtime: Runtime, state: EventState): Promise<boolean> {
  if (!isLive(state.event)) return false;
  return (await runtime.store.feedback.form(state.event.id))?.status === 'open';
}

/** The event's form as the signed-in person meets it, with their own answer when they gave one. */
export async function ownFeedback(
  runtime: Runtime,
  who: Who,
  state: EventState,
): Promise<{ form: FeedbackForm | null; answer: FeedbackAnswer | null }> {
  const form = await runtime.store.feedback.form(state.event.id);
  const userId = who.actor?.userId;
  if (!form || !userId) return { form, answer: null };
  const key = await respondentKey(runtime, state.event.id, userId);
  return { form, answer: await runtime.store.feedback.answerOf(state.event.id, key) };
}

/**
 * Every answer to the event's form with the summary, for organisers. Refuses with `unauthenticated`,
 * `forbidden` or `not_found` (no form yet).
 */
export async function feedbackResults(
  runtime: Runtime,
  who: Who,
  state: EventState,
): Promise<Checked<FeedbackResults>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failedWith(denied);
  const form = await runtime.store.feedback.form(state.event.id);
  if (!form)
    return failedWith({ code: 'not_found', message: `${state.event.title} has no feedback form yet.` });
  const answers = await runtime.store.feedback.answers(state.event.id);
  return passed({ form, answers, summary: summariseFeedback(form, answers) });
}

/**
 * Who answered, as organisers can never read it: an HMAC of the event and the person under the
 * installation's own feedback key (made once, kept with the installation's settings and its backups).
 * The same person gets the same key for an event, so they answer once; the key cannot be turned back
 * into the person without the secret (decision 0046).
 */
async function respondentKey(runtime: Runtime, eventId: string, userId: string): Promise<string> {
  const secret = await runtime.store.people.settingOrCreate('feedback-key', randomToken);
  return createHmac('sha256', secret).update(`${eventId}\n${userId}`).digest('base64url');
}

/**
 * The message that asks registrants for their feedback, for the organisers' mailing to them (which
 * they preview, test and confirm like any other): the form's title and introduction and its link.
 */
export function feedbackInvitation(
  links: { readonly baseUrl: string },
  state: EventState,
  form: FeedbackForm,
): Broadcast {
  const url = `${links.baseUrl}/events/${encodeURIComponent(state.event.slug)}/feedback`;
  const privacy = form.anonymous
    ? 'Your answers are anonymous: the organisers do not see who gave them.'
    : 'Your name is shown to the organisers with your answers.';
  return {
    subject: `${form.title} · ${state.event.title}`.slice(0, 200),
    body: [form.intro, `Answer here, in a few minutes: ${url}`, privacy].filter(Boolean).join('\n\n'),
  };
}
