import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { addTeamLate, type Review, reviewSignup, type TeamOutcome } from '../../../app/signups.ts';
import { listInvitations } from '../../../app/team-invitations.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { isLiveTeam, type TeamKind, teamKinds } from '../../../core/model/team.ts';
import type { User } from '../../../core/model/user.ts';
import { type QueueItem, reviewQueue } from '../../../core/signups/review-queue.ts';
import type { WebDeps } from '../../deps.ts';
import {
  Checkbox,
  CsrfField,
  InlineAction,
  Select,
  SubmitButton,
  TextArea,
  TextField,
} from '../components/form-parts.tsx';
import { outcomeLabels, teamKindLabels, teamStatusLabels } from '../components/labels.ts';
import { formActions } from '../form-actions.ts';
import type { FormBody } from '../form-body.ts';
import { pageUser } from '../page-context.ts';
import { formStatus, mailingFor, organisersEvent, pageWho } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { viewerZone } from '../time-zone.ts';
import { ConsoleFrame } from './console-frame.tsx';
import { InvitedTeams } from './organise-invitations-page.tsx';

type Params = { Params: { event: string }; Querystring: { done?: string } };
type Action = 'approve' | 'decline' | 'merge' | 'withdraw' | 'add';

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<Action, string>([
  ['approve', 'Approved; the team is on the official list and its lead and moderators were e-mailed.'],
  ['decline', 'Declined; the lead was e-mailed the reason.'],
  ['merge', 'Merged; the lead was e-mailed.'],
  ['withdraw', 'Withdrawn; the lead was e-mailed.'],
  ['add', 'Added to the official list; its moderators were e-mailed.'],
]);

/**
 * `…/organise/signups`: the review queue (approve, decline with a reason, merge a likely duplicate
 * into another team), the decisions taken, teams added late and teams withdrawn. Every action runs
 * the core's rule through an operation, which also e-mails the lead.
 */
export function organiseSignupsPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const mailing = mailingFor(deps, app.log);

    app.get<Params>('/events/:event/organise/signups', { schema: { hide: true } }, async (request, reply) => {
      const state = await organisersEvent(deps, request, reply);
      if (!state) return reply;
      const key = request.query.done as Action | undefined;
      return queuePage(deps, request, reply, state, { done: key && done.get(key) });
    });

    const write = formActions(app, deps, {
      path: '/events/:event/organise/signups',
      load: (request: FastifyRequest<{ Params: { event: string } }>, reply) =>
        organisersEvent(deps, request, reply),
      // The queue is shown as it is now, after whatever the refused action found.
      again: async (request, reply, state, view) =>
        queuePage(deps, request, reply, (await deps.runtime.models.get(state.event.id)) ?? state, view),
      back: (state) => `/events/${state.event.slug}/organise/signups`,
    });
    const act = (
      action: Action,
      run: (form: FormBody, state: EventState, request: FastifyRequest) => Promise<TeamOutcome>,
    ) => write(action, run, (done) => (done.value.mailed ? '' : '&mail=failed'));

    const review =
      (build: (form: FormBody) => Review) =>
      async (form: FormBody, state: EventState, request: FastifyRequest) =>
        reviewSignup(deps.runtime, mailing, await pageWho(request), state.event.slug, build(form));

    act(
      'approve',
      review((form) => ({ action: 'approve', team: form.text('team') })),
    );
    act(
      'decline',
      review((form) => ({ action: 'decline', team: form.text('team'), reason: form.text('reason') })),
    );
    act(
      'merge',
      review((form) => ({ action: 'merge', team: form.text('team'), into: form.text('into') })),
    );
    act(
      'withdraw',
      review((form) => ({ action: 'withdraw', team: form.text('team'), reason: form.text('reason') })),
    );
    act('add', async (form, state, request) => {
      const kind = teamKinds.find((candidate) => candidate === form.text('kind')) ?? ('' as TeamKind);
      return addTeamLate(deps.runtime, mailing, await pageWho(request), state.event.slug, {
        name: form.text('name'),
        kind,
        crossProject: form.checked('cross_project'),
        moderators: form.text('moderators'),
      });
    });
  };
}

async function queuePage(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  view: { done?: string | undefined; refusal?: Refusal; form?: FormBody },
) {
  const queue = reviewQueue(state);
  const people = new Map(
    (
      await deps.runtime.store.listUsers([
        ...new Set(
          Object.values(state.signups).flatMap((signup) => [
            ...(signup.leadId ? [signup.leadId] : []),
            ...signup.moderatorIds,
          ]),
        ),
      ])
    ).map((user) => [user.id, user]),
  );
  const live = state.teams
    .filter(isLiveTeam)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  const invitations = await listInvitations(deps.runtime, await pageWho(request), state);
  const mailFailed = (request.query as { mail?: string }).mail === 'failed';
  const csrf = reply.csrfToken();
  const base = `/events/${state.event.slug}/organise/signups`;
  const posted = view.form;
  return sendPage(
    reply,
    <ConsoleFrame
      event={state.event}
      user={await pageUser(request)}
      section="signups"
      title="Team sign-ups"
      refusal={view.refusal}
      done={
        view.done &&
        (mailFailed ? `${view.done} Some e-mails could not be sent; see the server log.` : view.done)
      }
    >
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">Waiting for review ({queue.waiting.length})</h2>
        {queue.waiting.length === 0 ? <p>Nothing is waiting.</p> : null}
        {queue.waiting.map((item) => (
          <QueueEntry
            key={item.team.id}
            item={item}
            state={state}
            people={people}
            csrf={csrf}
            base={base}
            live={live}
          />
        ))}
      </section>
      {invitations.ok && invitations.value.length > 0 ? (
        <InvitedTeams
          state={state}
          invitations={invitations.value}
          zone={viewerZone(request, reply, state.event.timeZone)}
        />
      ) : null}
      <section aria-labelledby="late-heading">
        <h2 id="late-heading">Add a team</h2>
        <p class="hint">Add a team straight to the official list, before or during the event.</p>
        <form method="post" action={`${base}/add`} class="form">
          <CsrfField token={csrf} />
          <TextField
            label="Team name"
            name="name"
            value={posted?.text('name') ?? ''}
            required
            maxLength={120}
          />
          <Select
            label="Kind"
            name="kind"
            value={posted?.text('kind') ?? 'project'}
            options={teamKinds.map((kind) => ({ value: kind, label: teamKindLabels[kind] }))}
          />
          <Checkbox
            name="cross_project"
            checked={posted?.checked('cross_project') ?? false}
            label="Cross-project"
          />
          <TextArea
            label="Moderators"
            name="moderators"
            value={posted?.text('moderators') ?? ''}
            hint="One a line: an e-mail address (invited if new), optionally with the IRC nick, or a known IRC nick."
          />
          <SubmitButton>Add to the official list</SubmitButton>
        </form>
      </section>
      <section aria-labelledby="withdraw-heading">
        <h2 id="withdraw-heading">Withdraw a team</h2>
        <form method="post" action={`${base}/withdraw`} class="form">
          <CsrfField token={csrf} />
          <Select
            label="Team"
            name="team"
            options={live.map((team) => ({
              value: team.slug,
              label: `${team.name} (${teamStatusLabels[team.status]})`,
            }))}
          />
          <TextField id="withdraw-reason" label="Reason (told to the lead)" name="reason" maxLength={1000} />
          <SubmitButton quiet>Withdraw</SubmitButton>
        </form>
      </section>
      <section aria-labelledby="decided-heading">
        <h2 id="decided-heading">Decided</h2>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Outcome</th>
              <th scope="col">When</th>
              <th scope="col">Lead</th>
            </tr>
          </thead>
          <tbody>
            {queue.decided.map(({ team, signup }) => (
              <tr key={team.id}>
                <th scope="row">{team.name}</th>
                <td>
                  {signup?.outcome ? outcomeLabels[signup.outcome.kind] : ''}
                  {signup?.outcome?.reason ? `: ${signup.outcome.reason}` : ''}
                  {signup?.outcome?.mergedInto
                    ? ` (into ${state.teams.find((t) => t.id === signup.outcome?.mergedInto)?.name ?? 'another team'})`
                    : ''}
                </td>
                <td>{signup?.outcome?.at}</td>
                <td>{signup?.leadId ? (people.get(signup.leadId)?.email ?? '') : 'deleted account'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </ConsoleFrame>,
    formStatus(view.refusal),
  );
}

function QueueEntry(props: {
  item: QueueItem;
  state: EventState;
  people: ReadonlyMap<string, User>;
  csrf: string;
  base: string;
  live: readonly { slug: string; name: string; id: string }[];
}) {
  const { item, state, people, csrf, base } = props;
  const { team, signup } = item;
  const lead = signup?.leadId ? people.get(signup.leadId) : undefined;
  const person = (user: User | undefined) =>
    user ? `${user.name} <${user.email}>${user.ircNick ? ` (${user.ircNick})` : ''}` : 'unknown';
  const teamName = (id: string) =>
    state.teams.find((candidate) => candidate.id === id)?.name ?? 'a removed team';
  const targets = [
    ...item.duplicates,
    ...props.live.filter((other) => other.id !== team.id && !item.duplicates.some((d) => d.id === other.id)),
  ];
  return (
    <article class="queue-item" data-team={team.slug} aria-labelledby={`q-${team.slug}`}>
      <h3 id={`q-${team.slug}`}>
        {team.name} <span class="hint">({team.slug})</span>{' '}
        {item.duplicates.length > 0 ? (
          <span class="flag">Likely duplicate of {item.duplicates.map((d) => d.name).join(', ')}</span>
        ) : null}
      </h3>
      <dl class="details-list">
        <dt>Kind</dt>
        <dd>
          {teamKindLabels[team.kind]}
          {team.crossProject ? ', cross-project' : ''}
        </dd>
        {signup ? (
          <>
            <dt>Lead</dt>
            <dd>{person(lead)}</dd>
            <dt>Moderators</dt>
            <dd>{signup.moderatorIds.map((id) => person(people.get(id))).join('; ') || 'only the lead'}</dd>
            <dt>Expected attendance</dt>
            <dd>{signup.expectedAttendance}</dd>
            <dt>Hours wanted</dt>
            <dd>{signup.hoursWanted}</dd>
            <dt>Preferred windows</dt>
            <dd>{signup.preferredWindows.join(', ') || 'any'}</dd>
            <dt>Avoid clashing with</dt>
            <dd>{signup.avoidClashes.map(teamName).join(', ') || 'nobody'}</dd>
            <dt>Sessions</dt>
            <dd>
              {[signup.onboarding ? 'onboarding' : null, signup.operatorHour ? 'operator hour' : null]
                .filter(Boolean)
                .join(', ') || 'none'}
            </dd>
            <dt>Video</dt>
            <dd>{signup.videoUrl ?? 'the event’s rooms'}</dd>
            <dt>Notes</dt>
            <dd>{signup.notes || '—'}</dd>
            <dt>Submitted</dt>
            <dd>
              {signup.submittedAt}
              {signup.updatedAt !== signup.submittedAt ? `, changed ${signup.updatedAt}` : ''}
            </dd>
          </>
        ) : (
          <>
            <dt>Sign-up</dt>
            <dd>none (added without the form)</dd>
          </>
        )}
      </dl>
      <div class="form-actions">
        <InlineAction action={`${base}/approve`} csrf={csrf} name="team" value={team.slug} button>
          Approve {team.name}
        </InlineAction>
      </div>
      <form method="post" action={`${base}/merge`} class="form">
        <CsrfField token={csrf} />
        <input type="hidden" name="team" value={team.slug} />
        <Select
          label={`Merge ${team.name} into`}
          name="into"
          options={targets.map((other) => ({ value: other.slug, label: other.name }))}
        />
        <SubmitButton quiet>Merge</SubmitButton>
      </form>
      <form method="post" action={`${base}/decline`} class="form">
        <CsrfField token={csrf} />
        <input type="hidden" name="team" value={team.slug} />
        <TextField
          id={`reason-${team.slug}`}
          label={`Reason for declining ${team.name}`}
          name="reason"
          maxLength={1000}
        />
        <SubmitButton quiet>Decline</SubmitButton>
      </form>
    </article>
  );
}
