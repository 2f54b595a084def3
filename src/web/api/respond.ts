import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Outcome } from '../../app/execute.ts';
import type { Who } from '../../app/runtime.ts';
import { refusal, unknownEvent } from '../../core/errors.ts';
import { isPublic } from '../../core/model/event.ts';
import type { EventState } from '../../core/model/event-state.ts';
import { isOrganizer } from '../../core/permissions.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusal } from '../plugins/errors.ts';

/**
 * The event named in the path, or a 404 already sent. A draft reads as missing to everyone but
 * organisers (by session or token), who preview it like a published event.
 */
export async function eventOr404(
  deps: WebDeps,
  reply: FastifyReply,
  ref: string,
): Promise<EventState | null> {
  const state = await deps.runtime.models.get(ref);
  if (state && (isPublic(state.event) || (await viewerIsOrganizer(reply.request)))) return state;
  sendRefusal(reply, unknownEvent(ref));
  return null;
}

/** Whether whoever sent the request (session or token) is an organiser; a bad credential is not. */
export async function viewerIsOrganizer(request: FastifyRequest): Promise<boolean> {
  const identity = await request.identify();
  return identity.ok && isOrganizer(identity.value);
}

/** Who sent an API write (`source: api`), or a 401 already sent for a bad token. */
export async function whoOr401(request: FastifyRequest, reply: FastifyReply): Promise<Who | null> {
  const identity = await request.identify();
  if (!identity.ok) {
    sendRefusal(reply, identity.refusal);
    return null;
  }
  return { actor: identity.value, source: 'api' };
}

/** The signed-in person's user id, or a 401 already sent (a bad token, or a caller who is no person). */
export async function userIdOr401(request: FastifyRequest, reply: FastifyReply): Promise<string | null> {
  const who = await whoOr401(request, reply);
  if (who && !who.actor?.userId) sendRefusal(reply, refusal('unauthenticated'));
  return who?.actor?.userId ?? null;
}

/** Sends a write's result: the refusal, or `body(outcome)` with `status`. */
export function sendOutcome(
  reply: FastifyReply,
  outcome: Outcome,
  status: number,
  body: (done: Extract<Outcome, { ok: true }>) => unknown = (done) => ({ reply: done.reply }),
): FastifyReply {
  if (!outcome.ok) return sendRefusal(reply, outcome.refusal);
  return reply.status(status).send(body(outcome));
}

/**
 * An API write: identify the caller, run the operation, send its outcome. Routes only say which
 * operation, with what input, and how to present success (which may need a read, so may be async).
 */
export async function runWrite(
  request: FastifyRequest,
  reply: FastifyReply,
  perform: (who: Who) => Promise<Outcome>,
  options: {
    status?: number;
    present?: (done: Extract<Outcome, { ok: true }>) => unknown;
  } = {},
): Promise<FastifyReply> {
  const who = await whoOr401(request, reply);
  if (!who) return reply;
  const outcome = await perform(who);
  if (!outcome.ok || !options.present) return sendOutcome(reply, outcome, options.status ?? 200);
  return reply.status(options.status ?? 200).send(await options.present(outcome));
}
