import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventState } from '../../core/model/event-state.ts';
import { canSeeEvent } from '../../core/permissions.ts';
import type { WebDeps } from '../deps.ts';
import type { PageUser } from './layout.tsx';
import { sendNotFound } from './not-found-page.tsx';

/**
 * Who is looking at a page, for the header: whoever the identifiers recognise (a session, a token);
 * anonymous when nobody is signed in or the credential is not valid, since reading is public.
 */
export async function pageUser(request: FastifyRequest): Promise<PageUser | null> {
  const identity = await request.identify();
  if (!identity.ok || !identity.value) return null;
  return { name: identity.value.name, isOrganizer: identity.value.isOrganizer };
}

/** The signed-in person's own time zone, from their profile; null for anyone else or when unset. */
export async function personZone(deps: WebDeps, request: FastifyRequest): Promise<string | null> {
  const identity = await request.identify();
  const userId = identity.ok ? identity.value?.userId : null;
  if (!userId) return null;
  return (await deps.runtime.store.findUser(userId))?.timeZone ?? null;
}

/**
 * The event named in a page's path, or the "not found" page already sent. A draft is found only by
 * organisers (its pages then carry the draft banner); to anyone else it is exactly an unknown event.
 */
export async function eventOrNotFound(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  ref: string,
): Promise<EventState | null> {
  const state = await deps.runtime.models.get(ref);
  const user = await pageUser(request);
  if (state && canSeeEvent(user, state.event)) return state;
  sendNotFound(reply, user, `There is no event called “${ref.slice(0, 60)}”.`);
  return null;
}
