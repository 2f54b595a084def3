import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clashesOf } from '../../app/clashes.ts';
import { refusal } from '../../core/errors.ts';
import { findSlot, findTeam } from '../../core/model/lookup.ts';
import { checkTeamManager } from '../../core/permissions.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { bearer, errorResponses, TeamParams } from './common.schema.ts';
import { eventOr404, whoOr401 } from './respond.ts';

/** Clash warnings as every booking answer carries them. */
export const ClashWarnings = Type.Array(
  Type.Object({
    code: Type.Union([
      Type.Literal('clash_avoided'),
      Type.Literal('clash_moderators'),
      Type.Literal('clash_people'),
    ]),
    message: Type.String(),
    teams: Type.Array(Type.String(), { description: 'the slugs of the teams meeting at the same time' }),
    people: Type.Integer({ description: 'people whose teams include both (followers and moderators)' }),
    slots: Type.Array(Type.String(), { description: 'the codes of the hours both meet in' }),
  }),
  { description: 'teams sharing people with this one that meet at the same time; never a refusal' },
);

/** `GET …/teams/{team}/clashes`: the warnings before booking (for chosen hours) or after (booked ones). */
export function clashRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/events/:event/teams/:team/clashes',
      {
        schema: {
          summary: 'Which teams sharing people with this one meet at the same time',
          description:
            'For the hours in `slots` (codes, comma-separated), or else the hours the team has booked. Team moderators and organisers only.',
          tags: ['schedule'],
          security: bearer,
          params: TeamParams,
          querystring: Type.Object({
            slots: Type.Optional(
              Type.String({ maxLength: 2000, description: 'slot codes, e.g. wed13,wed14' }),
            ),
          }),
          response: { 200: Type.Object({ warnings: ClashWarnings }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const state = await eventOr404(deps, reply, request.params.event);
        if (!state) return reply;
        const team = findTeam(state, request.params.team);
        if (!team) return sendRefusal(reply, refusal('unknown_team'));
        const denied = checkTeamManager(who.actor, team);
        if (denied) return sendRefusal(reply, denied);
        const codes = request.query.slots
          ?.split(',')
          .map((code) => code.trim())
          .filter(Boolean);
        const slots = codes?.map((code) => ({ code, slot: findSlot(state, code) }));
        const unknown = slots?.find((found) => !found.slot);
        if (unknown) {
          return sendRefusal(
            reply,
            refusal('unknown_slot', `There is no slot "${unknown.code.slice(0, 20)}" in this event.`),
          );
        }
        const slotIds = slots?.flatMap((found) => (found.slot ? [found.slot.id] : []));
        return { warnings: await clashesOf(deps.runtime, state, team, slotIds) };
      },
    );
  };
}
