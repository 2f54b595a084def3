import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { findPeople } from '../../app/find-people.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { bearer, EventParams, errorResponses, Nullable } from './common.schema.ts';
import { whoOr401 } from './respond.ts';

const PersonHere = Type.Object({
  name: Type.String(),
  irc_nick: Nullable(Type.String()),
  team: Nullable(Type.String({ description: 'the team checked in with, if any' })),
  where: Type.String({ description: 'the team and where it meets, or the place in the person’s words' }),
  since: Type.String({ description: 'ISO instant of the check-in' }),
});

/** "Find people": check-ins of today, only of people who agreed to be listed, only for people signed in. */
export function peopleRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/events/:event/people',
      {
        schema: {
          summary: 'Find people: who is checked in where (people who agreed to be listed)',
          tags: ['people'],
          security: bearer,
          params: EventParams,
          response: { 200: Type.Object({ people: Type.Array(PersonHere) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const who = await whoOr401(request, reply);
        if (!who) return reply;
        const found = await findPeople(deps.runtime, request.params.event, who.actor);
        if (!found.ok) return sendRefusal(reply, found.refusal);
        return {
          people: found.value.map((person) => ({
            name: person.name,
            irc_nick: person.nick,
            team: person.teamSlug,
            where: person.where,
            since: person.since,
          })),
        };
      },
    );
  };
}
