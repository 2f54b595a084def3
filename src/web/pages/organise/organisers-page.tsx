import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { listOrganizers, setOrganizerByEmail } from '../../../app/organizers.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { Actor } from '../../../core/model/actor.ts';
import type { WebDeps } from '../../deps.ts';
import {
  CsrfField,
  ErrorSummary,
  InlineAction,
  Notice,
  SubmitButton,
  TextField,
} from '../components/form-parts.tsx';
import { formActions } from '../form-actions.ts';
import type { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, formStatus, organizerOrRefuse, pageWho } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

/** Notices by `?done=`; a Map, so a key such as `__proto__` finds nothing. */
const done = new Map<string, string>([
  ['add', 'Added: they sign in with that address and find the console at /organise.'],
  ['remove', 'They are no longer an organiser.'],
]);

/** `/organise/organisers`: who the organisers are; organisers add one by address, or remove one. */
export function organisersPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const path = '/organise/organisers';

    app.get<{ Querystring: { done?: string } }>(path, { schema: { hide: true } }, async (request, reply) => {
      const actor = await organizerOrRefuse(request, reply);
      if (!actor) return reply;
      return organisersList(deps, request, reply, actor, { done: done.get(request.query.done ?? '') });
    });

    const write = formActions(app, deps, {
      path,
      load: (request, reply) => organizerOrRefuse(request, reply),
      again: (request, reply, actor, view) => organisersList(deps, request, reply, actor, view),
      back: () => path,
    });
    write('add', async (form, _actor, request) =>
      setOrganizerByEmail(deps.runtime, await pageWho(request), {
        email: form.text('email'),
        organizer: true,
      }),
    );
    write('remove', async (form, _actor, request) =>
      setOrganizerByEmail(deps.runtime, await pageWho(request), {
        email: form.text('email'),
        organizer: false,
      }),
    );
  };
}

async function organisersList(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  view: { done?: string | undefined; refusal?: Refusal; form?: FormBody },
) {
  const organizers = await listOrganizers(deps.runtime, { actor, source: 'web' });
  if (!organizers.ok) return sendRefusalPage(reply, request, organizers.refusal);
  const csrf = reply.csrfToken();
  return sendPage(
    reply,
    <Layout title="Organisers · Organise" user={await pageUser(request)} {...formAssets()}>
      <h1>Organisers</h1>
      <p>
        <a href="/organise">Back to Organise</a>
      </p>
      {view.done ? <Notice>{view.done}</Notice> : null}
      <ErrorSummary refusal={view.refusal} />
      <table class="data-table" id="organisers">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">
              <span class="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {organizers.value.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.name}</th>
              <td>{user.email}</td>
              <td>
                <InlineAction
                  action="/organise/organisers/remove"
                  csrf={csrf}
                  name="email"
                  value={user.email}
                >
                  Remove {user.name}
                </InlineAction>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add an organiser</h2>
        <form method="post" action="/organise/organisers/add" class="form">
          <CsrfField token={csrf} />
          <TextField
            label="E-mail address"
            name="email"
            type="email"
            required
            maxLength={254}
            value={view.form?.text('email') ?? ''}
            hint="Someone new gets an account and signs in with this address."
          />
          <SubmitButton>Make an organiser</SubmitButton>
        </form>
      </section>
    </Layout>,
    formStatus(view.refusal),
  );
}
