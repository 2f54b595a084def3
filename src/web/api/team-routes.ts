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
import { runWrite } from './respond.ts';

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

const ModeratorParams = Type.Object({
  event: Type.String({ maxLength: 100 }),
  team: Type.String({ maxLength: 100 }),
  email: Type.String({ maxLength: 254 }),
});

const replyOnly = { 200: Type.Object({ reply: Reply }), ...errorResponses };
const teamWrite = (summary: string, tags: string[]) => ({
  summary,
  tags,
  security: bearer,
  params: TeamParams,
});

/** Topics on the board, team links and colour, and team administration. */
export function teamRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const topicRoutes = [
      ['now', 'Set what the team discusses now (clears next)', deps.ops.setNow],
      ['next', 'Add a topic to what comes next', deps.ops.addNext],
    ] as const;
    for (const [verb, summary, operation] of topicRoutes) {
      app.post(
        `/events/:event/teams/:team/${verb}`,
        { schema: { ...teamWrite(summary, ['board']), body: Text, response: replyOnly } },
        (request, reply) =>
          runWrite(request, reply, (who) =>
            operation(request.params.event, who, { team: request.params.team, text: request.body.text }),
          ),
      );
    }

    app.delete(
      '/events/:event/teams/:team/topics',
      { schema: { ...teamWrite('Clear now and next', ['board']), response: replyOnly } },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.cleanBoard(request.params.event, who, { team: request.params.team }),
        ),
    );

    app.patch(
      '/events/:event/teams/:team',
      {
        schema: {
          ...teamWrite('Change a team', ['teams']),
          description:
            'Moderators: etherpad_url, video_url, colour, location. Organisers: also name, kind, cross_project, status.',
          body: TeamPatch,
          response: { 200: Type.Object({ team: Type.Ref('Team'), reply: Reply }), ...errorResponses },
        },
      },
      (request, reply) =>
        runWrite(
          request,
          reply,
          (who) =>
            deps.ops.changeTeam(request.params.event, who, {
              team: request.params.team,
              name: request.body.name,
              kind: request.body.kind,
              crossProject: request.body.cross_project,
              status: request.body.status,
              etherpadUrl: request.body.etherpad_url,
              videoUrl: request.body.video_url,
              colour: request.body.colour,
              location: request.body.location,
            }),
          {
            present: (done) => {
              const saved = findChange(done.revision?.changes, 'team.saved');
              const team = saved?.team ?? findTeam(done.state, saved?.team.id ?? '');
              return { team: team ? presentTeam(done.state.event, team) : null, reply: done.reply };
            },
          },
        ),
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
      (request, reply) =>
        runWrite(
          request,
          reply,
          (who) =>
            deps.ops.createTeam(request.params.event, who, {
              name: request.body.name,
              ...(request.body.slug === undefined ? {} : { slug: request.body.slug }),
              kind: request.body.kind,
              crossProject: request.body.cross_project ?? false,
            }),
          {
            status: 201,
            present: (done) => {
              const saved = findChange(done.revision?.changes, 'team.saved');
              return { team: saved ? presentTeam(done.state.event, saved.team) : null, reply: done.reply };
            },
          },
        ),
    );

    app.post(
      '/events/:event/teams/:team/moderators',
      {
        schema: {
          ...teamWrite('Make a user a moderator of the team (organisers)', ['teams']),
          body: Type.Object({ email: Type.String({ maxLength: 254 }) }),
          response: replyOnly,
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          setModeratorByEmail(deps.runtime, who, {
            event: request.params.event,
            team: request.params.team,
            email: request.body.email,
            moderator: true,
          }),
        ),
    );

    app.delete(
      '/events/:event/teams/:team/moderators/:email',
      {
        schema: {
          ...teamWrite('Take moderation of the team away from a user (organisers)', ['teams']),
          params: ModeratorParams,
          response: replyOnly,
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          setModeratorByEmail(deps.runtime, who, {
            event: request.params.event,
            team: request.params.team,
            email: request.params.email,
            moderator: false,
          }),
        ),
    );
  };
}
