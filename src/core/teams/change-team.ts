import { type Decision, inSequence } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { type UpdateTeamInput, updateTeam } from './team-admin.ts';
import { type TeamLinksInput, updateTeamLinks } from './team-links.ts';

export type TeamChange = UpdateTeamInput & TeamLinksInput;

/**
 * One change to a team touching any of its fields: links, colour and location (moderators or
 * organisers), and name, kind, cross-project flag and status (organisers only). All or nothing.
 */
export function changeTeam(state: EventState, input: TeamChange, ctx: Ctx): Decision {
  const { team, name, kind, crossProject, status, etherpadUrl, videoUrl, colour, location } = input;
  const admin = [name, kind, crossProject, status].some((field) => field !== undefined);
  const links = [etherpadUrl, videoUrl, colour, location].some((field) => field !== undefined);
  return inSequence(state, ctx, [
    ...(admin
      ? [(s: EventState, c: Ctx) => updateTeam(s, { team, name, kind, crossProject, status }, c)]
      : []),
    ...(links || !admin
      ? [(s: EventState, c: Ctx) => updateTeamLinks(s, { team, etherpadUrl, videoUrl, colour, location }, c)]
      : []),
  ]);
}
