import { type Decision, inSequence } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import type { TeamStatus } from '../model/team.ts';
import { type UpdateTeamInput, updateTeam } from './team-admin.ts';
import { type TeamLinksInput, updateTeamLinks } from './team-links.ts';
import { setTeamStatus } from './team-status.ts';

export type TeamChange = UpdateTeamInput & TeamLinksInput & { readonly status?: TeamStatus };

/**
 * One change to a team touching any of its fields: links, colour and location (moderators or
 * organisers), and name, kind, cross-project flag and status (organisers only, as `setTeamStatus`
 * says). All or nothing.
 */
export function changeTeam(state: EventState, input: TeamChange, ctx: Ctx): Decision {
  const { team, name, kind, crossProject, status, etherpadUrl, videoUrl, colour, location } = input;
  const admin = [name, kind, crossProject].some((field) => field !== undefined);
  const links = [etherpadUrl, videoUrl, colour, location].some((field) => field !== undefined);
  return inSequence(state, ctx, [
    ...(admin ? [(s: EventState, c: Ctx) => updateTeam(s, { team, name, kind, crossProject }, c)] : []),
    ...(links || (!admin && status === undefined)
      ? [(s: EventState, c: Ctx) => updateTeamLinks(s, { team, etherpadUrl, videoUrl, colour, location }, c)]
      : []),
    // Last, so a withdrawal sees the team as the other fields left it.
    ...(status !== undefined ? [(s: EventState, c: Ctx) => setTeamStatus(s, { team, status }, c)] : []),
  ]);
}
