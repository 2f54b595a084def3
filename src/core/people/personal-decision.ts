import type { Refused } from '../decision.ts';

/**
 * What a rule about someone's own data decides (a check-in, a subscription): the effect to store
 * (`null`: nothing changes) with the reply, or the refusal. Such data lives outside the event's
 * revisions: it is personal, never part of the public history.
 */
export type PersonalDecision<E> =
  | { readonly ok: true; readonly effect: E | null; readonly reply: string }
  | Refused;

export function personal<E>(effect: E | null, reply: string): PersonalDecision<E> {
  return { ok: true, effect, reply };
}

/** The same decision with its effect, if any, turned into another shape. */
export function mapEffect<A, B>(decision: PersonalDecision<A>, map: (effect: A) => B): PersonalDecision<B> {
  if (!decision.ok) return decision;
  return personal(decision.effect === null ? null : map(decision.effect), decision.reply);
}
