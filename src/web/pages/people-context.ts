import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Mailing } from '../../app/mailing.ts';
import { defaultMailPerRecipient, RecipientLimit } from '../../app/recipient-limit.ts';
import type { Who } from '../../app/runtime.ts';
import { type Refusal, refusal } from '../../core/errors.ts';
import type { Actor } from '../../core/model/actor.ts';
import type { EventInfo } from '../../core/model/event.ts';
import type { EventState } from '../../core/model/event-state.ts';
import { checkOrganizer } from '../../core/permissions.ts';
import { logMailer } from '../../mail/log-mailer.ts';
import type { WebDeps } from '../deps.ts';
import { httpStatusOf } from '../http-status.ts';
import { assetUrl } from '../plugins/assets.ts';
import { eventOrNotFound } from './page-context.ts';
import { sendRefusalPage } from './refusal-page.tsx';

/** The style sheet and the (optional) script of pages with forms, for `Layout`. */
export function formAssets(): { stylesheets: string[]; scripts: string[] } {
  return { stylesheets: [assetUrl('forms.css')], scripts: ['forms.js'] };
}

/** Who is acting through a page: the signed-in person (or null), from the web. */
export async function pageWho(request: FastifyRequest): Promise<Who> {
  const identity = await request.identify();
  return { actor: identity.ok ? identity.value : null, source: 'web' };
}

/** The signed-in person, or a redirect to the sign-in page (coming back here) already sent. */
export async function signedInOrRedirect(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor | null> {
  const { actor } = await pageWho(request);
  if (actor) return actor;
  const back = request.method === 'GET' ? request.url : (request.headers.referer ?? '/');
  reply.redirect(`/signin?next=${encodeURIComponent(pathOf(back))}`, 303);
  return null;
}

/** An organiser, or the sign-in redirect (anonymous) or a "not allowed" page (anyone else) already sent. */
export async function organizerOrRefuse(
  request: FastifyRequest,
  reply: FastifyReply,
  event?: Pick<EventInfo, 'slug' | 'title'> | null,
): Promise<Actor | null> {
  const actor = await signedInOrRedirect(request, reply);
  if (!actor) return null;
  const denied = checkOrganizer(actor);
  if (!denied) return actor;
  await sendRefusalPage(reply, request, refusal('forbidden', 'Only organisers can open this page.'), event);
  return null;
}

/** Each site's count of e-mails per recipient, kept for as long as the site runs. */
const recipientLimits = new WeakMap<WebDeps, RecipientLimit>();

/**
 * How pages send e-mail: the configured mailer, or the server log, with the site's limit of
 * e-mails per recipient (`RATE_LIMIT_MAIL`).
 */
export function mailingFor(deps: WebDeps, log: FastifyBaseLogger): Mailing {
  let recipientLimit = recipientLimits.get(deps);
  if (!recipientLimit) {
    recipientLimit = new RecipientLimit(deps.rateLimits?.mail ?? defaultMailPerRecipient, deps.runtime.clock);
    recipientLimits.set(deps, recipientLimit);
  }
  return {
    mailer: deps.mailer ?? logMailer((text) => log.info(text)),
    baseUrl: deps.baseUrl,
    onMailError: (error, to) => log.error({ err: error, to }, 'e-mail not sent'),
    recipientLimit,
  };
}

/** Rate limits for route options: each form, and the sign-in forms (stricter). */
export function formLimit(deps: WebDeps) {
  return { rateLimit: { max: deps.rateLimits?.forms ?? 30, timeWindow: 60_000 } };
}

export function signInLimit(deps: WebDeps) {
  return { rateLimit: { max: deps.rateLimits?.signIn ?? 5, timeWindow: 60_000 } };
}

/** The status of a form page: 200, or the refusal's when the form is shown again with it. */
export function formStatus(found: Refusal | null | undefined): { status: number } {
  return { status: found ? httpStatusOf[found.code] : 200 };
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url, 'http://x');
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '/';
  }
}

/** The event in the path, once the viewer is an organiser; otherwise the answer is sent. */
export async function organisersEvent(
  deps: WebDeps,
  request: FastifyRequest<{ Params: { event: string } }>,
  reply: FastifyReply,
) {
  const state = await eventOrNotFound(deps, request, reply, request.params.event);
  if (!state) return null;
  return (await organizerOrRefuse(request, reply, state.event)) ? state : null;
}

/** The published event in the path and the signed-in person; otherwise a 404 page or the sign-in redirect is sent. */
export async function eventForSignedIn(
  deps: WebDeps,
  request: FastifyRequest<{ Params: { event: string } }>,
  reply: FastifyReply,
): Promise<{ state: EventState; actor: Actor } | null> {
  const state = await eventOrNotFound(deps, request, reply, request.params.event);
  if (!state) return null;
  const actor = await signedInOrRedirect(request, reply);
  return actor ? { state, actor } : null;
}
