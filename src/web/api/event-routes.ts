import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { startDraftEvent } from '../../app/events.ts';
import { eventModes, eventStatuses } from '../../core/model/event.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { presentEventDetail } from '../present/event.ts';
import { bearer, EventParams, errorResponses, Nullable, Reply, ShortText } from './common.schema.ts';
import { runWrite, whoOr401 } from './respond.ts';

const Day = (description: string) => Type.String({ maxLength: 10, description });
const Instant = (description: string) => Type.Optional(Nullable(Type.String({ maxLength: 40, description })));

const NewEvent = Type.Object({
  slug: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'the short name in addresses; made from the title if absent',
    }),
  ),
  title: Type.Optional(ShortText('the event’s name; when copying, the earlier title if absent')),
  starts_on: Day('the first day, YYYY-MM-DD'),
  ends_on: Type.Optional(Day('the last day, YYYY-MM-DD (not when copying: the length stays)')),
  time_zone: Type.Optional(
    Type.String({ maxLength: 64, description: 'IANA zone of the window times and for display; default UTC' }),
  ),
  mode: Type.Optional(Type.Union(eventModes.map((mode) => Type.Literal(mode)))),
  slot_minutes: Type.Optional(Type.Integer({ description: 'default 60' })),
  windows: Type.Optional(
    Type.Array(
      Type.Object({
        name: ShortText('e.g. "Americas / Europe"'),
        start: Type.String({ maxLength: 5, description: 'HH:MM in time_zone' }),
        end: Type.String({ maxLength: 5, description: 'HH:MM in time_zone, after start' }),
      }),
      { maxItems: 24, description: 'the parts of each day, repeated on every day of the event' },
    ),
  ),
  rooms: Type.Optional(Type.Array(ShortText('a room name'), { maxItems: 200 })),
  caps: Type.Optional(
    Type.Object({
      per_day_hours: Type.Optional(Nullable(Type.Number({ description: 'per team per UTC day' }))),
      total_hours: Type.Optional(Nullable(Type.Number({ description: 'per team for the event' }))),
    }),
  ),
  cross_project_opens_at: Instant('when cross-project teams may book, ISO UTC'),
  others_open_at: Instant('when the other teams may book, ISO UTC'),
  signup_opens_at: Instant('when team sign-up opens, ISO UTC'),
  signup_closes_at: Instant('when team sign-up closes, ISO UTC'),
  contact: Type.Optional(ShortText('an e-mail address for questions')),
  chat: Type.Optional(ShortText('the event’s chat channel')),
  etherpad_template: Type.Optional(Nullable(ShortText('e.g. https://etherpad.opendev.org/p/{event}-{team}'))),
  copy_from: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'an earlier event to copy (rooms, windows, rules, texts), moved to starts_on',
    }),
  ),
});

const eventReply = { 200: Type.Object({ event: Type.Ref('EventDetail'), reply: Reply }), ...errorResponses };

/** Organisers start events (new, or copied from an earlier one) and move them through their statuses. */
export function eventRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/events',
      {
        schema: {
          summary: 'Start a new event as a draft, or copy an earlier one (organisers)',
          description:
            'Refusals: event_exists, room_exists, invalid_input, invalid_url, unknown_event (copy_from), forbidden.',
          tags: ['events'],
          security: bearer,
          body: NewEvent,
          response: { 201: Type.Object({ event: Type.Ref('EventDetail') }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const body = request.body;
        const started = await startDraftEvent(
          deps.runtime,
          who,
          body.copy_from === undefined
            ? {
                slug: body.slug,
                title: body.title ?? '',
                startsOn: body.starts_on,
                endsOn: body.ends_on ?? '',
                timeZone: body.time_zone ?? 'UTC',
                mode: body.mode,
                slotMinutes: body.slot_minutes,
                windows: body.windows ?? [],
                rooms: body.rooms,
                caps: body.caps && {
                  perDayHours: body.caps.per_day_hours,
                  totalHours: body.caps.total_hours,
                },
                crossProjectOpensAt: body.cross_project_opens_at,
                othersOpenAt: body.others_open_at,
                signupOpensAt: body.signup_opens_at,
                signupClosesAt: body.signup_closes_at,
                contact: body.contact,
                chat: body.chat,
                etherpadTemplate: body.etherpad_template,
              }
            : { copyFrom: body.copy_from, slug: body.slug, startsOn: body.starts_on, title: body.title },
        );
        if (!started.ok) return sendRefusal(reply, started.refusal);
        return reply.status(201).send({ event: presentEventDetail(started.value) });
      },
    );

    app.patch(
      '/events/:event',
      {
        schema: {
          summary: 'Publish, archive or reopen an event (organisers)',
          description:
            'draft → published → archived; an archive may be published again, and a published event made a draft. Archiving closes sign-up, registration, booking, topics, check-ins and subscriptions (event_archived).',
          tags: ['events'],
          security: bearer,
          params: EventParams,
          body: Type.Object({ status: Type.Union(eventStatuses.map((status) => Type.Literal(status))) }),
          response: eventReply,
        },
      },
      (request, reply) =>
        runWrite(
          request,
          reply,
          (who) => deps.ops.setEventStatus(request.params.event, who, { status: request.body.status }),
          { present: (done) => ({ event: presentEventDetail(done.state.event), reply: done.reply }) },
        ),
    );
  };
}
