import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import type { TeamStatus } from '../model/team.ts';
import { approveTeam } from '../signups/review-signup.ts';
import { withdrawTeam } from '../signups/withdraw-team.ts';
import { teamForOrganiser } from './teams-for-organiser.ts';

/**
 * Organisers move a team on or off the official list, through the same rules whatever the way in
 * (`~add`, `~del`, the review console, `PATCH …/teams/{team}`): approving a signed-up team grants
 * the moderators it named, as the review does; approving a declined or withdrawn team lists it
 * again; withdrawing is `withdrawal`. Declining needs a reason and is done in the review; no team
 * goes back to waiting for review.
 * Refuses with `unauthenticated`, `forbidden`, `unknown_team`, `signup_decided` or `invalid_input`.
 */
export function setTeamStatus(
  state: EventState,
  input: { team: string; status: TeamStatus },
  ctx: Ctx,
): Decision {
  const found = teamForOrganiser(state, input.team, ctx);
  if (!found.ok) return refused(found.refusal);
  const team = found.value;
  if (team.status === input.status) return accept([], `${team.slug} is already ${input.status}.`);
  switch (input.status) {
    case 'approved':
      if (team.status === 'requested' && state.signups[team.id])
        return approveTeam(state, { team: team.id }, ctx);
      return accept(
        [{ type: 'team.saved', team: { ...team, status: 'approved' } }],
        `Approved ${team.name} (${team.slug}).`,
      );
    case 'withdrawn':
      return withdrawTeam(state, { team: team.id }, ctx);
    case 'declined':
      return refuse(
        'invalid_input',
        `Decline ${team.name} from the review of sign-ups, with a reason for its lead.`,
      );
    case 'requested':
      return refuse('invalid_input', `${team.name} cannot go back to waiting for review.`);
  }
}
