import type { FastifyPluginAsync } from 'fastify';
import type { EventState } from '../../../core/model/event-state.ts';
import type { TeamInvitation } from '../../../core/model/team-invitation.ts';
import type { WebDeps } from '../../deps.ts';
import { teamKindLabels, teamStatusLabels } from '../components/labels.ts';
import { TimeText } from '../components/time-text.tsx';
import { pageUser } from '../page-context.ts';
import { organisersEvent } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { ConsoleFrame } from './console-frame.tsx';
import { mailingPages } from './mailing-pages.tsx';

/**
 * `…/organise/invitations`: e-mail the moderators of the teams invited to sign up again, each with
 * their teams' links to a prefilled sign-up form, as safely as any mailing (see `mailingPages`).
 * A draft event refuses to send them (`event_draft`).
 */
export function organiseInvitationsPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    mailingPages(app, deps, '/events/:event/organise/invitations', async (request, reply) => {
      const state = await organisersEvent(deps, request as Parameters<typeof organisersEvent>[1], reply);
      if (!state) return null;
      const user = await pageUser(request);
      const { event } = state;
      return {
        audience: { kind: 'invitations', state },
        base: invitationsPath(state),
        noun: 'invited moderator',
        zone: event.timeZone,
        title: 'E-mail the invitations',
        draft: {
          subject: `Sign your team up again for ${event.title}`,
          body: `Hello,\n\n${event.title} runs from ${event.startsOn} to ${event.endsOn}. Your team met at our last gathering, and we would be glad to see it again.\n\nThe link below opens the sign-up form, filled in with your answers of last time: check them and send it. If your team will not meet this time, the same page lets you say so.`,
        },
        frame: async ({ title, done, refusal, children }) => (
          <ConsoleFrame
            event={event}
            user={user}
            section="signups"
            title={title}
            done={done}
            refusal={refusal}
          >
            {children}
          </ConsoleFrame>
        ),
      };
    });
  };
}

function invitationsPath(state: EventState): string {
  return `/events/${encodeURIComponent(state.event.slug)}/organise/invitations`;
}

/**
 * The teams invited to sign up again, with how each invitation stands, and the way to e-mail them
 * (once the event is published).
 */
export function InvitedTeams(props: {
  state: EventState;
  invitations: readonly TeamInvitation[];
  zone: string;
}) {
  const { state, invitations, zone } = props;
  const waiting = invitations.filter((invitation) => invitation.status === 'invited').length;
  return (
    <section aria-labelledby="invited-heading" id="invited-teams">
      <h2 id="invited-heading">Invited to sign up again ({invitations.length})</h2>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Kind</th>
            <th scope="col">Moderators</th>
            <th scope="col">Invitation</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id} data-invitation={invitation.slug}>
              <th scope="row">{invitation.name}</th>
              <td>
                {teamKindLabels[invitation.kind]}
                {invitation.crossProject ? ', cross-project' : ''}
              </td>
              <td>{invitation.moderators.join(', ') || 'nobody to write to'}</td>
              <td>
                <InvitationState state={state} invitation={invitation} zone={zone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {state.event.status === 'draft' ? (
        <p class="hint">Publish the event first: the invited can open its sign-up form only then.</p>
      ) : waiting > 0 ? (
        <p>
          <a class="button" href={invitationsPath(state)}>
            E-mail the invitations
          </a>{' '}
          <span class="hint">A preview and a confirmation come first.</span>
        </p>
      ) : null}
    </section>
  );
}

function InvitationState(props: { state: EventState; invitation: TeamInvitation; zone: string }) {
  const { state, invitation, zone } = props;
  if (invitation.status === 'declined') return <>Declined</>;
  if (invitation.status === 'signed-up') {
    const team = state.teams.find((candidate) => candidate.id === invitation.teamId);
    return (
      <>
        Signed up
        {team ? (
          <>
            {' '}
            as{' '}
            <a
              href={`/events/${encodeURIComponent(state.event.slug)}/signup/${encodeURIComponent(team.slug)}`}
            >
              {team.name}
            </a>{' '}
            ({teamStatusLabels[team.status]})
          </>
        ) : null}
      </>
    );
  }
  return invitation.sentAt ? (
    <>
      Invited, e-mailed <TimeText at={invitation.sentAt} zone={zone} withDay />
    </>
  ) : (
    <>Invited, not e-mailed yet</>
  );
}
