import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { refusal } from '../../core/errors.ts';
import { motdLevels } from '../../core/model/board.ts';
import { parseInstant } from '../../core/model/instant.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { bearer, EventParams, errorResponses, Nullable, Reply, ShortText } from './common.schema.ts';
import { sendOutcome, whoOr401 } from './respond.ts';

const replyOnly = { 200: Type.Object({ reply: Reply }), ...errorResponses };

/** Banners on the board (organisers). Positions are 1-based, as listed on the board. */
export function motdRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/events/:event/motd',
      {
        schema: {
          summary: 'Add a banner',
          tags: ['board'],
          security: bearer,
          params: EventParams,
          body: Type.Object({
            level: Type.Union(motdLevels.map((level) => Type.Literal(level))),
            message: ShortText('one line'),
            expires_at: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'ISO instant' }))),
          }),
          response: { 201: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const { level, message, expires_at } = request.body;
        const expiresAt = expires_at ? parseInstant(expires_at) : null;
        if (expires_at && !expiresAt)
          return sendRefusal(
            reply,
            refusal(
              'invalid_input',
              '"expires_at" must be an ISO date-time with a zone, like 2022-10-18T17:00:00Z.',
            ),
          );
        return sendOutcome(
          reply,
          await deps.ops.addMotd(request.params.event, who, { level, message, expiresAt }),
          201,
        );
      },
    );

    app.delete(
      '/events/:event/motd/:position',
      {
        schema: {
          summary: 'Remove banner N',
          tags: ['board'],
          security: bearer,
          params: Type.Object({
            event: Type.String({ maxLength: 100 }),
            // Path values arrive as text (the validator does not coerce types).
            position: Type.String({ pattern: '^[1-9][0-9]{0,3}$', description: '1-based, as listed' }),
          }),
          response: replyOnly,
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        return sendOutcome(
          reply,
          await deps.ops.removeMotd(request.params.event, who, { position: Number(request.params.position) }),
          200,
        );
      },
    );

    app.put(
      '/events/:event/motd/order',
      {
        schema: {
          summary: 'Reorder the banners',
          tags: ['board'],
          security: bearer,
          params: EventParams,
          body: Type.Object({
            positions: Type.Array(Type.Integer({ minimum: 1, maximum: 1000 }), { maxItems: 1000 }),
          }),
          response: replyOnly,
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        return sendOutcome(
          reply,
          await deps.ops.reorderMotd(request.params.event, who, { positions: request.body.positions }),
          200,
        );
      },
    );

    app.delete(
      '/events/:event/motd',
      {
        schema: {
          summary: 'Remove every banner',
          tags: ['board'],
          security: bearer,
          params: EventParams,
          response: replyOnly,
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        return sendOutcome(reply, await deps.ops.cleanMotd(request.params.event, who, {}), 200);
      },
    );
  };
}
