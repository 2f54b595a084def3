import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { answerEventFeedback, ownFeedback } from '../../../app/feedback.ts';
import { standingWith } from '../../../app/registrations.ts';
import type { Refusal } from '../../../core/errors.ts';
import { checkMayAnswer, maxAnswerLength, noFeedbackForm } from '../../../core/feedback/answer-feedback.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { FeedbackForm, FeedbackValues } from '../../../core/model/feedback.ts';
import type { WebDeps } from '../../deps.ts';
import {
  Choices,
  CsrfField,
  ErrorSummary,
  Notice,
  SubmitButton,
  TextArea,
} from '../components/form-parts.tsx';
import { TimeText } from '../components/time-text.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { eventOrNotFound, pageUser } from '../page-context.ts';
import { formAssets, formLimit, formStatus, pageWho } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { viewerZone } from '../time-zone.ts';

type Params = { Params: { event: string }; Querystring: { done?: string } };

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<string, string>([
  ['saved', 'Thank you! Your answers are saved.'],
  ['changed', 'Your answers are changed. Thank you!'],
]);

/**
 * `…/feedback`: the event's feedback form for its registered attendees, who answer once and may
 * change their answers while it is open. Anyone else is told to sign in or to register; a form
 * that is closed says so; before it opens there is nothing here (404).
 */
export function feedbackPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    app.get<Params>('/events/:event/feedback', { schema: { hide: true } }, async (request, reply) => {
      const state = await eventOrNotFound(deps, request, reply, request.params.event);
      if (!state) return reply;
      return answerPage(deps, request, reply, state, { done: done.get(request.query.done ?? '') });
    });

    app.post<Params>(
      '/events/:event/feedback',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const who = await pageWho(request);
        const { form } = await ownFeedback(deps.runtime, who, state);
        const body = new FormBody(request.body);
        const posted = Object.fromEntries(
          (form?.questions ?? []).map((question) => [question.id, body.text(question.id)]),
        );
        const answered = await answerEventFeedback(deps.runtime, who, state, posted);
        if (!answered.ok)
          return answerPage(deps, request, reply, state, { refusal: answered.refusal, posted });
        const slug = encodeURIComponent(state.event.slug);
        return reply.redirect(
          `/events/${slug}/feedback?done=${answered.value.created ? 'saved' : 'changed'}`,
          303,
        );
      },
    );
  };
}

async function answerPage(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  view: { done?: string | undefined; refusal?: Refusal; posted?: FeedbackValues },
) {
  const who = await pageWho(request);
  const { form, answer } = await ownFeedback(deps.runtime, who, state);
  if (!form || form.status === 'draft')
    return sendRefusalPage(reply, request, noFeedbackForm(state.event), state.event);
  const { registration } = await standingWith(deps.runtime, who.actor, state);
  const blocked = who.actor ? checkMayAnswer(state.event, form, registration) : null;
  const zone = viewerZone(request, reply, state.event.timeZone);
  return sendPage(
    reply,
    <Layout title={form.title} event={state.event} user={await pageUser(request)} {...formAssets()}>
      <div class="prose">
        <h1>{form.title}</h1>
        {view.done ? <Notice>{view.done}</Notice> : null}
        <ErrorSummary refusal={view.refusal} />
        {form.intro ? <p class="pre-line">{form.intro}</p> : null}
        {!who.actor ? (
          <SignInFirst state={state} />
        ) : blocked ? (
          <div class="panel" id="feedback-locked">
            <p>{blocked.message}</p>
            {blocked.code === 'not_registered' || blocked.code === 'coc_required' ? (
              <p>
                <a class="button" href={`/events/${encodeURIComponent(state.event.slug)}/register`}>
                  {blocked.code === 'coc_required' ? 'Read and accept it' : 'Register (free)'}
                </a>
              </p>
            ) : null}
          </div>
        ) : (
          <>
            <p id="feedback-privacy">
              {form.anonymous
                ? 'Your answers are anonymous: the organisers do not see who gave them.'
                : 'Your name is shown to the organisers with your answers.'}{' '}
              {answer ? (
                <>
                  You answered on <TimeText at={answer.answeredAt} zone={zone} withDay />; you can change your
                  answers while the form is open.
                </>
              ) : null}
            </p>
            <AnswerForm
              form={form}
              action={`/events/${encodeURIComponent(state.event.slug)}/feedback`}
              csrf={reply.csrfToken()}
              values={view.posted ?? answer?.values ?? {}}
              answered={answer !== null}
            />
          </>
        )}
      </div>
    </Layout>,
    formStatus(view.refusal),
  );
}

function SignInFirst(props: { state: EventState }) {
  const slug = encodeURIComponent(props.state.event.slug);
  return (
    <div class="panel" id="feedback-locked">
      <p>This form is for the registered attendees of {props.state.event.title}. Sign in to answer it.</p>
      <p>
        <a class="button" href={`/signin?next=${encodeURIComponent(`/events/${slug}/feedback`)}`}>
          Sign in
        </a>{' '}
        <a href={`/events/${slug}/register`}>Not registered yet?</a>
      </p>
    </div>
  );
}

/** One fieldset of radio buttons per scale, one text area per free-text question. */
function AnswerForm(props: {
  form: FeedbackForm;
  action: string;
  csrf: string;
  values: FeedbackValues;
  answered: boolean;
}) {
  const { form, values } = props;
  return (
    <form method="post" action={props.action} class="form" id="feedback-form">
      <CsrfField token={props.csrf} />
      {form.questions.map((question) => {
        const label = `${question.text}${question.required ? ' (required)' : ' (optional)'}`;
        const value = values[question.id];
        if (question.kind === 'text')
          return (
            <TextArea
              key={question.id}
              label={label}
              name={question.id}
              id={`answer-${question.id}`}
              value={typeof value === 'string' ? value : ''}
              maxLength={maxAnswerLength}
              required={question.required}
            />
          );
        return (
          <div class="scale-choices" key={question.id}>
            <Choices
              label={label}
              name={question.id}
              hint={`1 means ${question.low}, 5 means ${question.high}.`}
              required={question.required}
              selected={value === undefined ? [] : [String(value)]}
              options={[1, 2, 3, 4, 5].map((n) => ({
                value: String(n),
                label: n === 1 ? `1 – ${question.low}` : n === 5 ? `5 – ${question.high}` : String(n),
              }))}
            />
          </div>
        );
      })}
      <SubmitButton>{props.answered ? 'Change my answers' : 'Send my answers'}</SubmitButton>
    </form>
  );
}
