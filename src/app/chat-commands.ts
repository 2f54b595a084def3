import type { Command } from '../core/chat-language/parse.ts';
import { parseCommand } from '../core/chat-language/parse.ts';
import {
  type CommandView,
  commandNeeds,
  type PersonalEffect,
  runCommand,
} from '../core/chat-language/run.ts';
import { type Refusal, type RefusalCode, refusal, unknownEvent } from '../core/errors.ts';
import type { Actor, Ctx } from '../core/model/actor.ts';
import type { EventState } from '../core/model/event-state.ts';
import { findTeam } from '../core/model/lookup.ts';
import { isIrcNick } from '../core/people/check-user.ts';
import { canSeeEvent } from '../core/permissions.ts';
import { alertChannelsOf } from './alerts.ts';
import { clashesOfChanges } from './clashes.ts';
import { contextOf } from './context-of.ts';
import { execute } from './execute.ts';
import { nickActor, nickMine, seenNick, storeNickEffect } from './nick-commands.ts';
import type { Runtime, Who } from './runtime.ts';

/** One line of the command language, from whichever adapter. */
export interface CommandRequest {
  /** the event's slug or id; null when there is none to act on yet */
  readonly event: string | null;
  readonly text: string;
  /**
   * who sent the line, or how to find out: the IRC bot may have to ask the server (WHOIS), so it
   * is asked only once the line turns out to be a command
   */
  readonly who: Who | (() => Promise<Who>);
  /**
   * A line without `#`, `+` or `~`: a personal command (private message, web box, API) or talk to
   * leave alone (a channel).
   */
  readonly bare: 'personal' | 'ignore';
  /** the IRC nick that sent the line: without an account, personal commands act for it */
  readonly nick?: string | null;
  /** said in a public channel: a nick's `+in` there lists it in "find people" */
  readonly publicChannel?: boolean;
}

/** What to say back, or nothing (talk in a channel that was not a command). */
export type CommandAnswer =
  | { readonly handled: false }
  | {
      readonly handled: true;
      readonly ok: boolean;
      readonly reply: string;
      /** the refusal's code when `ok` is false */
      readonly code: RefusalCode | null;
      /** meant for the sender alone: answers to personal commands */
      readonly private: boolean;
      /** something was stored */
      readonly changed: boolean;
    };

const notHandled: CommandAnswer = { handled: false };

/**
 * Runs a line of the command language for the chat bot, the web's command box and the API alike:
 * parse, load what the command needs, let the core decide, then commit event changes through
 * `execute()` (audit row with actor and source) or store the sender's own data.
 */
export async function runChatCommand(runtime: Runtime, request: CommandRequest): Promise<CommandAnswer> {
  const parsed = parseCommand(request.text, { bare: request.bare });
  if (parsed.kind === 'ignored') return notHandled;
  const state = request.event === null ? null : await runtime.models.get(request.event);
  if (parsed.kind === 'hint') {
    // "#hashtag words" in a channel is only a mistyped command when it names a real team.
    if (request.bare === 'ignore' && parsed.team !== null && !(state && findTeam(state, parsed.team)))
      return notHandled;
    return refused(refusal('invalid_input', parsed.hint), false);
  }
  const { command } = parsed;
  const isPrivate = command.spec.scope === 'personal';
  if (!state) {
    const missing =
      request.event === null
        ? refusal('unknown_event', 'There is no event to act on yet.')
        : unknownEvent(request.event);
    return refused(missing, isPrivate);
  }
  const sender = typeof request.who === 'function' ? await request.who() : request.who;
  const nick = isPrivate && !sender.actor && sender.source === 'irc' && request.nick ? request.nick : null;
  const who = nick ? { ...sender, actor: nickActor(nick) } : sender;
  if (!canSeeEvent(who.actor, state.event)) return refused(unknownEvent(request.event ?? ''), isPrivate);
  const ctx = contextOf(runtime, who);
  const loaded = await loadView(runtime, state, command, nick ? { actor: null, source: who.source } : who);
  const view = nick
    ? {
        ...loaded,
        mine: await nickMine(runtime, state, nick, request.publicChannel ?? false),
        seen: loaded.seen ?? (await seenOfNick(runtime, state, command)),
      }
    : { ...loaded, seen: loaded.seen ?? (await seenOfNick(runtime, state, command)) };
  const step = runCommand(command, view, ctx);
  if (step.kind === 'event') {
    const outcome = await execute(runtime, state.event.id, who, step.decide);
    if (!outcome.ok) return refused(outcome.refusal, isPrivate);
    // A booking says which teams sharing people with this one meet at the same time, a line each.
    const warnings = await clashesOfChanges(runtime, outcome.state, outcome.revision?.changes);
    const reply = [outcome.reply, ...warnings.map((warning) => `Note: ${warning.message}`)].join('\n');
    return answered(reply, isPrivate, outcome.revision !== null);
  }
  const { decision } = step;
  if (!decision.ok) return refused(decision.refusal, isPrivate);
  if (decision.effect && nick) await storeNickEffect(runtime, state, nick, decision.effect, view.mine, ctx);
  else if (decision.effect) await store(runtime, state, who.actor, decision.effect, ctx);
  return answered(decision.reply, isPrivate, decision.effect !== null);
}

/** `seen` about a nick that belongs to no account: what that nick said with `+in`, if anything. */
async function seenOfNick(runtime: Runtime, state: EventState, command: Command) {
  const asked = commandNeeds(command).seenNick;
  return asked && isIrcNick(asked) ? await seenNick(runtime, state, asked) : null;
}

function answered(reply: string, isPrivate: boolean, changed: boolean): CommandAnswer {
  return { handled: true, ok: true, reply, code: null, private: isPrivate, changed };
}

/** A refusal as a reply; one of several things at once adds a line for each item refused. */
function refused(found: Refusal, isPrivate: boolean): CommandAnswer {
  const parts = (found.parts ?? []).filter((part) => !part.ok).map((part) => `${part.item}: ${part.message}`);
  return {
    handled: true,
    ok: false,
    reply: [found.message, ...parts].join('\n'),
    code: found.code,
    private: isPrivate,
    changed: false,
  };
}

async function loadView(
  runtime: Runtime,
  state: EventState,
  command: Command,
  who: Who,
): Promise<CommandView> {
  const { actor } = who;
  const needs = commandNeeds(command);
  const personal = runtime.store.personal;
  const eventId = state.event.id;
  const userId = needs.mine ? actor?.userId : null;
  const [checkIn, subscription, me] = userId
    ? await Promise.all([
        personal.checkInOf(eventId, userId),
        personal.subscriptionOf(eventId, userId),
        runtime.store.findUser(userId),
      ])
    : [null, null, null];
  const asked =
    needs.seenNick && isIrcNick(needs.seenNick)
      ? await runtime.store.findUserByIrcNick(needs.seenNick)
      : null;
  return {
    state,
    mine: {
      checkIn,
      subscription,
      listed: me?.listedInFindPeople ?? false,
      channels: needs.mine ? await alertChannelsOf(runtime, who) : [],
    },
    seen: asked
      ? {
          name: asked.name,
          nick: asked.ircNick ?? needs.seenNick ?? '',
          listed: asked.listedInFindPeople,
          checkIn: await personal.checkInOf(eventId, asked.id),
        }
      : null,
  };
}

async function store(
  runtime: Runtime,
  state: EventState,
  actor: Actor | null,
  effect: PersonalEffect,
  ctx: Ctx,
): Promise<void> {
  const userId = actor?.userId;
  if (!userId) return;
  const personal = runtime.store.personal;
  switch (effect.type) {
    case 'check-in':
      return personal.saveCheckIn(state.event.id, effect.checkIn);
    case 'subscribe':
      return personal.saveSubscription(state.event.id, userId, effect.pattern, ctx.now);
    case 'unsubscribe':
      return personal.removeSubscription(state.event.id, userId);
  }
}
