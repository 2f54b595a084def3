import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { setModeratorByEmail } from '../../app/people.ts';
import { findChange } from '../../core/changes.ts';
import { findTeam } from '../../core/model/lookup.ts';
import { teamKinds, teamStatuses } from '../../core/model/team.ts';
import type { WebDeps } from '../deps.ts';
import { presentTeam } from '../present/team.ts';
import {
  bearer,
  EventParams,
  errorResponses,
  Nullable,
  Reply,
  ShortText,
  TeamParams,
} from './common.schema.ts';
import { sendOutcome, whoOr401 } from './respond.ts';

const Text = Type.Object({ text: ShortText('the topic, one line') });
const Kind = Type.Union(teamKinds.map((kind) => Type.Literal(kind)));
const Status = Type.Union(teamStatuses.map((status) => Type.Literal(status)));

const TeamPatch = Type.Object({
  etherpad_url: Type.Optional(Nullable(ShortText('http(s) link; null returns to the event’s pad'))),
  video_url: Type.Optional(Nullable(ShortText('http(s) link; null returns to the room’s link'))),
  colour: Type.Optional(Type.String({ maxLength: 40, description: 'a CSS colour name or #rrggbb' })),
  location: Type.Optional(Nullable(ShortText('where to find the team'))),
  name: Type.Optional(ShortText('organisers only')),
  kind: Type.Optional(Kind),
  cross_project: Type.Optional(Type.Boolean()),
  status: Type.Optional(Status),
});

const NewTeam = Type.Object({
  name: ShortText('the team’s name'),
  slug: Type.Optional(
    Type.String({ maxLength: 100, description: 'what people type after #; made from the name if absent' }),
  ),
  kind: Kind,
  cross_project: Type.Optional(Type.Boolean()),
});

const withTeam = { 200: Type.Object({ team: Type.Ref('Team'), reply: Reply }), ...errorResponses };

/** Topics on the board, team links and colour, and team administration. */
export function teamRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/events/:event/teams/:team/now',
      {
        schema: {
          summary: 'Set what the team discusses now (clears next)',
          tags: ['board'],
          security: bearer,
          params: TeamParams,
          body: Text,
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        return sendOutcome(
          reply,
          await deps.ops.setNow(request.params.event, who, {
            team: request.params.team,
            text: request.body.text,
          }),
          200,
        );
      },
    );

    app.post(
      '/events/:event/teams/:team/next',
      {
        schema: {
          summary: 'Add a topic to what comes next',
          tags: ['board'],
          security: bearer,
          params: TeamParams,
          body: Text,
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        return sendOutcome(
          reply,
          await deps.ops.addNext(request.params.event, who, {
            team: request.params.team,
            text: request.body.text,
          }),
          200,
        );
      },
    );

    app.delete(
      '/events/:event/teams/:team/topics',
      {
        schema: {
          summary: 'Clear now and next',
          tags: ['board'],
          security: bearer,
          params: TeamParams,
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        return sendOutcome(
          reply,
          await deps.ops.cleanBoard(request.params.event, who, { team: request.params.team }),
          200,
        );
      },
    );

    app.patch(
      '/events/:event/teams/:team',
      {
        schema: {
          summary: 'Change a team',
          description:
            'Moderators: etherpad_url, video_url, colour, location. Organisers: also name, kind, cross_project, status.',
          tags: ['teams'],
          security: bearer,
          params: TeamParams,
          body: TeamPatch,
          response: withTeam,
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const { params, body } = request;
        const outcome = await deps.ops.changeTeam(params.event, who, {
          team: params.team,
          name: body.name,
          kind: body.kind,
          crossProject: body.cross_project,
          status: body.status,
          etherpadUrl: body.etherpad_url,
          videoUrl: body.video_url,
          colour: body.colour,
          location: body.location,
        });
        return sendOutcome(reply, outcome, 200, (done) => ({
          team: presentTeam(done.state.event, findTeam(done.state, params.team)!),
          reply: done.reply,
        }));
      },
    );

    app.post(
      '/events/:event/teams',
      {
        schema: {
          summary: 'Add a team to the official list (organisers)',
          tags: ['teams'],
          security: bearer,
          params: EventParams,
          body: NewTeam,
          response: { 201: Type.Object({ team: Type.Ref('Team'), reply: Reply }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const { body } = request;
        const outcome = await deps.ops.createTeam(request.params.event, who, {
          name: body.name,
          ...(body.slug === undefined ? {} : { slug: body.slug }),
          kind: body.kind,
          crossProject: body.cross_project ?? false,
        });
        return sendOutcome(reply, outcome, 201, (done) => {
          const saved = findChange(done.revision?.changes, 'team.saved');
          return { team: saved ? presentTeam(done.state.event, saved.team) : null, reply: done.reply };
        });
      },
    );

    app.post(
      '/events/:event/teams/:team/moderators',
      {
        schema: {
          summary: 'Make a user a moderator of the team (organisers)',
          tags: ['teams'],
          security: bearer,
          params: TeamParams,
          body: Type.Object({ email: Type.String({ maxLength: 254 }) }),
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const { event, team } = request.params;
        return sendOutcome(
          reply,
          await setModeratorByEmail(deps.runtime, who, {
            event,
            team,
            email: request.body.email,
            moderator: true,
          }),
          200,
        );
      },
    );

    app.delete(
      '/events/:event/teams/:team/moderators/:email',
      {
        schema: {
          summary: 'Take moderation of the team away from a user (organisers)',
          tags: ['teams'],
          security: bearer,
          params: Type.Object({
            event: Type.String({ maxLength: 100 }),
            team: Type.String({ maxLength: 100 }),
            email: Type.String({ maxLength: 254 }),
          }),
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const { event, team, email } = request.params;
        return sendOutcome(
          reply,
          await setModeratorByEmail(deps.runtime, who, { event, team, email, moderator: false }),
          200,
        );
      },
    );
  };
}
