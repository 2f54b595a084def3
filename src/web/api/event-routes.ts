import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { startDraftEvent } from '../../app/events.ts';
import { listInvitations } from '../../app/team-invitations.ts';
import { unknownEvent } from '../../core/errors.ts';
import { eventModes, eventStatuses } from '../../core/model/event.ts';
import type { EventState } from '../../core/model/event-state.ts';
import { invitationStatuses, type TeamInvitation } from '../../core/model/team-invitation.ts';
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
  invite_teams: Type.Optional(
    Type.Boolean({
      description:
        'with copy_from: invite its approved teams to sign up again (each invitation prefills the sign-up form)',
    }),
  ),
});

const Invitation = Type.Object({
  id: Type.String(),
  name: Type.String(),
  slug: Type.String({ description: 'the team’s short name at the earlier event' }),
  kind: Type.String(),
  cross_project: Type.Boolean(),
  moderators: Type.Array(Type.String(), { description: 'e-mail addresses' }),
  hours_wanted: Nullable(Type.Integer()),
  preferred_windows: Type.Array(Type.String()),
  avoid_clashes: Type.Array(Type.String(), { description: 'short names of teams' }),
  status: Type.Union(invitationStatuses.map((status) => Type.Literal(status))),
  team: Nullable(Type.String({ description: 'the short name of the team its sign-up made' })),
  sent_at: Nullable(Type.String()),
  answered_at: Nullable(Type.String()),
});

function presentInvitation(state: EventState, invitation: TeamInvitation) {
  return {
    id: invitation.id,
    name: invitation.name,
    slug: invitation.slug,
    kind: invitation.kind,
    cross_project: invitation.crossProject,
    moderators: [...invitation.moderators],
    hours_wanted: invitation.hoursWanted,
    preferred_windows: [...invitation.preferredWindows],
    avoid_clashes: [...invitation.avoidClashes],
    status: invitation.status,
    team: state.teams.find((team) => team.id === invitation.teamId)?.slug ?? null,
    sent_at: invitation.sentAt,
    answered_at: invitation.answeredAt,
  };
}

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
          response: {
            201: Type.Object({
              event: Type.Ref('EventDetail'),
              invited_teams: Type.Integer({ description: 'teams invited to sign up again (invite_teams)' }),
            }),
            ...errorResponses,
          },
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
            : {
                copyFrom: body.copy_from,
                slug: body.slug,
                startsOn: body.starts_on,
                title: body.title,
                inviteTeams: body.invite_teams,
              },
        );
        if (!started.ok) return sendRefusal(reply, started.refusal);
        const { event, invitedTeams } = started.value;
        return reply.status(201).send({ event: presentEventDetail(event), invited_teams: invitedTeams });
      },
    );

    app.get(
      '/events/:event/invitations',
      {
        schema: {
          summary: 'The teams invited to sign up again, and how each invitation stands (organisers)',
          description:
            'Made by copying an event with invite_teams. status: invited, signed-up (team: the team it made) or declined. Refusals: unknown_event, forbidden.',
          tags: ['events'],
          security: bearer,
          params: EventParams,
          response: { 200: Type.Object({ invitations: Type.Array(Invitation) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const state = await deps.runtime.models.getFor(request.params.event, who.actor);
        if (!state) return sendRefusal(reply, unknownEvent(request.params.event));
        const invitations = await listInvitations(deps.runtime, who, state);
        if (!invitations.ok) return sendRefusal(reply, invitations.refusal);
        return { invitations: invitations.value.map((invitation) => presentInvitation(state, invitation)) };
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
