import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findChange } from '../../core/changes.ts';
import type { WebDeps } from '../deps.ts';
import { presentBooking } from '../present/schedule.ts';
import { bearer, EventParams, errorResponses, Reply } from './common.schema.ts';
import { runWrite } from './respond.ts';

const BookingInput = Type.Object({
  team: Type.String({ minLength: 1, maxLength: 100, description: 'team slug' }),
  room: Type.String({ minLength: 1, maxLength: 200, description: 'room slug or name' }),
  slot: Type.String({ minLength: 1, maxLength: 100, description: 'slot id or code (e.g. tue13)' }),
  override: Type.Optional(
    Type.Boolean({ description: 'organisers only: set caps, phases and the past aside (logged)' }),
  ),
});

/** Booking and releasing cells; every rule is the core's. */
export function bookingRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/events/:event/bookings',
      {
        schema: {
          summary: 'Book a free cell for a team',
          description:
            'Refusals: slot_taken, team_busy, daily_cap, total_cap, not_open, in_past, forbidden, unknown_slot, …',
          tags: ['schedule'],
          security: bearer,
          params: EventParams,
          body: BookingInput,
          response: { 201: Type.Object({ booking: Type.Ref('Booking'), reply: Reply }), ...errorResponses },
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) => deps.ops.bookSlot(request.params.event, who, request.body), {
          status: 201,
          present: (done) => {
            const created = findChange(done.revision?.changes, 'booking.created');
            return {
              booking: created ? presentBooking(done.state, created.booking) : null,
              reply: done.reply,
            };
          },
        }),
    );

    app.delete(
      '/events/:event/bookings/:id',
      {
        schema: {
          summary: 'Release a booked cell',
          tags: ['schedule'],
          security: bearer,
          params: Type.Object({
            event: Type.String({ maxLength: 100 }),
            id: Type.String({ maxLength: 100 }),
          }),
          querystring: Type.Object({ override: Type.Optional(Type.Boolean()) }),
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.unbookSlot(request.params.event, who, {
            bookingId: request.params.id,
            override: request.query.override === true,
          }),
        ),
    );
  };
}
