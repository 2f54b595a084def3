import { type Checked, failed, failedWith, passed } from '../checked.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import type { Team } from '../model/team.ts';
import { checkOrganizer } from '../permissions.ts';

/**
 * The teams an organiser command names (`~clean nova cinder`), each once, in the order given, once
 * the actor is an organiser; `counts` says which teams the command can act on.
 * Refuses with `unauthenticated`, `forbidden`, `invalid_input` or `unknown_team`.
 */
export function teamsForOrganiser(
  state: EventState,
  refs: readonly string[],
  ctx: Ctx,
  counts: (team: Team) => boolean = () => true,
): Checked<Team[]> {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return failedWith(denied);
  if (refs.length === 0) return failed('invalid_input', 'Name at least one team.');
  const teams: Team[] = [];
  for (const ref of refs) {
    const team = findTeam(state, ref);
    if (!team || !counts(team)) {
      return failed(
        'unknown_team',
        `There is no team "${ref.replace(/^#/, '').slice(0, 60)}" in this event.`,
      );
    }
    if (!teams.includes(team)) teams.push(team);
  }
  return passed(teams);
}

/** The one team an organiser command names, once the actor is an organiser. Refuses like `teamsForOrganiser`. */
export function teamForOrganiser(state: EventState, ref: string, ctx: Ctx): Checked<Team> {
  const named = teamsForOrganiser(state, [ref], ctx);
  return named.ok ? passed(named.value[0] as Team) : named;
}
