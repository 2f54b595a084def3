import type { Change } from './changes.ts';
import { type Refusal, type RefusalCode, refusal } from './errors.ts';
import type { Ctx } from './model/actor.ts';
import type { EventState } from './model/event-state.ts';
import { applyChange } from './projections/apply-change.ts';

/**
 * What a core rule returns: the changes to commit, or the refusal to show.
 * `reply` is the short confirmation adapters may show (chat, command box).
 */
export type Decision = Accepted | Refused;

export interface Accepted {
  readonly ok: true;
  readonly changes: readonly Change[];
  readonly reply: string;
}

export interface Refused {
  readonly ok: false;
  readonly refusal: Refusal;
}

export function accept(changes: readonly Change[], reply: string): Accepted {
  return { ok: true, changes, reply };
}

export function refuse(code: RefusalCode, message?: string): Refused {
  return { ok: false, refusal: refusal(code, message) };
}

export function refused(value: Refusal): Refused {
  return { ok: false, refusal: value };
}

/**
 * Several rules decided one after another on the state each leaves behind, committed together or
 * not at all: the first refusal wins, and replies are joined.
 */
export function inSequence(
  state: EventState,
  ctx: Ctx,
  steps: readonly ((state: EventState, ctx: Ctx) => Decision)[],
): Decision {
  const changes: Change[] = [];
  const replies: string[] = [];
  let current = state;
  for (const step of steps) {
    const decision = step(current, ctx);
    if (!decision.ok) return decision;
    changes.push(...decision.changes);
    if (decision.reply) replies.push(decision.reply);
    current = decision.changes.reduce(applyChange, current);
  }
  return accept(changes, replies.join(' '));
}
