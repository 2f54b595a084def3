import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sessionsOf } from '../../core/sessions/sessions.ts';
import type { WebDeps } from '../deps.ts';
import { presentSession } from '../present/session.ts';
import {
  bearer,
  EventParams,
  errorResponses,
  Nullable,
  Reply,
  ShortText,
  TeamParams,
} from './common.schema.ts';
import { eventOr404, runWrite } from './respond.ts';

const SessionParams = Type.Object({
  event: Type.String({ maxLength: 100 }),
  session: Type.String({
    maxLength: 200,
    description: 'the session id, or one of its cells such as kilo-wed14',
  }),
});
const GuestParams = Type.Object({ ...SessionParams.properties, team: Type.String({ maxLength: 100 }) });

const SessionOut = Type.Object(
  {
    id: Type.String(),
    teams: Type.Array(Nullable(Type.String()), { description: 'host first, then the teams that accepted' }),
    host: Nullable(Type.String()),
    room: Nullable(Type.String()),
    start: Type.String(),
    end: Type.String(),
    cells: Type.Array(Type.String()),
    title: Nullable(Type.String()),
    agenda: Nullable(Type.String({ description: 'Markdown' })),
    etherpad_url: Nullable(Type.String()),
    recording_url: Nullable(Type.String()),
    invited: Type.Array(
      Type.Object({ team: Nullable(Type.String()), status: Type.String(), invited_at: Type.String() }),
    ),
    headcount: Nullable(Type.Integer()),
    headcount_at: Nullable(Type.String()),
    summary_url: Nullable(Type.String({ description: 'the host team’s summary of the event' })),
  },
  { $id: 'Session' },
);

const SessionPatch = Type.Object({
  title: Type.Optional(ShortText('one line; empty clears it')),
  agenda: Type.Optional(Type.String({ maxLength: 20_000, description: 'short Markdown' })),
  etherpad_url: Type.Optional(Nullable(ShortText('http(s) link; null returns to the team’s pad'))),
  recording_url: Type.Optional(Nullable(ShortText('http(s) link'))),
});

const replyOnly = { 200: Type.Object({ reply: Reply }), ...errorResponses };
const write = <P>(summary: string, params: P) => ({
  summary,
  tags: ['sessions'],
  security: bearer,
  params,
});

/** Sessions: the list, what moderators add to them, joint sessions, head-counts and summaries. */
export function sessionRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addSchema(SessionOut);

    app.get(
      '/events/:event/sessions',
      {
        schema: {
          summary: 'Every session: a team’s back-to-back bookings in one room, with its guests',
          tags: ['sessions'],
          params: EventParams,
          response: { 200: Type.Object({ sessions: Type.Array(Type.Ref('Session')) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        return { sessions: sessionsOf(state).map((session) => presentSession(state, session)) };
      },
    );

    app.patch(
      '/events/:event/sessions/:session',
      {
        schema: {
          ...write('Set a session’s title, agenda and links (the host’s moderators)', SessionParams),
          body: SessionPatch,
          response: replyOnly,
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.editSession(request.params.event, who, {
            session: request.params.session,
            title: request.body.title,
            agenda: request.body.agenda,
            etherpadUrl: request.body.etherpad_url,
            recordingUrl: request.body.recording_url,
          }),
        ),
    );

    app.post(
      '/events/:event/sessions/:session/guests',
      {
        schema: {
          ...write('Invite another team into a session (the host’s moderators)', SessionParams),
          body: Type.Object({ team: Type.String({ maxLength: 100 }) }),
          response: { 201: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      (request, reply) =>
        runWrite(
          request,
          reply,
          (who) =>
            deps.ops.inviteTeam(request.params.event, who, {
              session: request.params.session,
              guest: request.body.team,
            }),
          { status: 201 },
        ),
    );

    app.put(
      '/events/:event/sessions/:session/guests/:team',
      {
        schema: {
          ...write(
            'Accept or decline an invitation (the invited team’s moderators, or organisers)',
            GuestParams,
          ),
          description:
            '`declined` after accepting takes the team out of the session. Organisers may set caps aside with `override`.',
          body: Type.Object({
            status: Type.Union([Type.Literal('accepted'), Type.Literal('declined')]),
            override: Type.Optional(Type.Boolean()),
          }),
          response: replyOnly,
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.answerInvitation(request.params.event, who, {
            session: request.params.session,
            team: request.params.team,
            accept: request.body.status === 'accepted',
            override: request.body.override,
          }),
        ),
    );

    app.put(
      '/events/:event/sessions/:session/headcount',
      {
        schema: {
          ...write('Record how many people came (moderators of a team in the session)', SessionParams),
          body: Type.Object({
            count: Type.Integer({ description: '0 to 100,000' }),
            team: Type.Optional(
              Type.String({ maxLength: 100, description: 'the team counting; the host if absent' }),
            ),
          }),
          response: replyOnly,
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.recordHeadcount(request.params.event, who, {
            session: request.params.session,
            team: request.body.team,
            count: request.body.count,
          }),
        ),
    );

    app.put(
      '/events/:event/teams/:team/summary',
      {
        schema: {
          ...write('Link the team’s summary of the event and its notes (moderators)', TeamParams),
          body: Type.Object({
            summary_url: ShortText('http(s) link to the write-up'),
            notes_url: Type.Optional(Nullable(ShortText('http(s) link to the notes'))),
          }),
          response: replyOnly,
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.setSummary(request.params.event, who, {
            team: request.params.team,
            summaryUrl: request.body.summary_url,
            notesUrl: request.body.notes_url,
          }),
        ),
    );
  };
}
