import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { becomeFirstOrganizer, peekLink } from '../../../app/sign-in.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { WebDeps } from '../../deps.ts';
import { startSession } from '../../plugins/session.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField } from '../components/form-parts.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, formStatus, signInLimit } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

/**
 * `/signin/first-organizer?token=…`: the one-time link a fresh install prints. Whoever opens it gives
 * their e-mail address and name and becomes the first organiser, signed in.
 */
export function firstOrganizerPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    app.get<{ Querystring: { token?: string } }>(
      '/signin/first-organizer',
      { schema: { hide: true } },
      async (request, reply) => {
        const token = request.query.token ?? '';
        if (!(await usable(deps, token))) return refuseLink(request, reply);
        return form(request, reply, { token, email: '', name: '' });
      },
    );

    app.post(
      '/signin/first-organizer',
      { schema: { hide: true }, config: signInLimit(deps) },
      async (request, reply) => {
        const body = new FormBody(request.body);
        const input = { token: body.text('token'), email: body.text('email'), name: body.text('name') };
        const user = await becomeFirstOrganizer(deps.runtime, input.token, input);
        if (!user.ok)
          return user.refusal.code === 'invalid_link'
            ? refuseLink(request, reply)
            : form(request, reply, { ...input, refusal: user.refusal });
        await startSession(deps, reply, user.value.id, 'first-organizer');
        return reply.redirect('/organise', 303);
      },
    );
  };
}

/** Whether the GET may show the form; the POST relies on `becomeFirstOrganizer`, which checks the same. */
async function usable(deps: WebDeps, token: string): Promise<boolean> {
  const link = await peekLink(deps.runtime, token);
  return link?.purpose === 'first-organizer' && !(await deps.runtime.store.people.hasOrganizer());
}

function refuseLink(request: FastifyRequest, reply: FastifyReply) {
  return sendRefusalPage(reply, request, {
    code: 'invalid_link',
    message:
      'This set-up link was already used or has expired, or this installation already has an organiser.',
  });
}

async function form(
  request: FastifyRequest,
  reply: FastifyReply,
  values: { token: string; email: string; name: string; refusal?: Refusal },
) {
  return sendPage(
    reply,
    <Layout title="Become the first organiser" user={await pageUser(request)} {...formAssets()}>
      <div class="prose">
        <h1>Become the first organiser</h1>
        <p>
          This link was printed when Convene started without any organiser. Give your address and name: you
          become an organiser and are signed in. Later organisers are added with{' '}
          <code>convene user add EMAIL --organizer</code>.
        </p>
        <form method="post" action="/signin/first-organizer" class="form">
          <ErrorSummary refusal={values.refusal} />
          <CsrfField token={reply.csrfToken()} />
          <input type="hidden" name="token" value={values.token} />
          <TextField
            label="E-mail address"
            name="email"
            type="email"
            value={values.email}
            autocomplete="email"
            required
          />
          <TextField
            label="Name"
            name="name"
            value={values.name}
            autocomplete="name"
            required
            maxLength={120}
          />
          <SubmitButton>Become an organiser</SubmitButton>
        </form>
      </div>
    </Layout>,
    formStatus(values.refusal),
  );
}
