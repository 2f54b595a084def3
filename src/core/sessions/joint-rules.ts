import { bookedMinutes } from '../booking/booked-minutes.ts';
import { checkCaps } from '../booking/booking-rules.ts';
import { type Refusal, refusal } from '../errors.ts';
import type { Booking } from '../model/booking.ts';
import type { EventState } from '../model/event-state.ts';
import { utcDay } from '../model/instant.ts';
import type { Slot } from '../model/slot.ts';
import type { Team } from '../model/team.ts';
import { applyChange } from '../projections/apply-change.ts';
import { describeDuration, describeUtcDay } from '../text/describe-time.ts';
import { acceptedGuests, sessionOfBooking } from './sessions.ts';
import { teamBusyAt } from './team-presence.ts';

/** `team_busy`, naming where the team is instead (its own room, or another team's joint session). */
export function busyRefusal(
  state: EventState,
  team: Team,
  where: { roomId: string; hostId: string },
  when: string,
): Refusal {
  const room = state.rooms.find((candidate) => candidate.id === where.roomId)?.name ?? 'another room';
  if (where.hostId === team.id)
    return refusal('team_busy', `${team.slug} already meets in ${room} on ${when}.`);
  const host = state.teams.find((candidate) => candidate.id === where.hostId)?.slug ?? 'another team';
  return refusal('team_busy', `${team.slug} is in ${host}'s joint session in ${room} on ${when}.`);
}

/**
 * A booking that lengthens a joint session takes its guests along: each must be free in the new
 * slot (`team_busy`) and, when joint time counts for every team, within its caps (`daily_cap`,
 * `total_cap`; organisers may set the caps aside).
 */
export function checkGuestsFollow(
  state: EventState,
  booking: Booking,
  slot: Slot,
  when: string,
  override: boolean,
): Refusal | null {
  if (Object.keys(state.sessions).length === 0) return null;
  const after = applyChange(state, { type: 'booking.created', booking });
  const session = sessionOfBooking(after, booking);
  if (!session) return null;
  for (const guest of acceptedGuests(session)) {
    const team = state.teams.find((candidate) => candidate.id === guest.teamId);
    if (!team) continue;
    const busy = teamBusyAt(state, team.id, slot.id);
    if (busy) return busyRefusal(state, team, busy, when);
    const capped = state.event.rules.jointCaps === 'every-team' ? checkCaps(state, team, slot) : null;
    if (capped && !override) return capped;
  }
  return null;
}

/**
 * When joint time counts for every team, a guest joining a session must stay within its daily and
 * total caps with the session's time added (`daily_cap`, `total_cap`). `after` is the event with
 * the guest already in the session.
 */
export function checkJointCaps(after: EventState, team: Team, slots: readonly Slot[]): Refusal | null {
  if (after.event.rules.jointCaps !== 'every-team') return null;
  const { dailyCapMinutes, totalCapMinutes } = after.event.rules;
  const used = bookedMinutes(after, team.id);
  for (const slot of slots) {
    const usedThatDay = used.byDay.get(utcDay(slot.start)) ?? 0;
    if (dailyCapMinutes !== null && usedThatDay > dailyCapMinutes) {
      return refusal(
        'daily_cap',
        `${team.slug} would have ${describeDuration(usedThatDay)} on ${describeUtcDay(slot.start)} (UTC) with this joint session; the daily limit is ${describeDuration(dailyCapMinutes)}, and joint time counts for every team at this event.`,
      );
    }
  }
  if (totalCapMinutes !== null && used.total > totalCapMinutes) {
    return refusal(
      'total_cap',
      `${team.slug} would have ${describeDuration(used.total)} in all with this joint session; the limit is ${describeDuration(totalCapMinutes)}, and joint time counts for every team at this event.`,
    );
  }
  return null;
}
