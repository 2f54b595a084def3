import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { peekLink, sendSignInLink, signInWithLink } from '../../../app/sign-in.ts';
import type { Refusal } from '../../../core/errors.ts';
import { safeReturnPath, signInLinkMinutes } from '../../../core/people/sign-in-policy.ts';
import type { WebDeps } from '../../deps.ts';
import { keepPendingOidc, startSession, takePendingOidc } from '../../plugins/session.ts';
import { CsrfField, ErrorSummary, Notice, SubmitButton, TextField } from '../components/form-parts.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { sendNotFound } from '../not-found-page.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, formStatus, mailingFor, signInLimit } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

type Query = { Querystring: { next?: string; token?: string } };

/**
 * `/signin`: sign in with an e-mailed one-time link (any address; the account is made on first use),
 * or with the configured OpenID Connect provider. The link opens a page with one button, so a mail
 * scanner that follows links cannot use it up.
 */
export function signinPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const mailing = mailingFor(deps, app.log);

    app.get<Query>('/signin', { schema: { hide: true } }, async (request, reply) =>
      signInForm(deps, request, reply, { email: '', next: safeReturnPath(request.query.next) }),
    );

    app.post('/signin', { schema: { hide: true }, config: signInLimit(deps) }, async (request, reply) => {
      const form = new FormBody(request.body);
      const next = safeReturnPath(form.text('next'));
      const sent = await sendSignInLink(deps.runtime, mailing, { email: form.text('email'), next });
      if (!sent.ok)
        return signInForm(deps, request, reply, { email: form.text('email'), next, refusal: sent.refusal });
      return sendPage(
        reply,
        <Layout title="Check your inbox" user={await pageUser(request)} {...formAssets()}>
          <div class="prose">
            <h1>Check your inbox</h1>
            <p>
              We sent a sign-in link to <strong>{sent.value.email}</strong>. It works once, for{' '}
              {signInLinkMinutes} minutes.
            </p>
            {mailing.mailer.delivers ? null : (
              <Notice log>
                No mail server is configured here, so the e-mail was written to the server log instead:
                whoever runs this server can find the link there.
              </Notice>
            )}
            <p>
              <a href={`/signin?next=${encodeURIComponent(next)}`}>Use another address</a>
            </p>
          </div>
        </Layout>,
      );
    });

    app.get<Query>('/signin/link', { schema: { hide: true } }, async (request, reply) => {
      const token = request.query.token ?? '';
      const link = await peekLink(deps.runtime, token);
      if (link?.purpose !== 'sign-in') return sendRefusalPage(reply, request, invalidLink());
      return sendPage(
        reply,
        <Layout title="Sign in" user={await pageUser(request)} {...formAssets()}>
          <div class="prose">
            <h1>Sign in</h1>
            <form method="post" action="/signin/link" class="form">
              <CsrfField token={reply.csrfToken()} />
              <input type="hidden" name="token" value={token} />
              <p>
                Sign in to Convene as <strong>{link.email}</strong>.
              </p>
              <SubmitButton>Sign in</SubmitButton>
            </form>
          </div>
        </Layout>,
      );
    });

    app.post(
      '/signin/link',
      { schema: { hide: true }, config: signInLimit(deps) },
      async (request, reply) => {
        const signedIn = await signInWithLink(deps.runtime, new FormBody(request.body).text('token'));
        if (!signedIn.ok) return sendRefusalPage(reply, request, invalidLink());
        await startSession(deps, reply, signedIn.value.user.id, 'email');
        return reply.redirect(signedIn.value.next, 303);
      },
    );

    app.get<Query>(
      '/signin/oidc',
      { schema: { hide: true }, config: signInLimit(deps) },
      async (request, reply) => {
        if (!deps.oidc)
          return sendNotFound(reply, await pageUser(request), 'Sign-in with a provider is not set up here.');
        const { url, pending } = await deps.oidc.start(request.query.next);
        keepPendingOidc(deps, reply, pending);
        return reply.redirect(url, 302);
      },
    );

    app.get(
      '/signin/oidc/callback',
      { schema: { hide: true }, config: signInLimit(deps) },
      async (request, reply) => {
        if (!deps.oidc)
          return sendNotFound(reply, await pageUser(request), 'Sign-in with a provider is not set up here.');
        const pending = takePendingOidc(deps, request, reply);
        if (!pending)
          return sendRefusalPage(
            reply,
            request,
            invalidLink('The sign-in took too long or began in another browser; start again.'),
          );
        const signedIn = await deps.oidc.finish(
          deps.runtime,
          new URL(request.url, `${deps.baseUrl}/`),
          pending,
        );
        if (!signedIn.ok) return sendRefusalPage(reply, request, signedIn.refusal);
        await startSession(deps, reply, signedIn.value.user.id, 'oidc');
        return reply.redirect(signedIn.value.next, 303);
      },
    );
  };
}

async function signInForm(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  form: { email: string; next: string; refusal?: Refusal },
) {
  const user = await pageUser(request);
  return sendPage(
    reply,
    <Layout title="Sign in" user={user} {...formAssets()}>
      <div class="prose">
        <h1>Sign in</h1>
        {user ? (
          <p>
            You are signed in as {user.name}. <a href="/me">Your account</a> · <a href="/signout">Sign out</a>
          </p>
        ) : null}
        {deps.oidc ? (
          <p>
            <a class="button" href={`/signin/oidc?next=${encodeURIComponent(form.next)}`}>
              Sign in with {deps.oidc.settings.name}
            </a>
          </p>
        ) : null}
        <form method="post" action="/signin" class="form">
          <ErrorSummary refusal={form.refusal} />
          <CsrfField token={reply.csrfToken()} />
          <input type="hidden" name="next" value={form.next} />
          <TextField
            label="E-mail address"
            name="email"
            type="email"
            value={form.email}
            autocomplete="email"
            required
            hint="We send you a link that signs you in; an account is made the first time."
          />
          <SubmitButton>E-mail me a sign-in link</SubmitButton>
        </form>
      </div>
    </Layout>,
    formStatus(form.refusal),
  );
}

function invalidLink(message?: string): Refusal {
  return {
    code: 'invalid_link',
    message:
      message ??
      'This sign-in link was already used, has expired, or was copied incompletely. Ask for a new one.',
  };
}
