import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { boardView } from '../../core/board/board-view.ts';
import { isPublic } from '../../core/model/event.ts';
import { findTeam } from '../../core/model/lookup.ts';
import { isLiveTeam } from '../../core/model/team.ts';
import { roomLinksVisible } from '../../core/people/room-links.ts';
import { officialList } from '../../core/signups/official-list.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { presentBoard } from '../present/board.ts';
import { presentEvent, presentEventDetail } from '../present/event.ts';
import { presentRoom, presentSchedule } from '../present/schedule.ts';
import { presentTeam } from '../present/team.ts';
import { EventParams, errorResponses, TeamParams } from './common.schema.ts';
import { JsonCache } from './json-cache.ts';
import { eventOr404, viewerIsOrganizer } from './respond.ts';

/** The public read endpoints: events, teams, rooms, the schedule and the live board. */
export function readRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  const scheduleCache = new JsonCache((state) => ({ value: presentSchedule(state), validUntil: null }));
  const boardCache = new JsonCache((state, now) => {
    const view = boardView(state, now);
    return { value: presentBoard(state, view, now), validUntil: view.validUntil };
  });

  return async (app) => {
    app.get(
      '/events',
      {
        schema: {
          summary: 'List events (organisers also see drafts)',
          tags: ['events'],
          response: { 200: Type.Object({ events: Type.Array(Type.Ref('EventSummary')) }) },
        },
      },
      async (request) => {
        const events = await deps.runtime.store.listEvents();
        const drafts = await viewerIsOrganizer(request);
        return { events: events.filter((event) => drafts || isPublic(event)).map(presentEvent) };
      },
    );

    app.get(
      '/events/:event',
      {
        schema: {
          summary: 'One event with its public content',
          tags: ['events'],
          params: EventParams,
          response: { 200: Type.Object({ event: Type.Ref('EventDetail') }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        return state ? { event: presentEventDetail(state.event) } : reply;
      },
    );

    app.get(
      '/events/:event/teams',
      {
        schema: {
          summary: 'The official team list (approved teams)',
          tags: ['teams'],
          params: EventParams,
          response: { 200: Type.Object({ teams: Type.Array(Type.Ref('Team')) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        return { teams: officialList(state).map((team) => presentTeam(state.event, team)) };
      },
    );

    app.get(
      '/events/:event/teams/:team',
      {
        schema: {
          summary: 'One team',
          tags: ['teams'],
          params: TeamParams,
          response: { 200: Type.Object({ team: Type.Ref('Team') }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        const team = findTeam(state, request.params.team);
        if (!team || !isLiveTeam(team)) {
          return sendRefusal(reply, {
            code: 'unknown_team',
            message: `There is no team "${request.params.team.slice(0, 60)}".`,
          });
        }
        return { team: presentTeam(state.event, team) };
      },
    );

    app.get(
      '/events/:event/rooms',
      {
        schema: {
          summary: 'Rooms',
          tags: ['schedule'],
          params: EventParams,
          response: { 200: Type.Object({ rooms: Type.Array(Type.Ref('Room')) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        return state
          ? { rooms: state.rooms.map((room) => presentRoom(room, roomLinksVisible(state.event, null))) }
          : reply;
      },
    );

    app.get(
      '/events/:event/schedule',
      {
        schema: {
          summary: 'Rooms × slots with bookings and closed cells',
          tags: ['schedule'],
          params: EventParams,
          response: { 200: Type.Ref('Schedule'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        return state ? scheduleCache.send(request, reply, state, deps.runtime.clock.now()) : reply;
      },
    );

    app.get(
      '/events/:event/board',
      {
        schema: {
          summary: 'The live board: now, next, banners and the current slot',
          tags: ['board'],
          params: EventParams,
          response: { 200: Type.Ref('Board'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const state = await eventOr404(deps, reply, request.params.event);
        return state ? boardCache.send(request, reply, state, deps.runtime.clock.now()) : reply;
      },
    );
  };
}
