import type { Change } from '../changes.ts';
import { accept, type Decision, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { teamsForOrganiser } from './teams-for-organiser.ts';

/**
 * Organisers take teams off the official list (`~del`): each is withdrawn, its topics are cleared,
 * and its bookings of slots that have not started are released; bookings of started slots stay as
 * the record of what happened. All or nothing.
 * Refuses with `unauthenticated`, `forbidden`, `invalid_input` or `unknown_team`.
 */
export function withdrawTeams(state: EventState, input: { teams: readonly string[] }, ctx: Ctx): Decision {
  const named = teamsForOrganiser(
    state,
    input.teams,
    ctx,
    (team) => team.status !== 'withdrawn' && team.status !== 'declined',
  );
  if (!named.ok) return refused(named.refusal);
  const teams = named.value;
  const startOf = new Map(state.slots.map((slot) => [slot.id, slot.start]));
  const changes: Change[] = [];
  const said: string[] = [];
  for (const team of teams) {
    changes.push({ type: 'team.saved', team: { ...team, status: 'withdrawn' } });
    if (state.board[team.id]) changes.push({ type: 'board.cleaned', teamId: team.id });
    const bookings = state.bookings.filter((booking) => booking.teamId === team.id);
    const future = bookings.filter((booking) => (startOf.get(booking.slotId) ?? '') > ctx.now);
    for (const booking of future)
      changes.push({ type: 'booking.cancelled', bookingId: booking.id, override: false });
    const kept = bookings.length - future.length;
    said.push(
      `Withdrew ${team.slug}${future.length > 0 ? ` and released ${plural(future.length, 'booking')}` : ''}${kept > 0 ? ` (${plural(kept, 'booking')} of started slots stay on record)` : ''}.`,
    );
  }
  return accept(changes, said.join(' '));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
