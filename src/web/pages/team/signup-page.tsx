import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { changeSignup, reviewSignup, signUpTeam } from '../../../app/signups.ts';
import { declineInvitation, invitationToAnswer } from '../../../app/team-invitations.ts';
import type { Refusal } from '../../../core/errors.ts';
import { checkNotArchived } from '../../../core/event/archive.ts';
import type { Actor } from '../../../core/model/actor.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { findTeam } from '../../../core/model/lookup.ts';
import { isLiveTeam, teamKinds } from '../../../core/model/team.ts';
import type { TeamInvitation } from '../../../core/model/team-invitation.ts';
import { invitedAnswers } from '../../../core/signups/invitation-signup.ts';
import type { SignupFormInput } from '../../../core/signups/signup-form.ts';
import { checkSignupOpen, isUndecided, signupOf } from '../../../core/signups/submit-signup.ts';
import { duplicatesOf } from '../../../core/teams/likely-duplicates.ts';
import type { WebDeps } from '../../deps.ts';
import {
  Checkbox,
  Choices,
  CsrfField,
  ErrorSummary,
  Notice,
  Select,
  SubmitButton,
  TextArea,
  TextField,
} from '../components/form-parts.tsx';
import { outcomeLabels, teamKindLabels, teamStatusLabels } from '../components/labels.ts';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import {
  eventForSignedIn,
  formAssets,
  formLimit,
  formStatus,
  mailingFor,
  pageWho,
} from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

type EventParams = { Params: { event: string }; Querystring: { invitation?: string; done?: string } };
type TeamParams = { Params: { event: string; team: string }; Querystring: { done?: string } };

const blank: SignupFormInput = {
  name: '',
  kind: 'project',
  crossProject: false,
  moderators: '',
  expectedAttendance: '',
  hoursWanted: '',
  preferredWindows: [],
  avoidClashes: [],
  onboarding: false,
  operatorHour: false,
  video: 'rooms',
  videoUrl: '',
  notes: '',
};

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<string, string>([
  ['submitted', 'Thank you: your team is signed up. The organisers will review it and write to you.'],
  ['saved', 'Your changes are saved.'],
  ['withdrawn', 'The request is withdrawn.'],
  ['declined', 'Thank you for telling us: the invitation is declined, and the organisers can see it.'],
]);

/**
 * `…/signup`: team leads sign their team up (signed in), and change their request at
 * `…/signup/{team}` until the organisers decide; they may also withdraw it there.
 */
export function signupPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const mailing = mailingFor(deps, app.log);

    app.get<EventParams>('/events/:event/signup', { schema: { hide: true } }, async (request, reply) => {
      const found = await eventForSignedIn(deps, request, reply);
      if (!found) return reply;
      const { state, actor } = found;
      const closed = checkNotArchived(state.event, 'signup');
      if (closed) return sendRefusalPage(reply, request, closed, state.event);
      const ref = request.query.invitation;
      if (ref === undefined)
        return signupForm(deps, request, reply, state, actor, {
          values: blank,
          team: null,
          done: done.get(request.query.done ?? ''),
        });
      const invitation = await invitationToAnswer(deps.runtime, await pageWho(request), state, ref);
      if (!invitation.ok) return sendRefusalPage(reply, request, invitation.refusal, state.event);
      return signupForm(deps, request, reply, state, actor, {
        values: { ...blank, ...invitedAnswers(state, invitation.value) },
        team: null,
        invitation: invitation.value,
      });
    });

    app.post<EventParams>(
      '/events/:event/signup',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const found = await eventForSignedIn(deps, request, reply);
        if (!found) return reply;
        const { state, actor } = found;
        const values = readForm(request.body);
        const ref = new FormBody(request.body).text('invitation');
        const who = await pageWho(request);
        const outcome = await signUpTeam(deps.runtime, mailing, who, state.event.slug, values, ref || null);
        if (!outcome.ok) {
          const invitation = ref ? await invitationToAnswer(deps.runtime, who, state, ref) : null;
          return signupForm(deps, request, reply, state, actor, {
            values,
            team: null,
            refusal: outcome.refusal,
            invitation: invitation?.ok ? invitation.value : undefined,
          });
        }
        return reply.redirect(`${signupPath(state, outcome.value.team.slug)}?done=submitted`, 303);
      },
    );

    app.post<{ Params: { event: string; invitation: string } }>(
      '/events/:event/invitations/:invitation/decline',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const found = await eventForSignedIn(deps, request, reply);
        if (!found) return reply;
        const { state } = found;
        const declined = await declineInvitation(
          deps.runtime,
          await pageWho(request),
          state,
          request.params.invitation,
        );
        if (!declined.ok) return sendRefusalPage(reply, request, declined.refusal, state.event);
        return reply.redirect(`/events/${encodeURIComponent(state.event.slug)}/signup?done=declined`, 303);
      },
    );

    app.get<TeamParams>('/events/:event/signup/:team', { schema: { hide: true } }, async (request, reply) => {
      const found = await leadsSignup(deps, request, reply);
      if (!found) return reply;
      const { state, actor, team } = found;
      const signup = state.signups[team.id];
      const moderators = await deps.runtime.store.listUsers(signup?.moderatorIds ?? []);
      const values: SignupFormInput = {
        name: team.name,
        kind: team.kind,
        crossProject: team.crossProject,
        moderators: moderators.map((user) => [user.email, user.ircNick].filter(Boolean).join(' ')).join('\n'),
        expectedAttendance: String(signup?.expectedAttendance ?? ''),
        hoursWanted: String(signup?.hoursWanted ?? ''),
        preferredWindows: signup?.preferredWindows ?? [],
        avoidClashes: (signup?.avoidClashes ?? []).flatMap((id) => findTeam(state, id)?.slug ?? []),
        onboarding: signup?.onboarding ?? false,
        operatorHour: signup?.operatorHour ?? false,
        video: signup?.videoUrl ? 'own' : 'rooms',
        videoUrl: signup?.videoUrl ?? '',
        notes: signup?.notes ?? '',
      };
      return signupForm(deps, request, reply, state, actor, {
        values,
        team: team.slug,
        done: done.get(request.query.done ?? ''),
      });
    });

    app.post<TeamParams>(
      '/events/:event/signup/:team',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const found = await leadsSignup(deps, request, reply);
        if (!found) return reply;
        const { state, actor, team } = found;
        const values = readForm(request.body);
        const outcome = await changeSignup(
          deps.runtime,
          mailing,
          await pageWho(request),
          state.event.slug,
          team.slug,
          values,
        );
        if (!outcome.ok)
          return signupForm(deps, request, reply, state, actor, {
            values,
            team: team.slug,
            refusal: outcome.refusal,
          });
        return reply.redirect(`${signupPath(state, outcome.value.team.slug)}?done=saved`, 303);
      },
    );

    app.post<TeamParams>(
      '/events/:event/signup/:team/withdraw',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const found = await leadsSignup(deps, request, reply);
        if (!found) return reply;
        const outcome = await reviewSignup(
          deps.runtime,
          mailing,
          await pageWho(request),
          found.state.event.slug,
          {
            action: 'withdraw',
            team: found.team.slug,
          },
        );
        if (!outcome.ok) return sendRefusalPage(reply, request, outcome.refusal, found.state.event);
        return reply.redirect(`${signupPath(found.state, found.team.slug)}?done=withdrawn`, 303);
      },
    );
  };
}

/** The sign-up in the path, for its lead or an organiser (`signupOf`); otherwise a page saying no was sent. */
async function leadsSignup(deps: WebDeps, request: FastifyRequest<TeamParams>, reply: FastifyReply) {
  const found = await eventForSignedIn(deps, request, reply);
  if (!found) return null;
  const { state, actor } = found;
  const signup = signupOf(state, request.params.team, actor);
  if ('code' in signup) {
    await sendRefusalPage(reply, request, signup, state.event);
    return null;
  }
  return { state, actor, team: signup.team };
}

function readForm(body: unknown): SignupFormInput {
  const form = new FormBody(body);
  return {
    name: form.text('name'),
    kind: form.text('kind'),
    crossProject: form.checked('cross_project'),
    moderators: form.text('moderators'),
    expectedAttendance: form.text('expected_attendance'),
    hoursWanted: form.text('hours_wanted'),
    preferredWindows: form.list('windows'),
    avoidClashes: form.list('avoid'),
    onboarding: form.checked('onboarding'),
    operatorHour: form.checked('operator_hour'),
    video: form.text('video'),
    videoUrl: form.text('video_url'),
    notes: form.text('notes'),
  };
}

function signupPath(state: EventState, team: string): string {
  return `/events/${encodeURIComponent(state.event.slug)}/signup/${encodeURIComponent(team)}`;
}

async function signupForm(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  actor: Actor,
  view: {
    values: SignupFormInput;
    team: string | null;
    refusal?: Refusal;
    done?: string | undefined;
    invitation?: TeamInvitation | undefined;
  },
) {
  const { values } = view;
  const team = view.team ? findTeam(state, view.team) : undefined;
  const signup = team ? state.signups[team.id] : undefined;
  const closed = team ? null : checkSignupOpen(state, { actor, now: deps.runtime.clock.now() });
  const open = team ? signup !== undefined && isUndecided(team, signup) : !closed;
  const mine = Object.values(state.signups).filter((candidate) => candidate.leadId === actor.userId);
  const action = team
    ? signupPath(state, team.slug)
    : `/events/${encodeURIComponent(state.event.slug)}/signup`;
  const others = state.teams
    .filter((candidate) => candidate.id !== team?.id && isLiveTeam(candidate))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  const lookalikes = team && team.status === 'requested' ? duplicatesOf(state.teams, team) : [];
  const csrf = reply.csrfToken();
  return sendPage(
    reply,
    <Layout
      title={team ? `Sign-up of ${team.name}` : 'Sign a team up'}
      event={state.event}
      user={await pageUser(request)}
      {...formAssets()}
    >
      <div class="prose">
        <h1>{team ? `Sign-up of ${team.name}` : 'Sign a team up'}</h1>
        {view.done ? <Notice>{view.done}</Notice> : null}
        {team ? (
          <p>
            Status: <strong>{teamStatusLabels[team.status]}</strong>
            {signup?.outcome
              ? ` (${outcomeLabels[signup.outcome.kind]}${signup.outcome.reason ? `: ${signup.outcome.reason}` : ''})`
              : ''}
            .{open ? ' You can change the answers until the organisers decide.' : ''}
          </p>
        ) : (
          <p>
            Team leads sign their team up for {state.event.title}. The organisers review each request and put
            the team on the official list; the moderators you name can then book its time.
          </p>
        )}
        {view.invitation ? (
          <p id="invitation-note">
            {view.invitation.name} is invited to sign up again: the form is filled in with its answers of last
            time. Check them, add how many people you expect, and send it.
          </p>
        ) : null}
        {lookalikes.length > 0 ? (
          <p class="hint">
            The name looks like {lookalikes.map((other) => other.name).join(', ')}: the organisers may merge
            the two.
          </p>
        ) : null}
        {closed ? <p>{closed.message}</p> : null}
        {mine.length > 0 && !team ? (
          <>
            <h2>Your sign-ups</h2>
            <ul>
              {mine.map((candidate) => {
                const signed = state.teams.find((t) => t.id === candidate.teamId);
                return signed ? (
                  <li key={signed.id}>
                    <a href={signupPath(state, signed.slug)}>{signed.name}</a> —{' '}
                    {teamStatusLabels[signed.status]}
                  </li>
                ) : null;
              })}
            </ul>
          </>
        ) : null}
      </div>
      {open ? (
        <form method="post" action={action} class="form">
          <ErrorSummary refusal={view.refusal} />
          <CsrfField token={csrf} />
          {view.invitation ? <input type="hidden" name="invitation" value={view.invitation.id} /> : null}
          <TextField label="Team name" name="name" value={values.name} required maxLength={120} />
          <Select
            label="Kind of team"
            name="kind"
            value={values.kind}
            options={teamKinds.map((kind) => ({ value: kind, label: teamKindLabels[kind] }))}
          />
          <Checkbox
            name="cross_project"
            checked={values.crossProject}
            label="Cross-project: the team works across many projects (it may book first)"
          />
          <TextArea
            label="Moderators"
            name="moderators"
            value={values.moderators}
            hint="One a line: an e-mail address, optionally followed by the IRC nick (ana@example.org ana_p), or the IRC nick of someone already on Convene. You are a moderator already. New addresses are invited."
          />
          <TextField
            label="Expected attendance (people)"
            name="expected_attendance"
            type="number"
            min={1}
            value={values.expectedAttendance}
            required
          />
          <TextField
            label="Hours wanted"
            name="hours_wanted"
            type="number"
            min={1}
            value={values.hoursWanted}
            required
            hint={
              state.event.rules.totalCapMinutes
                ? `At most ${state.event.rules.totalCapMinutes / 60} hours per team.`
                : undefined
            }
          />
          <Choices
            label="Preferred windows"
            name="windows"
            multiple
            selected={values.preferredWindows}
            options={state.event.windows.map((window) => ({
              value: window.name,
              label: `${window.name} (${window.start}–${window.end} UTC)`,
            }))}
          />
          <Choices
            label="Teams to avoid clashing with"
            name="avoid"
            multiple
            selected={values.avoidClashes}
            options={others.map((other) => ({ value: other.slug, label: other.name }))}
          />
          <fieldset class="field">
            <legend>Special sessions</legend>
            <Checkbox
              name="onboarding"
              checked={values.onboarding}
              label="We will run an onboarding session for newcomers"
            />
            <Checkbox
              name="operator_hour"
              checked={values.operatorHour}
              label="We will hold an operator hour"
            />
          </fieldset>
          <Choices
            label="Video"
            name="video"
            selected={[values.video]}
            required
            options={[
              { value: 'rooms', label: 'Use the event’s rooms' },
              { value: 'own', label: 'Use our own video link (below)' },
            ]}
          />
          <TextField
            label="Our own video link"
            name="video_url"
            type="url"
            value={values.videoUrl}
            hint="Only when you use your own room: a full https:// link."
          />
          <TextArea
            label="Anything else the organisers should know"
            name="notes"
            value={values.notes}
            maxLength={2000}
          />
          <SubmitButton>{team ? 'Save the changes' : 'Sign the team up'}</SubmitButton>
        </form>
      ) : null}
      {view.invitation && open ? (
        <form
          method="post"
          action={`/events/${encodeURIComponent(state.event.slug)}/invitations/${encodeURIComponent(view.invitation.id)}/decline`}
          class="form"
        >
          <CsrfField token={csrf} />
          <SubmitButton quiet>{view.invitation.name} will not meet this time</SubmitButton>
        </form>
      ) : null}
      {team && open ? (
        <form method="post" action={`${signupPath(state, team.slug)}/withdraw`} class="form">
          <CsrfField token={csrf} />
          <SubmitButton quiet>Withdraw this request</SubmitButton>
        </form>
      ) : null}
    </Layout>,
    formStatus(view.refusal),
  );
}
