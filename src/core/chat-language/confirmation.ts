import type { Change } from '../changes.ts';
import { type Decision, refuse } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { count } from '../text/count.ts';
import type { Command } from './parse.ts';

/**
 * Destructive organiser commands run in two steps: the first answer says what would change and
 * gives a code; the same command followed by `confirm CODE` does it. The code is a digest of who
 * asks, the command and what it would change, so it needs no storage, holds on every process, and
 * stops matching by itself when the event changes in a way that alters the effect. It guards
 * against slips, not against attackers: the sender is already an organiser.
 * Passes refusals and no-op decisions through; otherwise refuses with `confirmation_required`.
 */
export function withConfirmation(
  state: EventState,
  command: Command,
  ctx: Ctx,
  decision: Decision,
): Decision {
  if (!decision.ok || decision.changes.length === 0) return decision;
  const asked = commandText(command);
  const effect = summariseChanges(state, decision.changes);
  const code = confirmationCode(`${ctx.actor?.userId ?? ctx.actor?.name ?? ''}\n${asked}\n${effect}`);
  if (command.confirm === code) return decision;
  const stale = command.confirm === null ? '' : 'That code does not match what the command would do now. ';
  return refuse(
    'confirmation_required',
    `${stale}${asked} would ${effect}. To go ahead, send: ${asked} confirm ${code}`,
  );
}

/** The command as the organiser would type it again, without any confirmation. */
function commandText(command: Command): string {
  return [`~${command.spec.name}`, ...command.args].join(' ');
}

/** "withdraw nova, release 3 bookings and clear the topics of 1 team". */
export function summariseChanges(state: EventState, changes: readonly Change[]): string {
  const withdrawn: string[] = [];
  let locations = 0;
  let boards = 0;
  let bookings = 0;
  let banners = 0;
  let other = 0;
  for (const change of changes) {
    if (change.type === 'team.saved') {
      const before = state.teams.find((team) => team.id === change.team.id);
      if (change.team.status === 'withdrawn' && before?.status !== 'withdrawn')
        withdrawn.push(change.team.slug);
      else if (before?.location && change.team.location === null) locations++;
      else other++;
    } else if (change.type === 'board.cleaned') boards++;
    else if (change.type === 'booking.cancelled') bookings++;
    else if (change.type === 'motd.removed') banners++;
    else other++;
  }
  const parts = [
    withdrawn.length > 0 ? `withdraw ${withdrawn.join(', ')}` : '',
    bookings > 0 ? `release ${count(bookings, 'booking')}` : '',
    boards > 0 ? `clear the topics of ${count(boards, 'team')}` : '',
    locations > 0 ? `clear the location of ${count(locations, 'team')}` : '',
    banners > 0 ? `remove ${count(banners, 'banner')}` : '',
    other > 0 ? `make ${count(other, 'other change')}` : '',
  ].filter(Boolean);
  return parts.length > 1
    ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
    : (parts[0] ?? 'change nothing');
}

/** Five characters of a 32-bit FNV-1a digest, in base 36. */
export function confirmationCode(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(5, '0').slice(-5);
}
