import type { CommandView, PersonalEffect } from '../core/chat-language/run.ts';
import type { Actor, Ctx } from '../core/model/actor.ts';
import type { EventState } from '../core/model/event-state.ts';
import { mergeCheckIn, mergeSubscription } from '../core/people/nick-merge.ts';
import type { SeenPerson } from '../core/people/presence.ts';
import { nickUserId } from '../store/nick-store.ts';
import type { Runtime } from './runtime.ts';

/**
 * People who never made an account use the personal commands on IRC as with ptgbot: `+in`, `+out`,
 * `+seen`, `subscribe` and `unsubscribe` act for their nick, kept by nick, and their topic alerts
 * come by private message. They show in "find people" only once they said `+in` in a public
 * channel, which is their consent to be seen there.
 */
export function nickActor(nick: string): Actor {
  return { userId: nickUserId(nick), name: nick, isOrganizer: false };
}

/** What a nick without an account has: its check-in, subscription, and whether it is listed. */
export async function nickMine(
  runtime: Runtime,
  state: EventState,
  nick: string,
  inChannel: boolean,
): Promise<CommandView['mine']> {
  const eventId = state.event.id;
  const [checkIn, subscription] = await Promise.all([
    runtime.store.nicks.checkInOf(eventId, nick),
    runtime.store.nicks.subscriptionOf(eventId, nick),
  ]);
  return {
    checkIn: checkIn?.checkIn ?? null,
    subscription,
    listed: inChannel || (checkIn?.listed ?? false),
    channels: ['irc'],
  };
}

/** `+seen` about a nick with no account: its check-in, when it agreed to be listed. */
export async function seenNick(
  runtime: Runtime,
  state: EventState,
  nick: string,
): Promise<SeenPerson | null> {
  const found = await runtime.store.nicks.checkInOf(state.event.id, nick);
  return found ? { name: nick, nick, listed: found.listed, checkIn: found.checkIn } : null;
}

/** Stores what a personal command of a nick without an account decided. */
export async function storeNickEffect(
  runtime: Runtime,
  state: EventState,
  nick: string,
  effect: PersonalEffect,
  mine: CommandView['mine'],
  ctx: Ctx,
): Promise<void> {
  const nicks = runtime.store.nicks;
  switch (effect.type) {
    case 'check-in':
      return nicks.saveCheckIn(state.event.id, nick, effect.checkIn, mine.listed);
    case 'subscribe':
      return nicks.saveSubscription(state.event.id, nick, effect.pattern, ctx.now);
    case 'unsubscribe':
      return nicks.removeSubscription(state.event.id, nick);
  }
}

/**
 * A nick is linked to an account (on `/me`, by accepting a claim, on registering, or by an
 * organiser on the command line): what it held without an account — check-ins and topic
 * subscriptions, in every event — becomes the account's, merged so that nothing is there twice
 * (`mergeCheckIn`, `mergeSubscription`), and the nick's own records go.
 */
export async function moveNickHoldings(runtime: Runtime, userId: string, nick: string): Promise<void> {
  const { nicks, personal } = runtime.store;
  const held = await nicks.holdingsOf(nick);
  for (const { eventId, checkIn } of held.checkIns) {
    const merged = mergeCheckIn(await personal.checkInOf(eventId, userId), checkIn, userId);
    if (merged) await personal.saveCheckIn(eventId, merged);
  }
  for (const { eventId, pattern, at } of held.subscriptions) {
    const merged = mergeSubscription(await personal.subscriptionOf(eventId, userId), pattern);
    if (merged) await personal.saveSubscription(eventId, userId, merged, at);
  }
  if (held.checkIns.length + held.subscriptions.length > 0) await nicks.forget(nick);
}
