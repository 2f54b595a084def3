import { type Checked, failedWith } from '../core/checked.ts';
import { unknownEvent } from '../core/errors.ts';
import type { Actor } from '../core/model/actor.ts';
import { type PersonHere, peopleHere } from '../core/people/presence.ts';
import type { Runtime } from './runtime.ts';

/**
 * "Find people" in an event for a signed-in person (see `peopleHere`).
 * Refuses with `unknown_event` or `unauthenticated`.
 */
export async function findPeople(
  runtime: Runtime,
  eventRef: string,
  actor: Actor | null,
): Promise<Checked<PersonHere[]>> {
  const state = await runtime.models.getFor(eventRef, actor);
  if (!state) return failedWith(unknownEvent(eventRef));
  const ctx = { actor, now: runtime.clock.now() };
  if (!actor?.userId) return peopleHere(state, [], ctx);
  // IRC nicks without an account are listed once they said `+in` in a public channel.
  const nicks = (await runtime.store.nicks.checkIns(state.event.id)).map((entry) => ({
    ...entry,
    name: entry.nick,
  }));
  return peopleHere(state, [...(await runtime.store.personal.checkIns(state.event.id)), ...nicks], ctx);
}
