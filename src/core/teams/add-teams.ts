import { accept, type Decision, inSequence, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import { checkOrganizer } from '../permissions.ts';
import { slugify } from '../text/slugify.ts';
import { createTeam } from './team-admin.ts';
import { setTeamStatus } from './team-status.ts';

/**
 * Organisers put teams on the official list by name (`~add TestTrack`): a new team gets the name as
 * typed and its lower-case short name (`testtrack`), so `#TestTrack` and `#testtrack` both reach it;
 * a team waiting for approval, declined or withdrawn is approved; one already listed is left alone.
 * All or nothing. Refuses with `unauthenticated`, `forbidden`, `invalid_input` or `team_exists`.
 */
export function addTeams(state: EventState, input: { names: readonly string[] }, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  if (input.names.length === 0) return refuse('invalid_input', 'Name at least one team.');
  return inSequence(
    state,
    ctx,
    input.names.map((name) => (current: EventState, c: Ctx) => addTeam(current, name.replace(/^#/, ''), c)),
  );
}

function addTeam(state: EventState, name: string, ctx: Ctx): Decision {
  const existing = findTeam(state, slugify(name)) ?? findTeam(state, name);
  if (!existing) return createTeam(state, { name, kind: 'project', crossProject: false }, ctx);
  if (existing.status === 'approved') return accept([], `${existing.slug} was already on the list.`);
  return setTeamStatus(state, { team: existing.id, status: 'approved' }, ctx);
}
