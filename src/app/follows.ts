import { type Checked, failed, passed } from '../core/checked.ts';
import { maxFollowsAtOnce, teamToFollow } from '../core/people/team-to-follow.ts';
import type { Runtime, Who } from './runtime.ts';

/**
 * One follow, on the account: the team page, the board, the registration form and `/me` all call
 * these, and the personal calendar and reminders read the same list. Refuses with
 * `unauthenticated`, `unknown_event` or `unknown_team`.
 */
export async function setFollowing(
  runtime: Runtime,
  who: Who,
  eventRef: string,
  teamRef: string,
  following: boolean,
): Promise<Checked<{ team: string; following: boolean }>> {
  const state = await runtime.models.getPublic(eventRef);
  if (!state) return failed('unknown_event', `There is no event “${eventRef.slice(0, 60)}”.`);
  const team = teamToFollow(state, who.actor, teamRef);
  if (!team.ok) return team;
  const userId = who.actor?.userId as string;
  if (following) {
    const already = await runtime.store.followedTeamIds(userId);
    if (!already.includes(team.value.id))
      await runtime.store.followTeam(userId, team.value.id, runtime.clock.now());
  } else {
    await runtime.store.unfollowTeam(userId, team.value.id);
  }
  return passed({ team: team.value.slug, following });
}

/**
 * Adds the teams a browser followed before its owner signed in to their account; teams the event
 * does not have are left out, not refused, since a browser's list may be old. Refuses with
 * `unauthenticated`, `unknown_event` or `invalid_input` (more than a few hundred teams).
 */
export async function adoptFollows(
  runtime: Runtime,
  who: Who,
  eventRef: string,
  teamRefs: readonly string[],
): Promise<Checked<{ added: string[] }>> {
  if (!who.actor?.userId)
    return failed('unauthenticated', 'Sign in to keep the teams you follow on your account.');
  if (teamRefs.length > maxFollowsAtOnce)
    return failed('invalid_input', `At most ${maxFollowsAtOnce} teams can be added at once.`);
  const added: string[] = [];
  for (const ref of new Set(teamRefs)) {
    const followed = await setFollowing(runtime, who, eventRef, ref, true);
    if (followed.ok) added.push(followed.value.team);
    else if (followed.refusal.code !== 'unknown_team') return followed;
  }
  return passed({ added });
}

/** The slugs of the event's teams the person follows (none when anonymous). */
export async function followedInEvent(
  runtime: Runtime,
  userId: string | null | undefined,
  teams: readonly { readonly id: string; readonly slug: string }[],
): Promise<Set<string>> {
  if (!userId) return new Set();
  const ids = new Set(await runtime.store.followedTeamIds(userId));
  return new Set(teams.filter((team) => ids.has(team.id)).map((team) => team.slug));
}
