import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { EventState } from '../../../core/model/event-state.ts';
import { readableTextColour } from '../../../core/teams/colour.ts';
import type { WebDeps } from '../../deps.ts';
import { eventOrNotFound } from '../page-context.ts';

/** One rule per team: its colour, and black or white text, whichever meets WCAG AA on it. */
export function teamColourRules(state: EventState): string {
  return state.teams
    .map((team) => `.team-${team.slug}{background:${team.colour};color:${readableTextColour(team.colour)}}`)
    .join('\n');
}

/**
 * The URL of the event's team colours, versioned by their content: the content security policy
 * forbids style attributes, so colours travel in a style sheet, cached until a colour changes.
 */
export function teamStylesheetUrl(state: EventState): string {
  const version = createHash('sha256').update(teamColourRules(state)).digest('base64url').slice(0, 10);
  return `/events/${encodeURIComponent(state.event.slug)}/teams.css?v=${version}`;
}

/** `GET /events/{event}/teams.css`: the team colour classes used by badges on every page. */
export function teamColoursStylesheet(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { event: string }; Querystring: { v?: string } }>(
      '/events/:event/teams.css',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!state) return reply;
        const current = teamStylesheetUrl(state).endsWith(`v=${request.query.v}`);
        return reply
          .type('text/css; charset=utf-8')
          .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'no-cache')
          .send(teamColourRules(state));
      },
    );
  };
}
