import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditLog } from '../../app/events.ts';
import { findChange } from '../../core/changes.ts';
import type { Revision } from '../../core/revision.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { presentRoom } from '../present/schedule.ts';
import { bearer, EventParams, errorResponses, Nullable, Reply, ShortText } from './common.schema.ts';
import { runWrite, whoOr401 } from './respond.ts';

const RoomParams = Type.Object({
  event: Type.String({ maxLength: 100 }),
  room: Type.String({ maxLength: 200 }),
});
const RoomBody = Type.Object({
  name: ShortText('any text, spaces allowed'),
  slug: Type.Optional(Type.String({ maxLength: 100 })),
  url: Type.Optional(Nullable(ShortText('the room’s video link'))),
  description: Type.Optional(Type.String({ maxLength: 5000 })),
  capacity: Type.Optional(Nullable(Type.Integer())),
  features: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })),
});
const roomReply = {
  200: Type.Object({ room: Type.Ref('Room'), reply: Reply }),
  201: Type.Object({ room: Type.Ref('Room'), reply: Reply }),
  ...errorResponses,
};

/** Organisers: rooms, room availability and the audit log. */
export function adminRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/events/:event/rooms',
      {
        schema: {
          summary: 'Add a room (organisers)',
          tags: ['schedule'],
          security: bearer,
          params: EventParams,
          body: RoomBody,
          response: roomReply,
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) => deps.ops.saveRoom(request.params.event, who, request.body), {
          status: 201,
          present: roomResult,
        }),
    );

    app.put(
      '/events/:event/rooms/:room',
      {
        schema: {
          summary: 'Change a room (organisers)',
          tags: ['schedule'],
          security: bearer,
          params: RoomParams,
          body: RoomBody,
          response: roomReply,
        },
      },
      (request, reply) =>
        runWrite(
          request,
          reply,
          (who) =>
            deps.ops.saveRoom(request.params.event, who, { ...request.body, room: request.params.room }),
          { present: roomResult },
        ),
    );

    app.delete(
      '/events/:event/rooms/:room',
      {
        schema: {
          summary: 'Remove a room without bookings (organisers)',
          tags: ['schedule'],
          security: bearer,
          params: RoomParams,
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.removeRoom(request.params.event, who, { room: request.params.room }),
        ),
    );

    app.put(
      '/events/:event/rooms/:room/availability/:slot',
      {
        schema: {
          summary: 'Open or close a room in one slot (organisers)',
          tags: ['schedule'],
          security: bearer,
          params: Type.Object({
            event: Type.String({ maxLength: 100 }),
            room: Type.String({ maxLength: 200 }),
            slot: Type.String({ maxLength: 100 }),
          }),
          body: Type.Object({ available: Type.Boolean() }),
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) => {
          const { event, room, slot } = request.params;
          return deps.ops.setAvailability(event, who, { room, slot, available: request.body.available });
        }),
    );

    app.get(
      '/events/:event/audit',
      {
        schema: {
          summary: 'Every change, with who made it and from where (organisers)',
          tags: ['events'],
          security: bearer,
          params: EventParams,
          querystring: Type.Object({
            after: Type.Optional(Type.Integer({ minimum: 0 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          }),
          response: {
            200: Type.Object({
              revisions: Type.Array(
                Type.Object({
                  revision: Type.Integer(),
                  at: Type.String(),
                  actor: Nullable(Type.String()),
                  source: Type.String(),
                  changes: Type.Array(Type.Object({ type: Type.String() }, { additionalProperties: true })),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const { after = 0, limit = 200 } = request.query;
        const revisions = await auditLog(deps.runtime, who, request.params.event, after, limit);
        if (!revisions.ok) return sendRefusal(reply, revisions.refusal);
        return {
          revisions: revisions.value.map((revision) => ({
            revision: revision.revision,
            at: revision.at,
            actor: revision.actorName,
            source: revision.source,
            changes: revision.changes.map((change) => ({ ...change })),
          })),
        };
      },
    );
  };
}

function roomResult(done: { reply: string; revision: Revision | null }) {
  const saved = findChange(done.revision?.changes, 'room.saved');
  return { room: saved ? presentRoom(saved.room, true) : null, reply: done.reply };
}
