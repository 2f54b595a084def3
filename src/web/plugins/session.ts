import { createHmac, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { PendingOidc } from '../../app/oidc.ts';
import { randomToken } from '../../app/secret-token.ts';
import { actorForSession, closeSession, openSession, type SessionMethod } from '../../app/sessions.ts';
import { passed } from '../../core/checked.ts';
import { refusal } from '../../core/errors.ts';
import { sessionDays } from '../../core/people/sign-in-policy.ts';
import type { WebDeps } from '../deps.ts';
import { sendRefusalPage } from '../pages/refusal-page.tsx';
import { bodyParsers } from './body-parsers.ts';
import { sendRefusal } from './errors.ts';

/** The session cookie's name over plain http; over https it is `__Host-convene_session`. */
export const sessionCookie = 'convene_session';

/**
 * The cookies' names. Over https they carry the `__Host-` prefix: browsers then accept them only
 * with `Secure`, `Path=/` and no `Domain`, so another host (a sibling subdomain) cannot set or
 * shadow them, for instance to plant a CSRF cookie of its choosing.
 */
function cookieNames(deps: WebDeps) {
  const prefix = deps.baseUrl.startsWith('https:') ? '__Host-' : '';
  return {
    session: `${prefix}${sessionCookie}`,
    csrf: `${prefix}convene_csrf`,
    oidc: `${prefix}convene_oidc`,
  };
}
/** The form field (or `X-CSRF-Token` header) that carries the token. */
export const csrfField = '_csrf';

declare module 'fastify' {
  interface FastifyReply {
    /** the CSRF token to put in a form (or a script's header), setting the cookie it pairs with */
    csrfToken(): string;
  }
}

export interface SessionPluginOptions {
  readonly deps: WebDeps;
  /** signs CSRF tokens and the OpenID Connect cookie */
  readonly secret: string;
}

/**
 * Sessions and forms: HttpOnly, SameSite=Lax cookies (Secure and `__Host-` when the site is served
 * over https), a session identifier so `request.identify()` knows signed-in browsers, form bodies,
 * rate limits that routes opt into, and a CSRF check on every write that a browser could be tricked
 * into: any form post, and any write carrying the session cookie without an API token. Such a write
 * must come from this site (`Sec-Fetch-Site`, `Origin`) and send the token from `reply.csrfToken()`,
 * which is bound to the session (or, before signing in, to a cookie of its own).
 */
export const sessionPlugin = fp(async (app: FastifyInstance, options: SessionPluginOptions) => {
  const { deps, secret } = options;
  const names = cookieNames(deps);
  await app.register(cookie, { secret, hook: 'onRequest' });
  await app.register(bodyParsers);
  await app.register(rateLimit, { global: false });

  app.addIdentifier(async (request) => {
    const value = request.cookies[names.session];
    if (!value) return null;
    const actor = await actorForSession(deps.runtime, value);
    // An expired or signed-out session reads as anonymous: pages stay public.
    return actor ? passed(actor) : null;
  });

  const sign = (bound: string) => createHmac('sha256', secret).update(`csrf:${bound}`).digest('base64url');
  // A signed-in browser's token is derived from its session, so a token (and CSRF cookie) taken from
  // another browser never passes with this session; before signing in, from the CSRF cookie.
  const boundTo = (request: FastifyRequest): string | null => {
    const session = request.cookies[names.session];
    if (session && session.length <= 200) return `session:${session}`;
    const value = request.cookies[names.csrf];
    return value && value.length <= 100 ? `cookie:${value}` : null;
  };
  const issued = new WeakMap<FastifyRequest, string>();
  app.decorateReply('csrfToken', function csrfToken(this: FastifyReply) {
    let bound = issued.get(this.request) ?? boundTo(this.request);
    if (!bound) {
      const value = randomToken();
      this.setCookie(names.csrf, value, cookieOptions(deps, sessionDays * 86_400));
      bound = `cookie:${value}`;
    }
    issued.set(this.request, bound);
    return sign(bound);
  });

  app.addHook('preHandler', (request, reply, done) => {
    if (!needsCsrf(request, names.session)) return done();
    void checkCsrf(request, reply).then(() => done(), done);
  });
  const checkCsrf = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body as Record<string, unknown> | null | undefined;
    const given = body && typeof body === 'object' ? body[csrfField] : undefined;
    const token = typeof given === 'string' ? given : request.headers['x-csrf-token'];
    const bound = boundTo(request);
    if (fromThisSite(request, deps) && typeof token === 'string' && bound && same(token, sign(bound))) return;
    const failed = refusal('csrf_failed');
    if (isForm(request)) return sendRefusalPage(reply, request, failed);
    return sendRefusal(reply, failed);
  };
});

/** Signs a person in on this browser: a new session, and a new CSRF cookie with it. */
export async function startSession(
  deps: WebDeps,
  reply: FastifyReply,
  userId: string,
  method: SessionMethod,
): Promise<void> {
  const { secret } = await openSession(deps.runtime, userId, method);
  const names = cookieNames(deps);
  reply.setCookie(names.session, secret, cookieOptions(deps, sessionDays * 86_400));
  reply.setCookie(names.csrf, randomToken(), cookieOptions(deps, sessionDays * 86_400));
}

/** Signs the browser out: the session ends on the server and its cookie is cleared. */
export async function endSession(deps: WebDeps, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { session } = cookieNames(deps);
  const value = request.cookies[session];
  if (value) await closeSession(deps.runtime, value);
  reply.clearCookie(session, cookieOptions(deps));
}

/** Keeps the OpenID Connect round trip's secrets in a short-lived signed cookie. */
export function keepPendingOidc(deps: WebDeps, reply: FastifyReply, pending: PendingOidc): void {
  reply.setCookie(cookieNames(deps).oidc, JSON.stringify(pending), {
    ...cookieOptions(deps, 600),
    signed: true,
  });
}

/** The OpenID Connect round trip's secrets, once, or null when the cookie is missing or forged. */
export function takePendingOidc(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): PendingOidc | null {
  const { oidc } = cookieNames(deps);
  const raw = request.cookies[oidc];
  reply.clearCookie(oidc, cookieOptions(deps));
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const value = JSON.parse(unsigned.value) as Partial<PendingOidc>;
    const { state, nonce, verifier, next } = value;
    if ([state, nonce, verifier, next].every((part) => typeof part === 'string')) return value as PendingOidc;
  } catch {
    // A cookie that is not JSON was not written by us.
  }
  return null;
}

function cookieOptions(deps: WebDeps, maxAge?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.baseUrl.startsWith('https:'),
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}

function needsCsrf(request: FastifyRequest, session: string): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  // A request with an Authorization header is identified by it alone, never by a cookie, and no
  // other site can make a browser add that header.
  if (request.headers.authorization) return false;
  return isForm(request) || Boolean(request.cookies[session]);
}

/**
 * What the browser says about where a write comes from: `Sec-Fetch-Site` (modern browsers) must be
 * `same-origin` (or `none`, typed by the person), and an `Origin` must be this site, by its public
 * address or by the host the request was sent to. Requests saying neither (older browsers,
 * scripts) rely on the token alone.
 */
function fromThisSite(request: FastifyRequest, deps: WebDeps): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (origin === new URL(deps.baseUrl).origin) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === request.host;
  } catch {
    return false;
  }
}

function isForm(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
