import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clashesOfChanges } from '../../app/clashes.ts';
import type { Outcome } from '../../app/execute.ts';
import type { Booking } from '../../core/model/booking.ts';
import type { WebDeps } from '../deps.ts';
import { presentBooking } from '../present/schedule.ts';
import { ClashWarnings } from './clash-routes.ts';
import { bearer, EventParams, errorResponses, Reply, TeamParams } from './common.schema.ts';
import { runWrite } from './respond.ts';

const Override = {
  override: Type.Optional(
    Type.Boolean({ description: 'organisers only: set caps, phases and the past aside (logged)' }),
  ),
  reason: Type.Optional(
    Type.String({ maxLength: 500, description: 'why the rules are set aside; kept with the booking' }),
  ),
};

const BookingInput = Type.Object({
  team: Type.String({ minLength: 1, maxLength: 100, description: 'team slug' }),
  room: Type.String({ minLength: 1, maxLength: 200, description: 'room slug or name' }),
  slot: Type.String({ minLength: 1, maxLength: 100, description: 'slot id or code (e.g. tue13)' }),
  ...Override,
});

const RangeInput = Type.Object({
  room: Type.String({ minLength: 1, maxLength: 200, description: 'room slug or name' }),
  from: Type.String({ minLength: 1, maxLength: 100, description: 'the first slot (id or code, e.g. wed13)' }),
  to: Type.String({ minLength: 1, maxLength: 100, description: 'the last slot, included (e.g. wed16)' }),
  ...Override,
});

/** The bookings a write created, in the grid's time order. */
function createdBookings(done: Extract<Outcome, { ok: true }>): Booking[] {
  return (done.revision?.changes ?? []).flatMap((change) =>
    change.type === 'booking.created' ? [change.booking] : [],
  );
}

/** Booking and releasing cells; every rule is the core's. Bookings come back with their clash warnings. */
export function bookingRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    /** What a booking write answers: the bookings, the reply, and who else meets then. */
    const presentWithWarnings = async (done: Extract<Outcome, { ok: true }>) => {
      const bookings = createdBookings(done);
      const warnings = await clashesOfChanges(deps.runtime, done.state, done.revision?.changes);
      return {
        bookings: bookings.map((booking) => presentBooking(done.state, booking)),
        reply: done.reply,
        warnings,
      };
    };

    app.post(
      '/events/:event/bookings',
      {
        schema: {
          summary: 'Book a free cell for a team',
          description:
            'Refusals: slot_taken, team_busy, daily_cap, total_cap, not_open, in_past, forbidden, unknown_slot, …. `warnings` name the teams that share people with this one and meet in the same hour; they never refuse.',
          tags: ['schedule'],
          security: bearer,
          params: EventParams,
          body: BookingInput,
          response: {
            201: Type.Object({ booking: Type.Ref('Booking'), reply: Reply, warnings: ClashWarnings }),
            ...errorResponses,
          },
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) => deps.ops.bookSlot(request.params.event, who, request.body), {
          status: 201,
          present: async (done) => {
            const { bookings, ...rest } = await presentWithWarnings(done);
            return { booking: bookings[0] ?? null, ...rest };
          },
        }),
    );

    app.post(
      '/events/:event/teams/:team/bookings/range',
      {
        schema: {
          summary: 'Book consecutive hours of one window in one room, all or nothing',
          description:
            'Books every hour from `from` to `to` (included) or none. When an hour is refused the answer is `range_refused` with `parts`: every hour with its own verdict. Ranges run through one window of one day (`bad_range`). `warnings` as for one booking.',
          tags: ['schedule'],
          security: bearer,
          params: TeamParams,
          body: RangeInput,
          response: {
            201: Type.Object({
              bookings: Type.Array(Type.Ref('Booking')),
              reply: Reply,
              warnings: ClashWarnings,
            }),
            ...errorResponses,
          },
        },
      },
      (request, reply) =>
        runWrite(
          request,
          reply,
          (who) =>
            deps.ops.bookRange(request.params.event, who, { ...request.body, team: request.params.team }),
          { status: 201, present: presentWithWarnings },
        ),
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
          querystring: Type.Object({
            override: Type.Optional(Type.Boolean()),
            reason: Type.Optional(
              Type.String({ maxLength: 500, description: 'why a started slot is released' }),
            ),
          }),
          response: { 200: Type.Object({ reply: Reply }), ...errorResponses },
        },
      },
      (request, reply) =>
        runWrite(request, reply, (who) =>
          deps.ops.unbookSlot(request.params.event, who, {
            bookingId: request.params.id,
            override: request.query.override === true,
            reason: request.query.reason,
          }),
        ),
    );
  };
}
