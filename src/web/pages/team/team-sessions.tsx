import { isLive } from '../../../core/event/archive.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { Instant } from '../../../core/model/instant.ts';
import type { Team } from '../../../core/model/team.ts';
import { maxAgendaLength, maxTitleLength } from '../../../core/sessions/edit-session.ts';
import { maxHeadcount } from '../../../core/sessions/record-headcount.ts';
import { describeSession } from '../../../core/sessions/session-to-manage.ts';
import { type Session, sessionsOf, slotIdsOf, teamsOf } from '../../../core/sessions/sessions.ts';
import { teamBusyAt } from '../../../core/sessions/team-presence.ts';
import type { WebDeps } from '../../deps.ts';
import {
  CsrfField,
  InlineAction,
  Select,
  SubmitButton,
  TextArea,
  TextField,
} from '../components/form-parts.tsx';
import type { FormBody } from '../form-body.ts';
import { pageWho } from '../people-context.ts';
import type { Write } from './team-people.tsx';

/** The notices after the forms below, by `?done=`. */
export const teamSessionNotices: readonly (readonly [string, string])[] = [
  ['session', 'The session is saved.'],
  ['invite', 'Invited; the team’s moderators answer on their manage page.'],
  ['accept', 'Accepted: the session is on both teams’ pages.'],
  ['decline', 'Declined.'],
  ['headcount', 'The head-count is saved.'],
  ['summary', 'The summary is linked; the event page lists it.'],
];

/**
 * The posts of a team's sessions, on its manage page: title, agenda and links of the sessions it
 * hosts, inviting another team, answering an invitation, a head-count, and the team's summary.
 * The core decides who may and what is valid; these only pass the form on.
 */
export function teamSessionActions(deps: WebDeps, write: Write): void {
  write('session', async (form, { state }, request) =>
    deps.ops.editSession(state.event.slug, await pageWho(request), {
      session: form.text('session'),
      title: form.text('title'),
      agenda: form.text('agenda'),
      etherpadUrl: form.text('etherpad_url'),
      recordingUrl: form.text('recording_url'),
    }),
  );
  write('invite', async (form, { state, team }, request) =>
    deps.ops.inviteTeam(state.event.slug, await pageWho(request), {
      session: form.text('session'),
      team: team.slug,
      guest: form.text('guest'),
    }),
  );
  for (const answer of ['accept', 'decline'] as const) {
    write(answer, async (form, { state, team }, request) =>
      deps.ops.answerInvitation(state.event.slug, await pageWho(request), {
        session: form.text('session'),
        team: team.slug,
        accept: answer === 'accept',
      }),
    );
  }
  write('headcount', async (form, { state, team }, request) =>
    deps.ops.recordHeadcount(state.event.slug, await pageWho(request), {
      session: form.text('session'),
      team: team.slug,
      count: Number(form.text('count').trim() || Number.NaN),
    }),
  );
  write('summary', async (form, { state, team }, request) =>
    deps.ops.setSummary(state.event.slug, await pageWho(request), {
      team: team.slug,
      summaryUrl: form.text('summary_url').trim(),
      notesUrl: form.text('notes_url').trim() || null,
    }),
  );
}

/**
 * The team's sessions, each with what its moderators may do to it now, and the team's summary.
 * After a refused post the form that was sent shows what was typed.
 */
export function TeamSessions(props: {
  state: EventState;
  team: Team;
  now: Instant;
  csrf: string;
  base: string;
  form?: FormBody | undefined;
}) {
  const { state, team, csrf, base } = props;
  const sessions = sessionsOf(state).filter(
    (session) =>
      teamsOf(session).includes(team.id) ||
      session.record?.guests.some((guest) => guest.teamId === team.id && guest.status === 'invited'),
  );
  const summary = state.summaries[team.id];
  const typed = (field: string, stored: string | null | undefined) => typedOr(props.form, field, stored);
  return (
    <>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p class="hint">
          A session is the team’s back-to-back hours in one room. Give it a title, an agenda and its own
          links; invite another team into it; count who came.
        </p>
        {sessions.length === 0 ? <p>No sessions yet: book some time first.</p> : null}
        {sessions.map((session) => (
          <TeamSession
            key={session.id}
            {...props}
            session={session}
            form={props.form?.text('session') === session.id ? props.form : undefined}
          />
        ))}
      </section>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary of the event</h2>
        <p class="hint">
          After the event, link the team’s write-up (a mailing-list post, a blog) and its notes; the event
          page and the report list them.
        </p>
        <form method="post" action={`${base}/summary`} class="form">
          <CsrfField token={csrf} />
          <TextField
            label="Summary"
            name="summary_url"
            type="url"
            required
            value={typed('summary_url', summary?.summaryUrl)}
          />
          <TextField
            label="Notes"
            name="notes_url"
            type="url"
            value={typed('notes_url', summary?.notesUrl)}
          />
          <SubmitButton quiet>Link the summary</SubmitButton>
        </form>
      </section>
    </>
  );
}

function TeamSession(props: {
  state: EventState;
  team: Team;
  session: Session;
  now: Instant;
  csrf: string;
  base: string;
  form?: FormBody | undefined;
}) {
  const { state, team, session, now, csrf, base, form } = props;
  const live = isLive(state.event);
  const record = session.record;
  const name = (teamId: string) => state.teams.find((candidate) => candidate.id === teamId)?.name ?? teamId;
  const hosting = session.hostId === team.id;
  const invitation = record?.guests.find((guest) => guest.teamId === team.id);
  const fieldId = (field: string) => `session-${session.id}-${field}`;
  const typed = (field: string, stored: string | null | undefined) => typedOr(form, field, stored);
  const others = teamsOf(session).filter((id) => id !== team.id && id !== session.hostId);
  const guests = (record?.guests ?? []).filter((guest) => guest.status !== 'accepted');
  const open = guests.filter((guest) => guest.status === 'invited').map((guest) => guest.teamId);
  const asked = new Set([...teamsOf(session), ...open]);
  const invitable = state.teams.filter(
    (candidate) =>
      candidate.status === 'approved' &&
      !asked.has(candidate.id) &&
      slotIdsOf(session).every((slotId) => !teamBusyAt(state, candidate.id, slotId, session.id)),
  );
  return (
    <section aria-labelledby={fieldId('heading')} class="panel" id={`session-${session.id}`}>
      <h3 id={fieldId('heading')}>
        {describeSession(state, session)}
        {record?.title ? <> · “{record.title}”</> : null}
      </h3>
      <p>
        {hosting ? 'Hosted by the team' : `Hosted by ${name(session.hostId)}`}
        {others.length > 0 ? `; with ${others.map(name).join(' + ')}` : ''}
        {guests.length > 0
          ? `; ${guests.map((guest) => `${name(guest.teamId)} ${guest.status}`).join(', ')}`
          : ''}
        . Head-count: {record?.headcount ? record.headcount.count : 'none yet'}.
      </p>
      {live && hosting ? (
        <form method="post" action={`${base}/session`} class="form">
          <CsrfField token={csrf} />
          <input type="hidden" name="session" value={session.id} />
          <TextField
            id={fieldId('title')}
            label="Title"
            name="title"
            maxLength={maxTitleLength}
            value={typed('title', record?.title)}
          />
          <TextArea
            id={fieldId('agenda')}
            label="Agenda"
            name="agenda"
            hint="Short Markdown."
            maxLength={maxAgendaLength}
            value={typed('agenda', record?.agenda)}
          />
          <TextField
            id={fieldId('etherpad')}
            label="Etherpad"
            name="etherpad_url"
            type="url"
            hint="Empty: the team’s pad."
            value={typed('etherpad_url', record?.etherpadUrl)}
          />
          <TextField
            id={fieldId('recording')}
            label="Recording"
            name="recording_url"
            type="url"
            value={typed('recording_url', record?.recordingUrl)}
          />
          <SubmitButton quiet>Save the session</SubmitButton>
        </form>
      ) : null}
      {live && hosting && session.end > now && invitable.length > 0 ? (
        <form method="post" action={`${base}/invite`} class="form">
          <CsrfField token={csrf} />
          <input type="hidden" name="session" value={session.id} />
          <Select
            id={fieldId('guest')}
            label="Invite a team into it"
            hint="Teams free for the whole session."
            name="guest"
            value={form?.text('guest') ?? null}
            options={invitable.map((candidate) => ({ value: candidate.slug, label: candidate.name }))}
          />
          <SubmitButton quiet>Invite</SubmitButton>
        </form>
      ) : null}
      {live && invitation?.status === 'invited' ? (
        <p>
          {name(session.hostId)} invites the team.{' '}
          <InlineAction action={`${base}/accept`} csrf={csrf} name="session" value={session.id} button>
            Accept
          </InlineAction>{' '}
          <InlineAction action={`${base}/decline`} csrf={csrf} name="session" value={session.id}>
            Decline
          </InlineAction>
        </p>
      ) : null}
      {live && invitation?.status === 'accepted' && session.end > now ? (
        <InlineAction action={`${base}/decline`} csrf={csrf} name="session" value={session.id}>
          Leave this joint session
        </InlineAction>
      ) : null}
      {live && session.start <= now && teamsOf(session).includes(team.id) ? (
        <form method="post" action={`${base}/headcount`} class="form">
          <CsrfField token={csrf} />
          <input type="hidden" name="session" value={session.id} />
          <TextField
            id={fieldId('count')}
            label="How many people came"
            name="count"
            type="number"
            min={0}
            max={maxHeadcount}
            required
            value={form?.text('count') || (record?.headcount?.count ?? null)}
          />
          <SubmitButton quiet>Record the head-count</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

/** What was typed in a refused form, else what is stored. */
function typedOr(form: FormBody | undefined, field: string, stored: string | null | undefined): string {
  return form?.text(field) || (stored ?? '');
}
