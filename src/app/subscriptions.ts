import { type Checked, failed, failedWith, passed } from '../core/checked.ts';
import { checkNotArchived } from '../core/event/archive.ts';
import { findTeam } from '../core/model/lookup.ts';
import { parseTopicFilter, subscribe, unsubscribe } from '../core/people/topic-subscription.ts';
import { alertChannelsOf } from './alerts.ts';
import type { Runtime, Who } from './runtime.ts';

/**
 * A person's topic subscription for an event, from the web or the API: the same rule
 * (`subscribe`/`unsubscribe`) and the same stored subscription as the chat's `subscribe`, so a
 * person has one. An empty pattern ends it, even on an archive. Refuses with `unauthenticated`,
 * `unknown_event`, `event_archived` (subscribing to an archive) or `invalid_input` (too long, too
 * many terms, or a regular expression RE2 cannot run), storing nothing.
 */
export async function setSubscription(
  runtime: Runtime,
  who: Who,
  eventRef: string,
  pattern: string,
): Promise<Checked<{ pattern: string | null; reply: string }>> {
  const state = await runtime.models.getPublic(eventRef);
  if (!state) return failed('unknown_event', `There is no event “${eventRef.slice(0, 60)}”.`);
  const userId = who.actor?.userId;
  const channels = await alertChannelsOf(runtime, who);
  const current = userId ? await runtime.store.personal.subscriptionOf(state.event.id, userId) : null;
  if (!pattern.trim()) {
    const ended = unsubscribe(current, channels);
    if (!ended.ok) return ended;
    if (ended.effect && userId) await runtime.store.personal.removeSubscription(state.event.id, userId);
    return passed({ pattern: null, reply: ended.reply });
  }
  const archived = checkNotArchived(state.event, 'subscription');
  if (archived) return failedWith(archived);
  const decided = subscribe(current, { pattern, channels });
  if (!decided.ok) return decided;
  if (decided.effect && userId)
    await runtime.store.personal.saveSubscription(
      state.event.id,
      userId,
      decided.effect,
      runtime.clock.now(),
    );
  return passed({ pattern: decided.effect ?? current, reply: decided.reply });
}

/**
 * Adds a team (`#slug`) to the person's subscription, from the team's page: a subscription of
 * words keeps its words. Refuses like `setSubscription`, with `unknown_team`, and with
 * `invalid_input` when the subscription is a regular expression (edited as a whole on `/me`).
 */
export async function subscribeToTeam(
  runtime: Runtime,
  who: Who,
  eventRef: string,
  teamRef: string,
): Promise<Checked<{ pattern: string | null; reply: string }>> {
  const state = await runtime.models.getPublic(eventRef);
  if (!state) return failed('unknown_event', `There is no event “${eventRef.slice(0, 60)}”.`);
  const team = findTeam(state, teamRef);
  if (!team) return failed('unknown_team', `There is no team “${teamRef.slice(0, 60)}” here.`);
  const userId = who.actor?.userId;
  const current = userId ? await runtime.store.personal.subscriptionOf(state.event.id, userId) : null;
  if (!current) return setSubscription(runtime, who, eventRef, `#${team.slug}`);
  const filter = parseTopicFilter(current);
  if (filter.ok && filter.value.kind === 'regex')
    return failed(
      'invalid_input',
      'Your subscription is a regular expression; change it on your account page to add this team.',
    );
  if (filter.ok && filter.value.kind === 'terms' && filter.value.teams.includes(team.slug))
    return passed({ pattern: current, reply: `You already hear about ${team.slug}: ${current}` });
  return setSubscription(runtime, who, eventRef, `${current} #${team.slug}`);
}
