import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { deleteAccount, exportAccount, setFindPeople, updateAccount } from '../../../app/account.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { Actor } from '../../../core/model/actor.ts';
import { attendeeRoleLabels } from '../../../core/model/registration.ts';
import type { WebDeps } from '../../deps.ts';
import { endSession } from '../../plugins/session.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Notice,
  SubmitButton,
  TextField,
  TimeZoneSelect,
} from '../components/form-parts.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, formLimit, formStatus, pageWho, signedInOrRedirect } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { AlertsSection, myAlerts } from './my-alerts.tsx';

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<string, string>([
  ['profile', 'Your details are saved.'],
  ['listed', 'Your choice about “find people” is saved.'],
  ['subscription', 'Your topic subscription is saved.'],
  ['alerts', 'Your choices about alerts are saved.'],
]);

type Form = { name: string; ircNick: string; timeZone: string };

/**
 * `/me`: everything Convene keeps about the signed-in person, to see, correct, download
 * (`/me/export.json`) and delete. Linking an IRC nick here is what lets the chat bot know them.
 */
export function mePage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    app.get<{ Querystring: { done?: string } }>('/me', { schema: { hide: true } }, async (request, reply) => {
      const actor = await signedInOrRedirect(request, reply);
      if (!actor) return reply;
      return accountPage(deps, request, reply, actor, { done: done.get(request.query.done ?? '') });
    });

    app.post('/me/profile', { schema: { hide: true }, config: formLimit(deps) }, async (request, reply) => {
      const actor = await signedInOrRedirect(request, reply);
      if (!actor) return reply;
      const body = new FormBody(request.body);
      const form = {
        name: body.text('name'),
        ircNick: body.text('irc_nick'),
        timeZone: body.text('time_zone'),
      };
      const saved = await updateAccount(deps.runtime, await pageWho(request), form);
      if (!saved.ok) return accountPage(deps, request, reply, actor, { form, refusal: saved.refusal });
      return reply.redirect('/me?done=profile', 303);
    });

    app.post(
      '/me/find-people',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const actor = await signedInOrRedirect(request, reply);
        if (!actor) return reply;
        const saved = await setFindPeople(
          deps.runtime,
          await pageWho(request),
          new FormBody(request.body).checked('listed'),
        );
        if (!saved.ok) return sendRefusalPage(reply, request, saved.refusal);
        return reply.redirect('/me?done=listed', 303);
      },
    );

    app.get('/me/export.json', { schema: { hide: true } }, async (request, reply) => {
      const actor = await signedInOrRedirect(request, reply);
      if (!actor) return reply;
      const data = await exportAccount(deps.runtime, await pageWho(request));
      if (!data.ok) return sendRefusalPage(reply, request, data.refusal);
      return reply
        .header('content-disposition', 'attachment; filename="convene-my-data.json"')
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data.value, null, 2));
    });

    app.post('/me/delete', { schema: { hide: true }, config: formLimit(deps) }, async (request, reply) => {
      const actor = await signedInOrRedirect(request, reply);
      if (!actor) return reply;
      if (new FormBody(request.body).text('confirm') !== 'delete')
        return accountPage(deps, request, reply, actor, {
          refusal: {
            code: 'invalid_input',
            message: 'Type “delete” in the box to confirm that the account should go.',
          },
        });
      const deleted = await deleteAccount(deps.runtime, await pageWho(request));
      if (!deleted.ok) return sendRefusalPage(reply, request, deleted.refusal);
      await endSession(deps, request, reply);
      return sendPage(
        reply,
        <Layout title="Account deleted" user={null}>
          <div class="prose">
            <h1>Your account is deleted</h1>
            <p>
              Everything Convene kept about {deleted.value.email} is gone. The event history keeps the changes
              you made, under “a deleted account”.
            </p>
          </div>
        </Layout>,
      );
    });
  };
}

async function accountPage(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  view: { form?: Form; refusal?: Refusal; done?: string | undefined },
) {
  const exported = await exportAccount(deps.runtime, { actor, source: 'web' });
  if (!exported.ok)
    return sendRefusalPage(reply, request, { code: 'unauthenticated', message: 'Sign in again.' });
  const data = exported.value;
  const account = data.account;
  const form = view.form ?? {
    name: account.name,
    ircNick: account.irc_nick ?? '',
    timeZone: account.time_zone ?? '',
  };
  const csrf = reply.csrfToken();
  const alerts = await myAlerts(deps.runtime, actor.userId as string);
  return sendPage(
    reply,
    <Layout title="Your account" user={await pageUser(request)} {...formAssets()}>
      <div class="prose">
        <h1>Your account</h1>
        {view.done ? <Notice>{view.done}</Notice> : null}
        <p>
          Signed in as <strong>{account.email}</strong>
          {account.organizer ? ', an organiser' : ''}.
        </p>
      </div>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Your details</h2>
        <form method="post" action="/me/profile" class="form">
          <ErrorSummary refusal={view.refusal} />
          <CsrfField token={csrf} />
          <TextField
            label="Name"
            name="name"
            value={form.name}
            required
            maxLength={120}
            autocomplete="name"
          />
          <TextField
            label="IRC nick"
            name="irc_nick"
            value={form.ircNick}
            maxLength={30}
            hint="Link your IRC nick to your account: the chat bot then knows that what this nick says comes from you."
          />
          <TimeZoneSelect value={form.timeZone} />
          <SubmitButton>Save my details</SubmitButton>
        </form>
      </section>
      <AlertsSection alerts={alerts} csrf={csrf} />
      <section aria-labelledby="find-heading">
        <h2 id="find-heading">Find people</h2>
        <form method="post" action="/me/find-people" class="form">
          <CsrfField token={csrf} />
          <Checkbox
            name="listed"
            checked={account.listed_in_find_people}
            label="List me in “find people”, with where I am during the event."
          />
          <SubmitButton quiet>Save this choice</SubmitButton>
        </form>
      </section>
      <section aria-labelledby="data-heading" class="prose">
        <h2 id="data-heading">What Convene keeps about you</h2>
        {data.events.length === 0 ? (
          <p>You have not registered for an event or followed a team yet.</p>
        ) : null}
        <ul>
          {data.events.map((entry) => (
            <li key={entry.event}>
              <a href={`/events/${encodeURIComponent(entry.event)}`}>{entry.event}</a>:{' '}
              {[
                entry.registration ? `registered as ${attendeeRoleLabels[entry.registration.role]}` : null,
                entry.following.length ? `following ${entry.following.join(', ')}` : null,
                entry.moderating.length ? `moderating ${entry.moderating.join(', ')}` : null,
                entry.signed_up.length ? `signed up ${entry.signed_up.join(', ')}` : null,
              ]
                .filter(Boolean)
                .join('; ')}
            </li>
          ))}
        </ul>
        <p>Newsletter: {data.newsletter ? data.newsletter.status : 'not subscribed'}.</p>
        <p>
          <a class="button button--quiet" href="/me/export.json">
            Download all of it (JSON)
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete your account</h2>
        <form method="post" action="/me/delete" class="form">
          <CsrfField token={csrf} />
          <p>
            This removes you from every team, registration and list, and cannot be undone. The event history
            keeps the changes you made without your name.
          </p>
          <TextField label="Type “delete” to confirm" name="confirm" />
          <SubmitButton>Delete my account</SubmitButton>
        </form>
      </section>
    </Layout>,
    formStatus(view.refusal),
  );
}
