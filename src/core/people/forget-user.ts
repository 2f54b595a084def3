import type { Change } from '../changes.ts';
import { accept, type Decision, refuse } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { isOrganizer } from '../permissions.ts';

/**
 * Removes a person from an event before their account is deleted: from the moderators of every team
 * and from every sign-up (a sign-up they led keeps its answers without a lead). Only the person
 * themselves or an organiser may. Nothing to change is an empty decision.
 * Refuses with `unauthenticated` or `forbidden`.
 */
export function forgetUser(state: EventState, input: { userId: string }, ctx: Ctx): Decision {
  if (!ctx.actor) return refuse('unauthenticated');
  if (ctx.actor.userId !== input.userId && !isOrganizer(ctx.actor)) return refuse('forbidden');
  const changes: Change[] = [];
  for (const team of state.teams) {
    if (team.moderators.includes(input.userId))
      changes.push({
        type: 'team.saved',
        team: { ...team, moderators: team.moderators.filter((id) => id !== input.userId) },
      });
  }
  for (const signup of Object.values(state.signups)) {
    if (signup.leadId !== input.userId && !signup.moderatorIds.includes(input.userId)) continue;
    changes.push({
      type: 'signup.saved',
      signup: {
        ...signup,
        leadId: signup.leadId === input.userId ? null : signup.leadId,
        moderatorIds: signup.moderatorIds.filter((id) => id !== input.userId),
      },
    });
  }
  return accept(changes, changes.length > 0 ? `Removed a person from ${state.event.slug}.` : '');
}
