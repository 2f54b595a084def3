import { type Refusal, refusal } from '../errors.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import { isLiveTeam } from '../model/team.ts';
import type { TeamInvitation } from '../model/team-invitation.ts';
import type { SignupFormInput } from './signup-form.ts';

/** The answers of the sign-up form an invitation fills in. */
export type InvitedAnswers = Pick<
  SignupFormInput,
  'name' | 'kind' | 'crossProject' | 'moderators' | 'hoursWanted' | 'preferredWindows' | 'avoidClashes'
>;

/**
 * An invitation of this event still waiting for its answer. Refuses with `unknown_invitation` (none
 * by that id here) or `invitation_answered` (the team already signed up with it, or declined).
 */
export function openInvitation(
  state: EventState,
  invitation: TeamInvitation | null,
): TeamInvitation | Refusal {
  if (!invitation || invitation.eventId !== state.event.id)
    return refusal('unknown_invitation', `There is no such invitation to ${state.event.title}.`);
  if (invitation.status !== 'invited')
    return refusal(
      'invitation_answered',
      invitation.status === 'signed-up'
        ? `${invitation.name} has already signed up with this invitation.`
        : `${invitation.name} has declined this invitation.`,
    );
  return invitation;
}

/**
 * The sign-up form as an invitation fills it in: the team as it was, its moderators one a line, and
 * last edition's hours, the windows this event still has, and the teams to avoid that are in it.
 */
export function invitedAnswers(state: EventState, invitation: TeamInvitation): InvitedAnswers {
  const windows = new Set(state.event.windows.map((window) => window.name));
  return {
    name: invitation.name,
    kind: invitation.kind,
    crossProject: invitation.crossProject,
    moderators: invitation.moderators.join('\n'),
    hoursWanted: invitation.hoursWanted === null ? '' : String(invitation.hoursWanted),
    preferredWindows: invitation.preferredWindows.filter((name) => windows.has(name)),
    avoidClashes: invitation.avoidClashes.filter((slug) => {
      const team = findTeam(state, slug);
      return team !== undefined && isLiveTeam(team);
    }),
  };
}
