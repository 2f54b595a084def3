import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  applyScheduleDraft,
  draftSeconds,
  makeScheduleDraft,
  scheduleDraftOf,
} from '../../app/schedule-drafts.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { presentScheduleDraft } from '../present/schedule-draft.ts';
import { bearer, errorResponses, Nullable, Reply, TeamParams } from './common.schema.ts';
import { runWrite, whoOr401 } from './respond.ts';

const Cost = Type.Object({
  total: Type.Integer(),
  unmet_hours: Type.Integer(),
  clash: Type.Integer(),
  runs: Type.Integer(),
  room_changes: Type.Integer(),
});

const ScheduleDraft = Type.Object({
  id: Type.String(),
  created_at: Type.String(),
  applied_at: Nullable(Type.String()),
  bookings: Type.Array(Type.Object({ team: Type.String(), room: Type.String(), slot: Type.String() }), {
    description: 'every booking of the official teams in the draft: team slug, room slug, slot code',
  }),
  cost: Cost,
  bound: Nullable(Type.Number({ description: 'no draft costs less' })),
  seconds: Type.Number(),
  words: Type.Object({
    summary: Type.String(),
    unmet: Type.Array(Type.String()),
    clashes: Type.Array(Type.String()),
  }),
  current: Type.Object(
    { cost: Cost, kept: Type.Integer(), added: Type.Integer(), released: Type.Integer() },
    { description: 'the current bookings: their cost, and what the draft keeps, adds and releases' },
  ),
});

const Wishes = Type.Object({
  hours_wanted: Type.Integer({ minimum: 0, maximum: 10_000 }),
  windows: Type.Array(Type.String({ maxLength: 200 }), {
    maxItems: 50,
    description: 'window names; none means any',
  }),
  avoid: Type.Array(Type.String({ maxLength: 100 }), {
    maxItems: 50,
    description: 'slugs of teams not to overlap',
  }),
  keep_bookings: Type.Optional(
    Type.Array(Type.String({ maxLength: 100 }), {
      maxItems: 500,
      description: 'ids of the team’s bookings to keep',
    }),
  ),
});

const DraftParams = Type.Object({
  event: Type.String({ maxLength: 100 }),
  id: Type.String({ maxLength: 100 }),
});

/** Drafting the schedule from the sign-ups, reading a draft again, and applying it (organisers). */
export function draftRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/events/:event/schedule/draft',
      {
        schema: {
          summary: 'Draft the schedule from what the teams asked for (organisers)',
          description: `Searches for time_limit seconds (default ${draftSeconds.default}, at most ${draftSeconds.most}); the draft is kept for a week and applied by its id. Refusals: forbidden, invalid_input, invalid_instance.`,
          tags: ['schedule'],
          security: bearer,
          params: Type.Object({ event: Type.String({ maxLength: 100 }) }),
          body: Type.Optional(
            Type.Object({
              time_limit: Type.Optional(Type.Number({ minimum: 1, maximum: draftSeconds.most })),
              keep_current: Type.Optional(
                Type.Boolean({ description: 'start from the current bookings and move as few as possible' }),
              ),
            }),
          ),
          response: { 201: Type.Object({ draft: ScheduleDraft }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const made = await makeScheduleDraft(deps.runtime, who, request.params.event, {
          seconds: request.body?.time_limit,
          keepCurrent: request.body?.keep_current === true,
        });
        if (!made.ok) return sendRefusal(reply, made.refusal);
        return reply.status(201).send({ draft: presentScheduleDraft(made.value) });
      },
    );

    app.put(
      '/events/:event/teams/:team/schedule-wishes',
      {
        schema: {
          summary: 'What a team asks of a draft schedule (its moderators and organisers)',
          tags: ['schedule'],
          security: bearer,
          params: TeamParams,
          body: Wishes,
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.setScheduleWishes(request.params.event, who, {
            team: request.params.team,
            hoursWanted: request.body.hours_wanted,
            preferredWindows: request.body.windows,
            avoidClashes: request.body.avoid,
            keepBookings: request.body.keep_bookings ?? [],
          }),
        ),
    );

    app.get(
      '/events/:event/schedule/draft/:id',
      {
        schema: {
          summary: 'A draft made earlier (organisers)',
          tags: ['schedule'],
          security: bearer,
          params: DraftParams,
          response: { 200: Type.Object({ draft: ScheduleDraft }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const found = await scheduleDraftOf(deps.runtime, who, request.params.event, request.params.id);
        if (!found.ok) return sendRefusal(reply, found.refusal);
        return { draft: presentScheduleDraft(found.value.draft) };
      },
    );

    app.post(
      '/events/:event/schedule/draft/:id/apply',
      {
        schema: {
          summary: 'Apply a draft: one revision of organiser assignments through the booking rules',
          description: 'Refusals: draft_outdated (the bookings changed since), unknown_draft, forbidden, …',
          tags: ['schedule'],
          security: bearer,
          params: DraftParams,
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          applyScheduleDraft(deps.runtime, who, request.params.event, request.params.id),
        ),
    );
  };
}
