import type { FastifyRequest } from 'fastify';
import { reviewSignup } from '../../../app/signups.ts';
import { addModerator, removeModerator } from '../../../app/team-moderators.ts';
import type { Actor } from '../../../core/model/actor.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { isLiveTeam, type Team, type TeamKind, teamKinds } from '../../../core/model/team.ts';
import type { User } from '../../../core/model/user.ts';
import { checkModeratorsManager, isOrganizer } from '../../../core/permissions.ts';
import type { WebDeps } from '../../deps.ts';
import {
  Checkbox,
  CsrfField,
  InlineAction,
  Select,
  SubmitButton,
  TextField,
} from '../components/form-parts.tsx';
import { teamKindLabels } from '../components/labels.ts';
import type { formActions } from '../form-actions.ts';
import type { FormBody } from '../form-body.ts';
import { mailingFor, pageWho } from '../people-context.ts';

/** What a manage page's posts act on, and how they are declared. */
export type Loaded = { state: EventState; team: Team };
export type Write = ReturnType<typeof formActions<{ event: string; team: string }, Loaded>>;

/** The notices after the forms below, by `?done=`. */
export const teamPeopleNotices: readonly (readonly [string, string])[] = [
  ['moderator-add', 'Added; the new moderator was e-mailed a sign-in link to this page.'],
  ['moderator-remove', 'Removed; they were told by e-mail.'],
  ['team', 'The team is saved.'],
  ['withdraw', 'The team is withdrawn; its lead was e-mailed.'],
];

/**
 * The posts of a team's people and standing, on its manage page: moderators added by address or
 * removed (organisers and the team's lead), and the name, kind, cross-project flag and withdrawal
 * (organisers). The core decides who may; these only pass the form on.
 */
export function teamPeopleActions(deps: WebDeps, write: Write, log: Parameters<typeof mailingFor>[1]): void {
  const mailing = mailingFor(deps, log);
  const moderator = (form: FormBody, { state, team }: Loaded) => ({
    event: state.event.slug,
    team: team.slug,
    email: form.text('email'),
  });
  write('moderator-add', async (form, loaded, request) =>
    addModerator(deps.runtime, mailing, await pageWho(request), moderator(form, loaded)),
  );
  write('moderator-remove', async (form, loaded, request) =>
    removeModerator(deps.runtime, await pageWho(request), moderator(form, loaded)),
  );
  write('team', async (form, { state, team }, request: FastifyRequest) =>
    deps.ops.updateTeam(state.event.slug, await pageWho(request), {
      team: team.slug,
      name: form.text('name'),
      kind: teamKinds.find((kind) => kind === form.text('kind')) ?? ('' as TeamKind),
      crossProject: form.checked('cross_project'),
    }),
  );
  write('withdraw', async (form, { state, team }, request) =>
    reviewSignup(deps.runtime, mailing, await pageWho(request), state.event.slug, {
      action: 'withdraw',
      team: team.slug,
      reason: form.text('reason'),
    }),
  );
}

/** The moderators (with the forms to change them, for those who may) and, for organisers, the team itself. */
export function TeamPeople(props: {
  state: EventState;
  team: Team;
  actor: Actor | null;
  moderators: readonly User[];
  csrf: string;
  base: string;
  form?: FormBody | undefined;
}) {
  const { state, team, actor, csrf, base, form } = props;
  const mayName = checkModeratorsManager(actor, team, state.signups[team.id]?.leadId ?? null) === null;
  return (
    <>
      <section aria-labelledby="moderators-heading">
        <h2 id="moderators-heading">Moderators</h2>
        {props.moderators.length === 0 ? <p>Nobody moderates {team.name} yet.</p> : null}
        <ul id="moderators">
          {props.moderators.map((user) => (
            <li key={user.id}>
              {user.name} &lt;{user.email}&gt;{user.ircNick ? ` (IRC ${user.ircNick})` : ''}{' '}
              {mayName ? (
                <InlineAction action={`${base}/moderator-remove`} csrf={csrf} name="email" value={user.email}>
                  Remove {user.name}
                </InlineAction>
              ) : null}
            </li>
          ))}
        </ul>
        {mayName ? (
          <form method="post" action={`${base}/moderator-add`} class="form">
            <CsrfField token={csrf} />
            <TextField
              id="moderator-email"
              label="Add a moderator by e-mail address"
              name="email"
              type="email"
              required
              maxLength={254}
              value={form?.text('email') ?? ''}
              hint="They get an e-mail with a link that signs them in and opens this page; someone new gets an account."
            />
            <SubmitButton quiet>Add the moderator</SubmitButton>
          </form>
        ) : (
          <p class="hint">The team’s lead and the organisers change who moderates it.</p>
        )}
      </section>
      {isOrganizer(actor) ? (
        <section aria-labelledby="team-heading">
          <h2 id="team-heading">The team (organisers)</h2>
          <form method="post" action={`${base}/team`} class="form">
            <CsrfField token={csrf} />
            <TextField
              id="team-name"
              label="Name"
              name="name"
              required
              maxLength={120}
              value={form?.text('name') || team.name}
            />
            <Select
              label="Kind"
              name="kind"
              value={team.kind}
              options={teamKinds.map((kind) => ({ value: kind, label: teamKindLabels[kind] }))}
            />
            <Checkbox name="cross_project" checked={team.crossProject} label="Cross-project" />
            <SubmitButton quiet>Save the team</SubmitButton>
          </form>
          {isLiveTeam(team) ? (
            <form method="post" action={`${base}/withdraw`} class="form">
              <CsrfField token={csrf} />
              <TextField
                id="withdraw-reason"
                label="Reason for withdrawing (told to the lead)"
                name="reason"
                maxLength={1000}
              />
              <SubmitButton quiet>Withdraw {team.name}</SubmitButton>
            </form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
