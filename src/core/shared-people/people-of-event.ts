import type { EventState } from '../model/event-state.ts';
import { isLiveTeam } from '../model/team.ts';
import { SharedPeople } from './shared-people.ts';

/** Someone following a team of the event (their teams of interest). */
export interface Following {
  readonly userId: string;
  readonly teamId: string;
}

/**
 * The event's shared-people model: each person's teams are the teams they follow and the teams they
 * moderate; avoidances come from the teams' sign-ups. Only teams still in the event count
 * (requested or approved), so a withdrawn team's followers tie nobody.
 */
export function sharedPeopleOfEvent(state: EventState, follows: readonly Following[]): SharedPeople {
  return new SharedPeople(peopleOfEvent(state, follows));
}

/**
 * The people and avoidances behind `sharedPeopleOfEvent`, as lists: each person's team ids (people
 * tied to no team are left out) and each team's avoidances. The draft-schedule instance of an event
 * is made from them.
 */
export function peopleOfEvent(
  state: EventState,
  follows: readonly Following[],
): { people: string[][]; avoid: Record<string, string[]> } {
  const live = new Set(state.teams.filter(isLiveTeam).map((team) => team.id));
  const teamsOf = new Map<string, Set<string>>();
  const add = (userId: string, teamId: string) => {
    if (!live.has(teamId)) return;
    let teams = teamsOf.get(userId);
    if (!teams) {
      teams = new Set();
      teamsOf.set(userId, teams);
    }
    teams.add(teamId);
  };
  for (const follow of follows) add(follow.userId, follow.teamId);
  for (const team of state.teams) for (const moderator of team.moderators) add(moderator, team.id);
  const avoid: Record<string, string[]> = {};
  for (const [teamId, signup] of Object.entries(state.signups)) {
    if (live.has(teamId)) avoid[teamId] = signup.avoidClashes.filter((other) => live.has(other));
  }
  return { people: [...teamsOf.values()].map((teams) => [...teams]), avoid };
}
