import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  answerEventFeedback,
  feedbackResults,
  ownFeedback,
  saveFeedbackForm,
  setFeedbackStatus,
} from '../../app/feedback.ts';
import { noFeedbackForm } from '../../core/feedback/answer-feedback.ts';
import { maxQuestions } from '../../core/feedback/feedback-form.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { presentFeedbackForm, presentFeedbackResults } from '../present/feedback.ts';
import { bearer, EventParams, errorResponses, Nullable, ShortText } from './common.schema.ts';
import { eventOr404, viewerIsOrganizer, whoOr401 } from './respond.ts';

const Status = Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')]);
const Value = Type.Union([Type.Number(), Type.String({ maxLength: 20_000 })]);
const Values = Type.Record(Type.String({ maxLength: 40 }), Value, {
  maxProperties: 50,
  description: 'by question id: a whole number from 1 to 5 for a scale, text for free text',
});

const FeedbackFormOut = Type.Object(
  {
    title: Type.String(),
    intro: Type.String(),
    anonymous: Type.Boolean(),
    status: Status,
    questions: Type.Array(
      Type.Object({
        id: Type.String({ description: 'q1, q2… in order: answers are keyed by it' }),
        kind: Type.Union([Type.Literal('scale'), Type.Literal('text')]),
        text: Type.String(),
        required: Type.Boolean(),
        low: Type.Optional(Type.String({ description: 'what 1 means, on a scale' })),
        high: Type.Optional(Type.String({ description: 'what 5 means, on a scale' })),
      }),
    ),
    updated_at: Type.String(),
  },
  { $id: 'FeedbackForm' },
);

const FormBody = Type.Object({
  title: ShortText('one line'),
  intro: Type.Optional(Type.String({ maxLength: 20_000, description: 'plain text' })),
  anonymous: Type.Boolean({ description: 'true: organisers never see who answered' }),
  questions: Type.Array(
    Type.Object({
      text: ShortText('the question'),
      kind: Type.String({ maxLength: 20, description: '`scale` (1 to 5) or `text`' }),
      required: Type.Optional(Type.Boolean()),
      low: Type.Optional(ShortText('what 1 means (scales)')),
      high: Type.Optional(ShortText('what 5 means (scales)')),
    }),
    { maxItems: maxQuestions * 5 },
  ),
});

const tags = ['feedback'];

/**
 * The event's feedback form over the API: organisers write it, open and close it, and read the
 * answers; registered attendees answer (once, changing it while open). The pages call the same
 * application functions.
 */
export function feedbackRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  const { runtime } = deps;
  return async (app) => {
    app.addSchema(FeedbackFormOut);

    app.get(
      '/events/:event/feedback',
      {
        schema: {
          summary: 'The event’s feedback form (a draft only to organisers), with your own answer',
          tags,
          params: EventParams,
          response: {
            200: Type.Object({
              form: Type.Ref('FeedbackForm'),
              your_answer: Nullable(Type.Object({ values: Values, answered_at: Type.String() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const { form, answer } = await ownFeedback(runtime, who, state);
        if (!form || (form.status === 'draft' && !(await viewerIsOrganizer(request))))
          return sendRefusal(reply, noFeedbackForm(state.event));
        return {
          form: presentFeedbackForm(form),
          your_answer: answer ? { values: answer.values, answered_at: answer.answeredAt } : null,
        };
      },
    );

    app.put(
      '/events/:event/feedback',
      {
        schema: {
          summary: 'Write or rewrite the event’s feedback form (organisers)',
          description:
            'A new form is a draft. Once anyone has answered, only `title` and `intro` may change (`form_answered`).',
          tags,
          security: bearer,
          params: EventParams,
          body: FormBody,
          response: { 200: Type.Object({ form: Type.Ref('FeedbackForm') }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const { body } = request;
        const saved = await saveFeedbackForm(runtime, who, state, {
          title: body.title,
          intro: body.intro ?? '',
          anonymous: body.anonymous,
          questions: body.questions.map((question) => ({
            ...question,
            required: question.required ?? false,
          })),
        });
        return saved.ok ? { form: presentFeedbackForm(saved.value) } : sendRefusal(reply, saved.refusal);
      },
    );

    app.put(
      '/events/:event/feedback/status',
      {
        schema: {
          summary: 'Open, close or reopen the feedback form (organisers)',
          description: 'Back to `draft` only while nobody has answered (`form_answered`).',
          tags,
          security: bearer,
          params: EventParams,
          body: Type.Object({ status: Status }),
          response: { 200: Type.Object({ form: Type.Ref('FeedbackForm') }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const set = await setFeedbackStatus(runtime, who, state, request.body.status);
        return set.ok ? { form: presentFeedbackForm(set.value) } : sendRefusal(reply, set.refusal);
      },
    );

    app.post(
      '/events/:event/feedback/answers',
      {
        schema: {
          summary: 'Answer the feedback form, or change your answer (registered attendees)',
          description: '201 for a first answer, 200 for a change.',
          tags,
          security: bearer,
          params: EventParams,
          body: Type.Object({ answers: Values }),
          response: {
            200: Type.Object({ values: Values, answered_at: Type.String() }),
            201: Type.Object({ values: Values, answered_at: Type.String() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const saved = await answerEventFeedback(runtime, who, state, request.body.answers);
        if (!saved.ok) return sendRefusal(reply, saved.refusal);
        const { answer, created } = saved.value;
        return reply
          .status(created ? 201 : 200)
          .send({ values: answer.values, answered_at: answer.answeredAt });
      },
    );

    app.get(
      '/events/:event/feedback/answers',
      {
        schema: {
          summary: 'The answers: counts and means per scale, and every answer (organisers)',
          description: 'On an anonymous form, answers carry neither `name` nor `answered_at`.',
          tags,
          security: bearer,
          params: EventParams,
          response: {
            200: Type.Object({
              form: Type.Ref('FeedbackForm'),
              count: Type.Integer(),
              summary: Type.Array(
                Type.Object({
                  question: Type.String(),
                  kind: Type.String(),
                  answered: Type.Integer(),
                  counts: Type.Optional(
                    Type.Array(Type.Integer(), { description: 'how many chose 1, 2, 3, 4, 5' }),
                  ),
                  mean: Type.Optional(Nullable(Type.Number())),
                }),
              ),
              answers: Type.Array(
                Type.Object({
                  name: Type.Optional(Nullable(Type.String())),
                  answered_at: Type.Optional(Type.String()),
                  values: Values,
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const results = await feedbackResults(runtime, who, state);
        return results.ok ? presentFeedbackResults(results.value) : sendRefusal(reply, results.refusal);
      },
    );
  };
}
