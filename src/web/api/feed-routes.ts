import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { MeetingLedgers } from '../../app/meeting-ledgers.ts';
import { personalCalendar, personalCalendarUrl, rotateCalendarSecret } from '../../app/personal-calendar.ts';
import { type Refusal, refusal, unknownEvent } from '../../core/errors.ts';
import type { Instant } from '../../core/model/instant.ts';
import { findRoom, findTeam } from '../../core/model/lookup.ts';
import { isLiveTeam } from '../../core/model/team.ts';
import type { Meeting, MeetingLedger } from '../../core/schedule/meeting-ledger.ts';
import { c3vocScheduleJson } from '../../exporters/c3voc-json.ts';
import { frabScheduleXml } from '../../exporters/frab-xml.ts';
import { type CalendarFeed, icalCalendar } from '../../exporters/ical-calendar.ts';
import { eventPage, roomPage, teamPage } from '../../exporters/page-urls.ts';
import { ptgbotFeed } from '../../exporters/ptgbot-json.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { bearer, EventParams, errorResponses } from './common.schema.ts';
import { type Rendered, ResponseCache } from './json-cache.ts';
import { eventOr404, userIdOr401 } from './respond.ts';

/** What the calendar of a team or a room shows. */
interface CalendarPart {
  readonly key: string;
  readonly name: string;
  readonly page: string;
  readonly meetings: readonly Meeting[];
}

const SecretParams = Type.Object({ secret: Type.String({ maxLength: 200 }) });

const calendarType = 'text/calendar; charset=utf-8';
const jsonType = 'application/json; charset=utf-8';
const xmlType = 'application/xml; charset=utf-8';

/** An OpenAPI response of another type than JSON. */
const produces = (type: string, description: string) => ({
  200: { description, content: { [type.split(';')[0] as string]: { schema: Type.String() } } },
  ...errorResponses,
});

const CalendarAddress = Type.Object({
  calendar_url: Type.Union([Type.String(), Type.Null()], {
    description: 'the secret address of your own calendar (the teams you follow), or null before one is made',
  }),
});

/**
 * The feeds other programs read (calendars, schedule apps, ptgbot's page) at the page-level paths
 * DESIGN.md lists, the personal calendar behind a secret address, and the API to rotate that secret.
 * Every feed answers conditional requests with 304.
 */
export function feedRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  const ledgers = new MeetingLedgers(deps.runtime);
  const cache = new ResponseCache();
  const base = deps.baseUrl;

  /** The event's ledger, or a 404 already sent. */
  const ledgerOr404 = async (reply: FastifyReply, ref: string): Promise<MeetingLedger | null> => {
    if (!(await eventOr404(deps, reply, ref))) return null;
    const ledger = await ledgers.get(ref);
    if (!ledger) sendRefusal(reply, unknownEvent(ref));
    return ledger;
  };

  /** Public feeds may be read from any page (ptgbot's page fetches ptg.json from elsewhere). */
  const sendPublic = (
    request: FastifyRequest,
    reply: FastifyReply,
    ledger: MeetingLedger,
    key: string,
    render: () => Rendered,
  ) => {
    reply.header('access-control-allow-origin', '*');
    const { event } = ledger.state;
    return cache.send(
      request,
      reply,
      `${event.id}:${key}`,
      String(ledger.state.revision),
      deps.runtime.clock.now(),
      render,
    );
  };

  const calendar = (feed: CalendarFeed): Rendered => ({
    body: icalCalendar(feed, base),
    type: calendarType,
    validUntil: null,
  });

  const address = (secret: string | null) => ({
    calendar_url: secret ? personalCalendarUrl(base, secret) : null,
  });

  /** The calendars of one team and of one room, linked from their pages. */
  const partFeeds: {
    kind: 'teams' | 'rooms';
    summary: string;
    ref: string;
    find: (ledger: MeetingLedger, ref: string) => CalendarPart | Refusal;
  }[] = [
    {
      kind: 'teams',
      summary: 'iCalendar feed of one team’s meetings',
      ref: 'the team slug',
      find: (ledger, ref) => {
        const { event } = ledger.state;
        const team = findTeam(ledger.state, ref);
        if (!team || !isLiveTeam(team))
          return refusal('unknown_team', `There is no team "${ref.slice(0, 60)}" in ${event.slug}.`);
        return {
          key: `team:${team.id}`,
          name: team.name,
          page: teamPage(base, event, team),
          meetings: ledger.meetings.filter(
            (meeting) => meeting.team.id === team.id || meeting.guests.some((guest) => guest.id === team.id),
          ),
        };
      },
    },
    {
      kind: 'rooms',
      summary: 'iCalendar feed of the meetings in one room',
      ref: 'the room slug',
      find: (ledger, ref) => {
        const { event } = ledger.state;
        const room = findRoom(ledger.state, ref);
        if (!room) return refusal('unknown_room', `There is no room "${ref.slice(0, 60)}" in ${event.slug}.`);
        return {
          key: `room:${room.id}`,
          name: room.name,
          page: roomPage(base, event, room),
          meetings: ledger.meetings.filter((meeting) => meeting.room.id === room.id),
        };
      },
    },
  ];

  /** The feeds of a whole event, at `/events/{event}/{path}`. */
  const eventFeeds: {
    path: string;
    summary: string;
    type: string;
    render: (ledger: MeetingLedger, now: Instant) => Rendered;
  }[] = [
    {
      path: 'calendar.ics',
      summary: 'iCalendar feed of every meeting of the event',
      type: calendarType,
      render: (ledger) => {
        const { event } = ledger.state;
        return calendar({
          name: event.title,
          pageUrl: `${eventPage(base, event)}/schedule`,
          feedUrl: `${eventPage(base, event)}/calendar.ics`,
          entries: ledger.meetings.map((meeting) => ({ event, meeting })),
        });
      },
    },
    {
      path: 'schedule.xml',
      summary: 'The schedule as frab / c3voc XML (Giggity, ConfClerk, EventFahrplan, info-beamer)',
      type: xmlType,
      render: (ledger) => ({ body: frabScheduleXml(ledger, base), type: xmlType, validUntil: null }),
    },
    {
      path: 'schedule.json',
      summary: 'The schedule as c3voc schedule JSON',
      type: jsonType,
      render: (ledger) => ({ body: c3vocScheduleJson(ledger, base), type: jsonType, validUntil: null }),
    },
    {
      path: 'ptg.json',
      summary: 'The event in ptgbot’s format, for the ptg.opendev.org page and its scripts',
      type: jsonType,
      render: (ledger, now) => ({ ...ptgbotFeed(ledger, now, base), type: jsonType }),
    },
  ];

  return async (app) => {
    for (const feed of eventFeeds) {
      app.get(
        `/events/:event/${feed.path}`,
        {
          schema: {
            summary: feed.summary,
            tags: ['feeds'],
            params: EventParams,
            response: produces(feed.type, feed.path),
          },
        },
        async (request, reply) => {
          const ledger = await ledgerOr404(reply, request.params.event);
          if (!ledger) return reply;
          const now = deps.runtime.clock.now();
          return sendPublic(request, reply, ledger, feed.path, () => feed.render(ledger, now));
        },
      );
    }

    for (const part of partFeeds) {
      app.get(
        `/events/:event/${part.kind}/:ref/calendar.ics`,
        {
          schema: {
            summary: part.summary,
            tags: ['feeds'],
            params: Type.Object({
              event: Type.String({ maxLength: 100, description: 'the event slug' }),
              ref: Type.String({ maxLength: 100, description: part.ref }),
            }),
            response: produces(calendarType, 'RFC 5545 calendar'),
          },
        },
        async (request, reply) => {
          const ledger = await ledgerOr404(reply, request.params.event);
          if (!ledger) return reply;
          const found = part.find(ledger, request.params.ref);
          if ('code' in found) return sendRefusal(reply, found);
          const { event } = ledger.state;
          return sendPublic(request, reply, ledger, found.key, () =>
            calendar({
              name: `${found.name} – ${event.title}`,
              pageUrl: found.page,
              feedUrl: `${found.page}/calendar.ics`,
              entries: found.meetings.map((meeting) => ({ event, meeting })),
            }),
          );
        },
      );
    }

    app.get(
      '/feeds/:secret/calendar.ics',
      {
        schema: {
          summary: 'Your own calendar: the meetings of the teams you follow, behind a secret address',
          tags: ['feeds'],
          params: SecretParams,
          response: produces(calendarType, 'RFC 5545 calendar'),
        },
      },
      async (request, reply) => {
        const found = await personalCalendar(deps.runtime, ledgers, request.params.secret);
        if (!found) {
          return sendRefusal(
            reply,
            refusal(
              'not_found',
              'There is no calendar at this address; it may have been replaced by a new one.',
            ),
          );
        }
        const feedUrl = personalCalendarUrl(base, request.params.secret);
        return cache.send(
          request,
          reply,
          `personal:${found.user.id}`,
          found.version,
          deps.runtime.clock.now(),
          () =>
            calendar({
              name: `${found.user.name} – Convene`,
              pageUrl: null,
              feedUrl,
              entries: found.entries(),
            }),
          'private, no-cache',
        );
      },
    );

    app.get(
      '/api/v1/me/calendar',
      {
        schema: {
          summary: 'The secret address of your own calendar',
          tags: ['account'],
          security: bearer,
          response: { 200: CalendarAddress, ...errorResponses },
        },
      },
      async (request, reply) => {
        const userId = await userIdOr401(request, reply);
        return userId ? address(await deps.runtime.store.feedSecretOf(userId)) : reply;
      },
    );

    app.post(
      '/api/v1/me/calendar',
      {
        schema: {
          summary: 'Make a new secret address for your own calendar; the old one stops working',
          tags: ['account'],
          security: bearer,
          response: { 200: CalendarAddress, ...errorResponses },
        },
      },
      async (request, reply) => {
        const userId = await userIdOr401(request, reply);
        return userId ? address(await rotateCalendarSecret(deps.runtime, userId)) : reply;
      },
    );
  };
}
