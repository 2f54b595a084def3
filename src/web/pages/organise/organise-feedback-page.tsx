import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  type FeedbackResults,
  feedbackFormOf,
  feedbackInvitation,
  feedbackResults,
  saveFeedbackForm,
  setFeedbackStatus,
} from '../../../app/feedback.ts';
import { failed } from '../../../core/checked.ts';
import type { Refusal } from '../../../core/errors.ts';
import {
  type FeedbackFormInput,
  type FeedbackQuestionInput,
  isFeedbackStatus,
  maxIntroLength,
  maxLabelLength,
  maxQuestionLength,
  maxQuestions,
  maxTitleLength,
} from '../../../core/feedback/feedback-form.ts';
import type { ScaleSummary, TextSummary } from '../../../core/feedback/feedback-summary.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { FeedbackForm, FeedbackQuestion, FeedbackStatus } from '../../../core/model/feedback.ts';
import { count } from '../../../core/text/count.ts';
import { feedbackCsv } from '../../../exporters/feedback-csv.ts';
import type { WebDeps } from '../../deps.ts';
import {
  Checkbox,
  Choices,
  CsrfField,
  Select,
  SubmitButton,
  TextArea,
  TextField,
} from '../components/form-parts.tsx';
import { formActions } from '../form-actions.ts';
import type { FormBody } from '../form-body.ts';
import { pageUser } from '../page-context.ts';
import { formStatus, organisersEvent, pageWho } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { ConsoleFrame } from './console-frame.tsx';
import { sendCsv } from './send-csv.ts';

type Params = { Params: { event: string }; Querystring: { done?: string } };

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<string, string>([
  ['save', 'The form is saved.'],
  ['status', 'The form’s status is changed.'],
]);

/** What a status button says, and what the page says of the status. */
const statusWords: Record<FeedbackStatus, { button: string; now: string }> = {
  draft: { button: 'Back to draft', now: 'a draft: only organisers see it' },
  open: { button: 'Open the form', now: 'open: registered attendees can answer' },
  closed: { button: 'Close the form', now: 'closed: it takes no more answers' },
};

/** A blank question row, scale by default, with the usual words at its ends. */
const blankQuestion: FeedbackQuestionInput = {
  text: '',
  kind: 'scale',
  required: false,
  low: 'Poor',
  high: 'Excellent',
};

/**
 * `…/organise/feedback`: the event's feedback form. Organisers write a title, an introduction and
 * up to ten questions (a scale from 1 to 5 with its end labels, or free text), choose anonymous or
 * signed answers, open and close it, and e-mail its link to every registrant through a mailing.
 * `…/organise/feedback/answers` shows the answers (counts and means of scales, texts), also as CSV.
 */
export function organiseFeedbackPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const path = '/events/:event/organise/feedback';

    app.get<Params>(path, { schema: { hide: true } }, async (request, reply) => {
      const state = await organisersEvent(deps, request, reply);
      return state
        ? editorPage(deps, request, reply, state, { done: done.get(request.query.done ?? '') })
        : reply;
    });

    const write = formActions(app, deps, {
      path,
      load: (request: FastifyRequest<{ Params: { event: string } }>, reply) =>
        organisersEvent(deps, request, reply),
      again: (request, reply, state, view) => editorPage(deps, request, reply, state, view),
      back: (state) => `/events/${state.event.slug}/organise/feedback`,
    });

    write('save', async (form, state, request) =>
      saveFeedbackForm(deps.runtime, await pageWho(request), state, formInput(form)),
    );
    write('status', async (form, state, request) => {
      const status = form.text('status');
      if (!isFeedbackStatus(status)) return failed('invalid_input', 'Choose draft, open or closed.');
      return setFeedbackStatus(deps.runtime, await pageWho(request), state, status);
    });

    app.get<Params>(`${path}/answers`, { schema: { hide: true } }, async (request, reply) => {
      const state = await organisersEvent(deps, request, reply);
      if (!state) return reply;
      const results = await feedbackResults(deps.runtime, await pageWho(request), state);
      if (!results.ok) return sendRefusalPage(reply, request, results.refusal, state.event);
      return answersPage(request, reply, state, results.value);
    });

    app.get<Params>(`${path}/answers.csv`, { schema: { hide: true } }, async (request, reply) => {
      const state = await organisersEvent(deps, request, reply);
      if (!state) return reply;
      const results = await feedbackResults(deps.runtime, await pageWho(request), state);
      if (!results.ok) return sendRefusalPage(reply, request, results.refusal, state.event);
      const { form, answers } = results.value;
      return sendCsv(reply, `${state.event.slug}-feedback.csv`, feedbackCsv(form, answers));
    });
  };
}

/** The form as the editor posted it: question rows without a question are left out. */
function formInput(form: FormBody): FeedbackFormInput {
  const questions: FeedbackQuestionInput[] = [];
  for (let number = 1; number <= maxQuestions; number++) {
    const text = form.text(`q${number}_text`);
    if (text.trim() === '') continue;
    questions.push({
      text,
      kind: form.text(`q${number}_kind`),
      required: form.checked(`q${number}_required`),
      low: form.text(`q${number}_low`),
      high: form.text(`q${number}_high`),
    });
  }
  return {
    title: form.text('title'),
    intro: form.text('intro'),
    anonymous: form.text('answers') !== 'signed',
    questions,
  };
}

function inputOf(form: FeedbackForm): FeedbackFormInput {
  return {
    ...form,
    questions: form.questions.map((question) => ({
      ...question,
      ...(question.kind === 'text' ? { low: blankQuestion.low, high: blankQuestion.high } : {}),
    })),
  };
}

async function editorPage(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  view: { done?: string | undefined; refusal?: Refusal; form?: FormBody },
) {
  const report = await feedbackFormOf(deps.runtime, await pageWho(request), state);
  if (!report.ok) return sendRefusalPage(reply, request, report.refusal, state.event);
  const { form, answers } = report.value;
  const slug = encodeURIComponent(state.event.slug);
  const base = `/events/${slug}/organise/feedback`;
  const csrf = reply.csrfToken();
  const frozen = form !== null && answers > 0;
  const written: FeedbackFormInput = view.form
    ? formInput(view.form)
    : form
      ? inputOf(form)
      : { title: `How was ${state.event.title}?`, intro: '', anonymous: true, questions: [] };
  const rows = frozen
    ? written.questions
    : [
        ...written.questions,
        ...Array.from(
          {
            length:
              Math.min(maxQuestions, Math.max(3, written.questions.length + 2)) - written.questions.length,
          },
          () => blankQuestion,
        ),
      ];
  return sendPage(
    reply,
    <ConsoleFrame
      event={state.event}
      user={await pageUser(request)}
      section="feedback"
      title="Feedback form"
      done={view.done}
      refusal={view.refusal}
    >
      {form ? (
        <section aria-labelledby="status-heading" class="panel">
          <h2 id="status-heading">Status</h2>
          <p id="feedback-status">
            The form is {statusWords[form.status].now}. {count(answers, 'answer')} so far
            {answers > 0 ? (
              <>
                {' '}
                (<a href={`${base}/answers`}>see the answers</a>)
              </>
            ) : null}
            .
          </p>
          <div class="form-actions">
            {(['open', 'closed', 'draft'] as const)
              .filter((status) => status !== form.status && (status !== 'draft' || answers === 0))
              .map((status) => (
                <form method="post" action={`${base}/status`} class="inline-form" key={status}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="status" value={status} />
                  <button type="submit" class={status === 'open' ? 'button' : 'button button--quiet'}>
                    {form.status === 'closed' && status === 'open'
                      ? 'Open it again'
                      : statusWords[status].button}
                  </button>
                </form>
              ))}
          </div>
          {form.status === 'open' ? (
            <>
              <p>
                Attendees answer at{' '}
                <a href={`/events/${slug}/feedback`}>{`/events/${state.event.slug}/feedback`}</a>. Send every
                registrant the link: the next page shows the message and how many it goes to, before anything
                is sent.
              </p>
              <form method="post" action={`/events/${slug}/organise/mailings/preview`} class="form">
                <CsrfField token={csrf} />
                <input type="hidden" name="subject" value={feedbackInvitation(deps, state, form).subject} />
                <input type="hidden" name="body" value={feedbackInvitation(deps, state, form).body} />
                <SubmitButton>E-mail the link to every registrant</SubmitButton>
              </form>
            </>
          ) : null}
        </section>
      ) : (
        <p>
          Ask registered attendees a few questions after the event. Write the form and save it as a draft;
          open it when it is ready.
        </p>
      )}
      <section aria-labelledby="form-heading">
        <h2 id="form-heading">{form ? 'The form' : 'Write the form'}</h2>
        <form method="post" action={`${base}/save`} class="form" id="feedback-editor">
          <CsrfField token={csrf} />
          <TextField label="Title" name="title" value={written.title} required maxLength={maxTitleLength} />
          <TextArea
            label="Introduction (optional)"
            name="intro"
            value={written.intro}
            maxLength={maxIntroLength}
            hint="Shown above the questions and in the e-mail with the link."
          />
          {frozen ? (
            <FrozenQuestions questions={form.questions} anonymous={form.anonymous} />
          ) : (
            <>
              <Choices
                label="Answers are"
                name="answers"
                selected={[written.anonymous ? 'anonymous' : 'signed']}
                options={[
                  { value: 'anonymous', label: 'Anonymous: organisers do not see who answered' },
                  { value: 'signed', label: 'Signed: organisers see each person’s name' },
                ]}
              />
              <p class="hint">
                Up to {maxQuestions} questions; rows left without a question are ignored. Once anyone has
                answered, the questions and this choice can no longer change.
              </p>
              {rows.map((question, index) => (
                <QuestionRow question={question} number={index + 1} key={String(index)} />
              ))}
            </>
          )}
          <SubmitButton>Save the form</SubmitButton>
        </form>
      </section>
    </ConsoleFrame>,
    formStatus(view.refusal),
  );
}

/** One question of the editor: its words, its kind, the words at the ends of a scale, required or not. */
function QuestionRow(props: { question: FeedbackQuestionInput; number: number }) {
  const { question, number } = props;
  const name = (field: string) => `q${number}_${field}`;
  return (
    <fieldset class="field question-row">
      <legend>Question {number}</legend>
      <TextField label="Question" name={name('text')} value={question.text} maxLength={maxQuestionLength} />
      <Select
        label="Answered with"
        name={name('kind')}
        value={question.kind}
        options={[
          { value: 'scale', label: 'A scale from 1 to 5' },
          { value: 'text', label: 'Free text' },
        ]}
      />
      <TextField
        label="On a scale, 1 means"
        name={name('low')}
        value={question.low ?? ''}
        maxLength={maxLabelLength}
      />
      <TextField
        label="On a scale, 5 means"
        name={name('high')}
        value={question.high ?? ''}
        maxLength={maxLabelLength}
      />
      <Checkbox label="An answer is required" name={name('required')} checked={question.required} />
    </fieldset>
  );
}

/** The questions of an answered form, shown as they are and sent back unchanged with the title. */
function FrozenQuestions(props: { questions: readonly FeedbackQuestion[]; anonymous: boolean }) {
  return (
    <div class="field">
      <p>
        People have answered, so the questions stay as they are, and answers stay{' '}
        {props.anonymous ? 'anonymous' : 'signed'}.
      </p>
      <input type="hidden" name="answers" value={props.anonymous ? 'anonymous' : 'signed'} />
      <ol id="feedback-questions">
        {props.questions.map((question, index) => {
          const name = (field: string) => `q${index + 1}_${field}`;
          return (
            <li key={question.id}>
              {question.text} <span class="hint">({describeQuestion(question)})</span>
              <input type="hidden" name={name('text')} value={question.text} />
              <input type="hidden" name={name('kind')} value={question.kind} />
              {question.kind === 'scale' ? (
                <>
                  <input type="hidden" name={name('low')} value={question.low} />
                  <input type="hidden" name={name('high')} value={question.high} />
                </>
              ) : null}
              {question.required ? <input type="hidden" name={name('required')} value="yes" /> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function describeQuestion(question: FeedbackQuestion): string {
  const kind = question.kind === 'scale' ? `1 = ${question.low}, 5 = ${question.high}` : 'free text';
  return `${kind}, ${question.required ? 'required' : 'optional'}`;
}

async function answersPage(
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  results: FeedbackResults,
) {
  const { form, summary } = results;
  const base = `/events/${encodeURIComponent(state.event.slug)}/organise/feedback`;
  return sendPage(
    reply,
    <ConsoleFrame
      event={state.event}
      user={await pageUser(request)}
      section="feedback"
      title={`Answers: ${form.title}`}
    >
      <p id="answer-total">
        {count(summary.answers, 'answer')}, {form.anonymous ? 'anonymous' : 'signed'}; the form is{' '}
        {form.status === 'draft' ? 'a draft' : form.status}. <a href={base}>The form</a> ·{' '}
        <a href={`${base}/answers.csv`} download>
          Download the answers (CSV)
        </a>
      </p>
      {form.questions.map((question, index) => {
        const found = summary.questions[index];
        return (
          <section aria-labelledby={`${question.id}-heading`} key={question.id} id={`answers-${question.id}`}>
            <h2 id={`${question.id}-heading`}>
              {index + 1}. {question.text}
            </h2>
            {question.kind === 'scale' && found?.kind === 'scale' ? (
              <ScaleTable question={question} summary={found} />
            ) : found?.kind === 'text' ? (
              <TextAnswers summary={found} />
            ) : null}
          </section>
        );
      })}
    </ConsoleFrame>,
  );
}

function ScaleTable(props: {
  question: Extract<FeedbackQuestion, { kind: 'scale' }>;
  summary: ScaleSummary;
}) {
  const { question, summary } = props;
  const label = (value: number) =>
    value === 1 ? `1 (${question.low})` : value === 5 ? `5 (${question.high})` : String(value);
  return (
    <table class="data-table scale-table">
      <caption>
        {count(summary.answered, 'answer')}
        {summary.mean === null ? '' : `, mean ${summary.mean.toFixed(2)}`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Value</th>
          <th scope="col">Answers</th>
        </tr>
      </thead>
      <tbody>
        {summary.counts.map((n, index) => (
          <tr key={String(index)}>
            <th scope="row">{label(index + 1)}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TextAnswers(props: { summary: TextSummary }) {
  if (props.summary.answers.length === 0) return <p>No answers.</p>;
  return (
    <ul class="feedback-texts">
      {props.summary.answers.map((answer, index) => (
        <li key={String(index)}>
          <blockquote>
            <p class="pre-line">{answer.text}</p>
          </blockquote>
          {answer.name ? <p class="hint">— {answer.name}</p> : null}
        </li>
      ))}
    </ul>
  );
}
