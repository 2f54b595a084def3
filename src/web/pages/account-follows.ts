import type { FastifyReply, FastifyRequest } from 'fastify';
import { followedInEvent } from '../../app/follows.ts';
import type { EventState } from '../../core/model/event-state.ts';
import type { WebDeps } from '../deps.ts';
import type { AccountFollows } from './components/live-page.tsx';
import { pageWho } from './people-context.ts';

/** A signed-in viewer's follows in the event, for their Follow buttons; null for anyone else. */
export async function accountFollows(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
): Promise<AccountFollows | null> {
  const { actor } = await pageWho(request);
  if (!actor?.userId) return null;
  return {
    eventSlug: state.event.slug,
    following: await followedInEvent(deps.runtime, actor.userId, state.teams),
    csrf: reply.csrfToken(),
    back: request.url,
  };
}
