import { accept, type Decision, refuse, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import { type MotdLevel, motdLevels } from '../model/board.ts';
import type { EventState } from '../model/event-state.ts';
import { parseInstant } from '../model/instant.ts';
import { checkOrganizer } from '../permissions.ts';
import { checkName } from '../text/check-name.ts';

export const maxMotdLength = 500;

/**
 * Organisers add a banner at the end of the list.
 * Refuses with `unauthenticated`, `forbidden` or `invalid_input`.
 */
export function addMotd(
  state: EventState,
  input: { level: string; message: string; expiresAt?: string | null },
  ctx: Ctx,
): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const level = input.level.trim().toLowerCase();
  if (!isMotdLevel(level)) {
    return refuse(
      'invalid_input',
      `"${input.level.slice(0, 20)}" is not a banner level: use ${motdLevels.join(', ')}.`,
    );
  }
  const message = checkName(input.message, 'banner text', maxMotdLength);
  if (!message.ok) return refused(message.refusal);
  const expiresAt = input.expiresAt ? parseInstant(input.expiresAt) : null;
  if (input.expiresAt && !expiresAt) {
    return refuse(
      'invalid_input',
      'The expiry must be a date and time with its zone, like 2022-10-18T17:00:00Z.',
    );
  }
  if (expiresAt && expiresAt <= ctx.now)
    return refuse('invalid_input', 'The banner would expire before it shows.');
  const motd = { id: ctx.newId(), level, message: message.value, expiresAt };
  return accept([{ type: 'motd.saved', motd }], `Banner ${state.motd.length + 1} added (${level}).`);
}

/** Organisers remove banner number `position` (1-based, as listed). */
export function removeMotd(state: EventState, input: { position: number }, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const motd = state.motd[input.position - 1];
  if (!Number.isInteger(input.position) || !motd)
    return refuse('unknown_motd', noSuchBanner(state, input.position));
  return accept([{ type: 'motd.removed', motdId: motd.id }], `Banner ${input.position} removed.`);
}

/** Organisers put the banners in a new order, naming every position once (`3 1 2`). */
export function reorderMotd(state: EventState, input: { positions: readonly number[] }, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  const count = state.motd.length;
  const sorted = [...input.positions].sort((a, b) => a - b);
  if (sorted.length !== count || sorted.some((position, index) => position !== index + 1)) {
    return refuse(
      'invalid_input',
      `Name each of the ${count} banners once, in the new order (for example ${orderExample(count)}).`,
    );
  }
  const order = input.positions.map((position) => state.motd[position - 1]?.id ?? '');
  return accept([{ type: 'motd.reordered', order }], 'Banners reordered.');
}

/** Organisers remove every banner. */
export function cleanMotd(state: EventState, ctx: Ctx): Decision {
  const denied = checkOrganizer(ctx.actor);
  if (denied) return refused(denied);
  if (state.motd.length === 0) return accept([], 'There are no banners.');
  return accept(
    state.motd.map((motd) => ({ type: 'motd.removed' as const, motdId: motd.id })),
    'All banners removed.',
  );
}

function isMotdLevel(level: string): level is MotdLevel {
  return (motdLevels as readonly string[]).includes(level);
}

function noSuchBanner(state: EventState, position: number): string {
  const count = state.motd.length;
  if (count === 0) return 'There are no banners.';
  return `There is no banner ${String(position).slice(0, 10)}; banners are numbered 1 to ${count}.`;
}

function orderExample(count: number): string {
  return Array.from({ length: Math.max(count, 1) }, (_, index) => count - index).join(' ');
}
