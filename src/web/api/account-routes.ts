import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { refusal } from '../../core/errors.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';
import { bearer, errorResponses } from './common.schema.ts';
import { userIdOr401 } from './respond.ts';

/** Who the token belongs to: a quick check that a token works. */
export function accountRoutes(deps: WebDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/me',
      {
        schema: {
          summary: 'The user behind the token',
          tags: ['account'],
          security: bearer,
          response: {
            200: Type.Object({
              user: Type.Object({
                name: Type.String(),
                email: Type.String(),
                irc_nick: Type.Union([Type.String(), Type.Null()]),
                organizer: Type.Boolean(),
              }),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const userId = await userIdOr401(request, reply);
        if (!userId) return reply;
        const user = await deps.runtime.store.findUser(userId);
        if (!user) return sendRefusal(reply, refusal('unauthenticated'));
        return {
          user: { name: user.name, email: user.email, irc_nick: user.ircNick, organizer: user.isOrganizer },
        };
      },
    );
  };
}
