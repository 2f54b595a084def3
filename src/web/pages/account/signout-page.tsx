import type { FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../../deps.ts';
import { endSession } from '../../plugins/session.ts';
import { CsrfField, SubmitButton } from '../components/form-parts.tsx';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, formLimit } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

/** `/signout`: a button that ends the session on this browser (a form, so no link can sign anyone out). */
export function signoutPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    app.get('/signout', { schema: { hide: true } }, async (request, reply) => {
      const user = await pageUser(request);
      return sendPage(
        reply,
        <Layout title="Sign out" user={user} {...formAssets()}>
          <div class="prose">
            <h1>Sign out</h1>
            {user ? (
              <form method="post" action="/signout" class="form">
                <CsrfField token={reply.csrfToken()} />
                <p>You are signed in as {user.name}.</p>
                <SubmitButton>Sign out</SubmitButton>
              </form>
            ) : (
              <p>
                You are not signed in. <a href="/signin">Sign in</a>
              </p>
            )}
          </div>
        </Layout>,
      );
    });

    app.post('/signout', { schema: { hide: true }, config: formLimit(deps) }, async (request, reply) => {
      await endSession(deps, request, reply);
      return reply.redirect('/', 303);
    });
  };
}
