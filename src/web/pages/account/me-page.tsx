import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { deleteAccount, exportAccount, setFindPeople, updateAccount } from '../../../app/account.ts';
import { acceptNickClaim, declineNickClaim, pendingNickClaims } from '../../../app/nick-claims.ts';
import { createOwnToken, listOwnTokens, revokeOwnToken } from '../../../app/own-tokens.ts';
import { personalCalendarUrl, rotateCalendarSecret } from '../../../app/personal-calendar.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { Actor } from '../../../core/model/actor.ts';
import { attendeeRoleLabels } from '../../../core/model/registration.ts';
import type { WebDeps } from '../../deps.ts';
import { endSession } from '../../plugins/session.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  InlineAction,
  Notice,
  SubmitButton,
  TextField,
  TimeZoneSelect,
} from '../components/form-parts.tsx';
import { TimeText } from '../components/time-text.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, formLimit, formStatus, pageWho, signedInOrRedirect } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { viewerZone } from '../time-zone.ts';
import { ModeratedTeams } from './moderated-teams.tsx';
import { AlertsSection, myAlerts } from './my-alerts.tsx';
import { NickClaims } from './nick-claims.tsx';

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<string, string>([
  ['profile', 'Your details are saved.'],
  ['nick', 'The nick is yours now: the chat bot knows it is you.'],
  ['nick-declined', 'The nick is declined: it stays off your account.'],
  ['listed', 'Your choice about “find people” is saved.'],
  ['subscription', 'Your topic subscription is saved.'],
  ['alerts', 'Your choices about alerts are saved.'],
  ['revoked', 'The token is revoked: it no longer works.'],
  ['calendar', 'Your calendar has a new address; the old one no longer works.'],
]);

/** What the page shows besides the account: a refusal or a token just made, in their own section. */
interface AccountView {
  readonly form?: Form;
  readonly refusal?: Refusal;
  readonly done?: string | undefined;
  readonly tokenRefusal?: Refusal;
  readonly claimRefusal?: Refusal;
  readonly newToken?: { readonly label: string; readonly token: string };
}

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

    for (const [action, decide, notice] of [
      ['accept', acceptNickClaim, 'nick'],
      ['decline', declineNickClaim, 'nick-declined'],
    ] as const)
      app.post(
        `/me/nick-claims/${action}`,
        { schema: { hide: true }, config: formLimit(deps) },
        async (request, reply) => {
          const actor = await signedInOrRedirect(request, reply);
          if (!actor) return reply;
          const claim = new FormBody(request.body).text('claim');
          const decided = await decide(deps.runtime, await pageWho(request), claim);
          if (!decided.ok) return accountPage(deps, request, reply, actor, { claimRefusal: decided.refusal });
          return reply.redirect(`/me?done=${notice}`, 303);
        },
      );

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

    app.post('/me/tokens', { schema: { hide: true }, config: formLimit(deps) }, async (request, reply) => {
      const actor = await signedInOrRedirect(request, reply);
      if (!actor) return reply;
      const made = await createOwnToken(
        deps.runtime,
        await pageWho(request),
        new FormBody(request.body).text('label'),
      );
      if (!made.ok) return accountPage(deps, request, reply, actor, { tokenRefusal: made.refusal });
      // The secret is shown once, on this answer; it never goes into an address or a redirect.
      return accountPage(deps, request, reply, actor, { newToken: made.value });
    });

    app.post(
      '/me/tokens/revoke',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const actor = await signedInOrRedirect(request, reply);
        if (!actor) return reply;
        const revoked = await revokeOwnToken(
          deps.runtime,
          await pageWho(request),
          new FormBody(request.body).text('token'),
        );
        if (!revoked.ok) return accountPage(deps, request, reply, actor, { tokenRefusal: revoked.refusal });
        return reply.redirect('/me?done=revoked', 303);
      },
    );

    app.post('/me/calendar', { schema: { hide: true }, config: formLimit(deps) }, async (request, reply) => {
      const actor = await signedInOrRedirect(request, reply);
      if (!actor?.userId) return reply;
      await rotateCalendarSecret(deps.runtime, actor.userId);
      return reply.redirect('/me?done=calendar', 303);
    });

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
  view: AccountView,
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
  const who = { actor, source: 'web' } as const;
  const tokens = await listOwnTokens(deps.runtime, who);
  const secret = actor.userId ? await deps.runtime.store.feedSecretOf(actor.userId) : null;
  const zone = viewerZone(request, reply, account.time_zone ?? 'UTC');
  const csrf = reply.csrfToken();
  const alerts = await myAlerts(deps.runtime, actor.userId as string);
  const claims = await pendingNickClaims(deps.runtime, actor.userId as string);
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
      <NickClaims claims={claims} csrf={csrf} refusal={view.claimRefusal} />
      <ModeratedTeams events={data.events} />
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
      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Your calendar</h2>
        <p>
          The meetings of the teams you follow, in every event, as one calendar to add to your calendar app.
          Anyone who has the address can read it, so keep it to yourself.
        </p>
        {secret ? (
          <p>
            <code id="calendar-url">{personalCalendarUrl(deps.baseUrl, secret)}</code>
          </p>
        ) : (
          <p>Your calendar has no address yet.</p>
        )}
        <form method="post" action="/me/calendar" class="form">
          <CsrfField token={csrf} />
          <SubmitButton quiet>
            {secret ? 'Make a new address (the old one stops working)' : 'Make an address'}
          </SubmitButton>
        </form>
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p>
          Scripts use a token to act as you through the JSON API, sending it as{' '}
          <code>Authorization: Bearer …</code>. Revoke a token you no longer use.
        </p>
        <ErrorSummary refusal={view.tokenRefusal} />
        {view.newToken ? (
          <Notice>
            Your new token “{view.newToken.label}” is <code id="new-token">{view.newToken.token}</code>. Copy
            it now: it is shown only this once.
          </Notice>
        ) : null}
        {tokens.ok && tokens.value.length > 0 ? (
          <table class="data-table" id="tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Made</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="visually-hidden">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.value.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.label}</th>
                  <td>
                    <TimeText at={token.createdAt} zone={zone} withDay />
                  </td>
                  <td>
                    {token.lastUsedAt ? <TimeText at={token.lastUsedAt} zone={zone} withDay /> : 'never'}
                  </td>
                  <td>
                    {token.revokedAt ? (
                      <>
                        revoked <TimeText at={token.revokedAt} zone={zone} withDay />
                      </>
                    ) : (
                      <InlineAction action="/me/tokens/revoke" csrf={csrf} name="token" value={token.id}>
                        Revoke {token.label}
                      </InlineAction>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>You have no tokens.</p>
        )}
        <form method="post" action="/me/tokens" class="form">
          <CsrfField token={csrf} />
          <TextField
            label="Name of a new token"
            name="label"
            required
            maxLength={80}
            hint="Say what will use it, e.g. “my booking script”."
          />
          <SubmitButton quiet>Make a token</SubmitButton>
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
    {
      ...formStatus(view.refusal ?? view.tokenRefusal ?? view.claimRefusal),
      secret: view.newToken !== undefined,
    },
  );
}
