import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { motdLevels } from '../../core/model/board.ts';
import type { WebDeps } from '../deps.ts';
import { bearer, EventParams, errorResponses, Nullable, Reply, ShortText } from './common.schema.ts';
import { runWrite } from './respond.ts';

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
      (request, reply) =>
        runWrite(
          request,
          reply,
          (who) =>
            deps.ops.addMotd(request.params.event, who, {
              level: request.body.level,
              message: request.body.message,
              expiresAt: request.body.expires_at ?? null,
            }),
          { status: 201 },
        ),
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
            position: Type.Integer({ minimum: 1, maximum: 1000 }),
          }),
          response: replyOnly,
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.removeMotd(request.params.event, who, { position: request.params.position }),
        ),
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
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.reorderMotd(request.params.event, who, { positions: request.body.positions }),
        ),
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
      (request, reply) =>
        runWrite(request, reply, (who) => deps.ops.cleanMotd(request.params.event, who, {})),
    );
  };
}
