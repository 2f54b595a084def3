import type { Change } from '../changes.ts';
import { accept, type Decision, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { checkOrganizer } from '../permissions.ts';
import { teamsForOrganiser } from '../teams/teams-for-organiser.ts';
import { count } from '../text/count.ts';

/**
 * Organisers clear the topics of the teams named (`~clean nova cinder`), whoever moderates them.
 * Refuses with `unauthenticated`, `forbidden`, `invalid_input` or `unknown_team`.
 */
export function cleanBoards(state: EventState, input: { teams: readonly string[] }, ctx: Ctx): Decision {
  const named = teamsForOrganiser(state, input.teams, ctx);
  if (!named.ok) return refused(named.refusal);
  const teams = named.value;
  const cleaned = teams.filter((team) => state.board[team.id]);
  return accept(
    cleaned.map((team) => ({ type: 'board.cleaned' as const, teamId: team.id })),
    cleaned.length > 0
      ? `Cleared the topics of ${cleaned.map((team) => team.slug).join(', ')}.`
      : 'Those teams have no topics to clear.',
  );
}

/**
 * Organisers start a day afresh (`~newday`): every team's topics and location are cleared. Topics
 * end by themselves when a team's block ends, so this is for a clean slate, not a daily chore.
 * Refuses with `unauthenticated` or `forbidden`.
 */
export function startNewDay(state: EventState, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const changes: Change[] = [];
  const withTopics = state.teams.filter((team) => state.board[team.id]);
  for (const team of withTopics) changes.push({ type: 'board.cleaned', teamId: team.id });
  const located = state.teams.filter((team) => team.location !== null);
  for (const team of located) changes.push({ type: 'team.saved', team: { ...team, location: null } });
  if (changes.length === 0) return accept([], 'The board is already clear.');
  return accept(
    changes,
    `Cleared the topics of ${count(withTopics.length, 'team')} and the locations of ${count(located.length, 'team')}.`,
  );
}
