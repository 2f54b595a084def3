import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Checked, failed, passed } from '../../core/checked.ts';
import type { Actor } from '../../core/model/actor.ts';

/**
 * One way of telling who sent a request (a bearer token, a session cookie…). Returns null when the
 * request does not use it, a refusal when it does but is not valid.
 */
export type Identifier = (request: FastifyRequest) => Promise<Checked<Actor> | null>;

declare module 'fastify' {
  interface FastifyRequest {
    /** who sent the request: an actor, null for anonymous, or a refusal for bad credentials */
    identify(): Promise<Checked<Actor | null>>;
  }
  interface FastifyInstance {
    /** adds a way of identifying requests; the first that recognises a request wins */
    addIdentifier(identifier: Identifier): void;
  }
}

const resolved = Symbol('identity');

/** Lets routes ask who is calling, once per request, whatever the credential. */
export const identityPlugin = fp(async (app: FastifyInstance) => {
  const identifiers: Identifier[] = [];
  app.decorate('addIdentifier', (identifier: Identifier) => {
    identifiers.push(identifier);
  });
  app.decorateRequest(
    'identify',
    async function identify(this: FastifyRequest & { [resolved]?: Promise<Checked<Actor | null>> }) {
      this[resolved] ??= (async () => {
        for (const identifier of identifiers) {
          const found = await identifier(this);
          if (found) return found;
        }
        return passed(null);
      })();
      return this[resolved];
    },
  );
});

/** `Authorization: Bearer <token>`, checked by `lookup`. */
export function bearerIdentifier(lookup: (token: string) => Promise<Actor | null>): Identifier {
  return async (request) => {
    const header = request.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1])
      return failed('unauthenticated', 'Send the API token as "Authorization: Bearer <token>".');
    const actor = await lookup(match[1]);
    return actor
      ? passed(actor)
      : failed('unauthenticated', 'The API token is not valid or has been revoked.');
  };
}
