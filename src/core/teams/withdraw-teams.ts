import type { Change } from '../changes.ts';
import { accept, type Decision, refused } from '../decision.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import type { Instant } from '../model/instant.ts';
import { isLiveTeam, type Team } from '../model/team.ts';
import { outcome } from '../signups/review-signup.ts';
import { count } from '../text/count.ts';
import { teamsForOrganiser } from './teams-for-organiser.ts';

/**
 * Organisers take teams off the official list (`~del`), each as `withdrawal` says. All or nothing.
 * Refuses with `unauthenticated`, `forbidden`, `invalid_input` or `unknown_team`.
 */
export function withdrawTeams(state: EventState, input: { teams: readonly string[] }, ctx: Ctx): Decision {
  const named = teamsForOrganiser(state, input.teams, ctx, isLiveTeam);
  if (!named.ok) return refused(named.refusal);
  const startOf = slotStarts(state);
  const withdrawals = named.value.map((team) => withdrawal(state, team, ctx.now, null, startOf));
  return accept(
    withdrawals.flatMap((each) => each.changes),
    withdrawals.map((each) => each.said).join(' '),
  );
}

/**
 * What withdrawing one team changes, whoever asks and however: the team leaves the official list,
 * its topics are cleared, its bookings of slots that have not started are released (bookings of
 * started slots stay as the record of what happened), and its sign-up, if any, is closed as
 * withdrawn with the reason. `said` tells what was done. A caller withdrawing several teams passes
 * each slot's start by slot id, made once for all of them.
 */
export function withdrawal(
  state: EventState,
  team: Team,
  now: Instant,
  reason: string | null,
  startOf: ReadonlyMap<string, Instant> = slotStarts(state),
): { changes: Change[]; said: string } {
  const bookings = state.bookings.filter((booking) => booking.teamId === team.id);
  const future = bookings.filter((booking) => (startOf.get(booking.slotId) ?? '') > now);
  const changes: Change[] = [
    { type: 'team.saved', team: { ...team, status: 'withdrawn' } },
    ...(state.board[team.id] ? [{ type: 'board.cleaned', teamId: team.id } as const] : []),
    ...future.map(
      (booking) => ({ type: 'booking.cancelled', bookingId: booking.id, override: false }) as const,
    ),
    ...outcome(state, team, { kind: 'withdrawn', at: now, reason, mergedInto: null }),
  ];
  const kept = bookings.length - future.length;
  const released = future.length > 0 ? ` and released ${count(future.length, 'booking')}` : '';
  const stay = kept > 0 ? ` (${count(kept, 'booking')} of started slots stay on record)` : '';
  return { changes, said: `Withdrew ${team.name} (${team.slug})${released}${stay}.` };
}

/** Each slot's start, by slot id. */
function slotStarts(state: EventState): Map<string, Instant> {
  return new Map(state.slots.map((slot) => [slot.id, slot.start]));
}
