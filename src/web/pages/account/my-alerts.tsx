import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { setFollowing } from '../../../app/follows.ts';
import type { Runtime } from '../../../app/runtime.ts';
import { setSubscription, subscribeToTeam } from '../../../app/subscriptions.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { Actor } from '../../../core/model/actor.ts';
import { isPublic } from '../../../core/model/event.ts';
import type { AlertSettings } from '../../../core/people/alert-settings.ts';
import type { WebDeps } from '../../deps.ts';
import { Checkbox, CsrfField, ErrorSummary, SubmitButton, TextField } from '../components/form-parts.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { formAssets, formLimit, formStatus, pageWho, signedInOrRedirect } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

/** What the alerts part of `/me` shows: one subscription per live event, the teams followed, the choices. */
export interface MyAlerts {
  readonly events: readonly {
    readonly slug: string;
    readonly title: string;
    readonly pattern: string | null;
    readonly following: readonly { readonly slug: string; readonly name: string }[];
  }[];
  readonly settings: AlertSettings;
}

/** Reads what `AlertsSection` shows for a person. */
export async function myAlerts(runtime: Runtime, userId: string): Promise<MyAlerts> {
  const followed = new Set(await runtime.store.followedTeamIds(userId));
  const events = [];
  for (const info of await runtime.store.listEvents()) {
    if (!isPublic(info) || info.status === 'archived') continue;
    const state = await runtime.models.get(info.id);
    if (!state) continue;
    events.push({
      slug: info.slug,
      title: info.title,
      pattern: await runtime.store.personal.subscriptionOf(info.id, userId),
      following: state.teams
        .filter((team) => followed.has(team.id))
        .map((team) => ({ slug: team.slug, name: team.name })),
    });
  }
  return { events, settings: await runtime.store.alerts.settingsOf(userId) };
}

/**
 * The person's follows, topic subscriptions and how alerts reach them, as forms; a section of
 * `/me` (and all of `/me/alerts`, where a refused form comes back with its message).
 */
export function AlertsSection(props: {
  alerts: MyAlerts;
  csrf: string;
  refusal?: Refusal | undefined;
  /** the pattern as typed, when the form came back refused */
  typed?: { event: string; pattern: string } | undefined;
}) {
  const { alerts, csrf } = props;
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Teams you follow and topic alerts</h2>
      <ErrorSummary refusal={props.refusal} />
      {alerts.events.length === 0 ? <p>There is no event running or coming up.</p> : null}
      {alerts.events.map((event) => (
        <div key={event.slug} class="prose">
          <h3>{event.title}</h3>
          {event.following.length === 0 ? (
            <p>
              You follow no team yet: use Follow on a{' '}
              <a href={`/events/${encodeURIComponent(event.slug)}/teams`}>team’s page</a> or the live board.
            </p>
          ) : (
            <ul class="follows" aria-label={`Teams you follow at ${event.title}`}>
              {event.following.map((team) => (
                <li key={team.slug}>
                  <a href={`/events/${encodeURIComponent(event.slug)}/teams/${team.slug}`}>{team.name}</a>{' '}
                  <form
                    method="post"
                    action={`/events/${encodeURIComponent(event.slug)}/teams/${team.slug}/follow`}
                    class="inline-form"
                  >
                    <CsrfField token={csrf} />
                    <input type="hidden" name="following" value="" />
                    <input type="hidden" name="back" value="/me#alerts-heading" />
                    <button type="submit" class="button button--quiet">
                      Unfollow<span class="visually-hidden"> {team.name}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action="/me/alerts/subscription" class="form">
            <CsrfField token={csrf} />
            <input type="hidden" name="event" value={event.slug} />
            <TextField
              id={`subscription-${event.slug}`}
              label="Tell me when a topic mentions"
              name="pattern"
              value={props.typed?.event === event.slug ? props.typed.pattern : (event.pattern ?? '')}
              maxLength={300}
              hint={
                'Words, "quoted phrases" and #teams (any of them), or a regular expression between slashes. Empty: no alerts. The chat bot’s subscribe changes the same subscription.'
              }
            />
            <SubmitButton quiet>Save the subscription</SubmitButton>
          </form>
        </div>
      ))}
      <form method="post" action="/me/alerts/settings" class="form">
        <CsrfField token={csrf} />
        <p>
          Alerts show on any page of the event you have open while signed in.{' '}
          <button type="button" class="button button--quiet" data-notification-permission hidden>
            Also show them as browser notifications
          </button>
        </p>
        <Checkbox
          name="topic_mail"
          checked={alerts.settings.topicMail}
          label="Also e-mail me topic alerts (at most one e-mail every five minutes)."
        />
        <Checkbox
          name="reminders"
          checked={alerts.settings.reminders}
          label="Remind me on the page when a team I follow starts in ten minutes."
        />
        <Checkbox
          name="reminder_mail"
          checked={alerts.settings.reminderMail}
          label="Also e-mail me those reminders."
        />
        <SubmitButton quiet>Save these choices</SubmitButton>
      </form>
    </section>
  );
}

/**
 * The forms of the alerts section and of Follow buttons for signed-in people: `/me/alerts`,
 * `POST /me/alerts/subscription`, `POST /me/alerts/settings`, and
 * `POST /events/{event}/teams/{team}/follow` and `…/alert` (from a team's page or the board).
 */
export function myAlertsPages(deps: WebDeps): FastifyPluginAsync {
  const { runtime } = deps;
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    view: { refusal?: Refusal; typed?: { event: string; pattern: string } } = {},
  ) =>
    sendPage(
      reply,
      <Layout title="Your alerts" user={await pageUser(request)} {...formAssets()}>
        <p>
          <a href="/me">Your account</a>
        </p>
        <AlertsSection
          alerts={await myAlerts(runtime, actor.userId as string)}
          csrf={reply.csrfToken()}
          refusal={view.refusal}
          typed={view.typed}
        />
      </Layout>,
      formStatus(view.refusal),
    );
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const options = { schema: { hide: true }, config: formLimit(deps) };

    app.get('/me/alerts', { schema: { hide: true } }, async (request, reply) => {
      const actor = await signedInOrRedirect(request, reply);
      return actor ? page(request, reply, actor) : reply;
    });

    app.post('/me/alerts/subscription', options, async (request, reply) => {
      const actor = await signedInOrRedirect(request, reply);
      if (!actor) return reply;
      const body = new FormBody(request.body);
      const typed = { event: body.text('event'), pattern: body.text('pattern') };
      const saved = await setSubscription(runtime, await pageWho(request), typed.event, typed.pattern);
      if (!saved.ok) return page(request, reply, actor, { refusal: saved.refusal, typed });
      return reply.redirect('/me?done=subscription#alerts-heading', 303);
    });

    app.post('/me/alerts/settings', options, async (request, reply) => {
      const actor = await signedInOrRedirect(request, reply);
      if (!actor) return reply;
      const body = new FormBody(request.body);
      await runtime.store.alerts.saveSettings(actor.userId as string, {
        topicMail: body.checked('topic_mail'),
        reminders: body.checked('reminders'),
        reminderMail: body.checked('reminder_mail'),
      });
      return reply.redirect('/me?done=alerts#alerts-heading', 303);
    });

    app.post<{ Params: { event: string; team: string } }>(
      '/events/:event/teams/:team/follow',
      options,
      async (request, reply) => {
        const actor = await signedInOrRedirect(request, reply);
        if (!actor) return reply;
        const body = new FormBody(request.body);
        const { event, team } = request.params;
        const done = await setFollowing(
          runtime,
          await pageWho(request),
          event,
          team,
          body.checked('following'),
        );
        if (!done.ok) return page(request, reply, actor, { refusal: done.refusal });
        return reply.redirect(
          localPath(body.text('back'), `/events/${encodeURIComponent(event)}/teams/${team}`),
          303,
        );
      },
    );

    app.post<{ Params: { event: string; team: string } }>(
      '/events/:event/teams/:team/alert',
      options,
      async (request, reply) => {
        const actor = await signedInOrRedirect(request, reply);
        if (!actor) return reply;
        const { event, team } = request.params;
        const done = await subscribeToTeam(runtime, await pageWho(request), event, team);
        if (!done.ok) return page(request, reply, actor, { refusal: done.refusal });
        return reply.redirect(
          `/events/${encodeURIComponent(event)}/teams/${encodeURIComponent(team)}?done=alert`,
          303,
        );
      },
    );
  };
}

/** A path on this site to go back to, or `fallback`: never another site. */
function localPath(back: string, fallback: string): string {
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(back) ? back : fallback;
}
