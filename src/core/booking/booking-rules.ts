import { type Checked, failed, failedWith, passed } from '../checked.ts';
import type { Refusal } from '../errors.ts';
import { refusal } from '../errors.ts';
import type { Actor, Ctx } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { utcDay } from '../model/instant.ts';
import { findTeam } from '../model/lookup.ts';
import type { Slot } from '../model/slot.ts';
import type { Team } from '../model/team.ts';
import { checkTeamManager } from '../permissions.ts';
import { describeDuration, describeUtcDay, describeUtcTime } from '../text/describe-time.ts';
import { bookedMinutes, slotMinutes } from './booked-minutes.ts';

/**
 * Rule 6, first half: the team a booking (or another team-only act) is for, once the actor may act for it (its moderators or
 * an organiser; `~alloweveryone` never opens booking, and organisers may still act for a withdrawn
 * team). Refuses with `unauthenticated`, `unknown_team` or `forbidden`.
 */
export function bookingTeam(state: EventState, ref: string, ctx: Ctx): Checked<{ team: Team; actor: Actor }> {
  const { actor } = ctx;
  if (!actor) return failed('unauthenticated');
  const team = findTeam(state, ref);
  if (!team)
    return failed('unknown_team', `There is no team "${ref.replace(/^#/, '').slice(0, 60)}" in this event.`);
  const denied = checkTeamManager(actor, team);
  return denied ? failedWith(denied) : passed({ team, actor });
}

/** Rule 5: a slot that has started cannot be booked or released any more. */
export function checkNotStarted(slot: Slot, ctx: Ctx, roomName: string): Refusal | null {
  if (slot.start > ctx.now) return null;
  return refusal(
    'in_past',
    `${roomName} ${slot.code} started on ${describeUtcDay(slot.start)} at ${describeUtcTime(slot.start)} UTC; only slots that have not started can change.`,
  );
}

/** Rule 4: cross-project teams may book from one date, every other team from a later one. */
export function checkBookingOpen(state: EventState, team: Team, ctx: Ctx): Refusal | null {
  const { crossProjectOpensAt, othersOpenAt } = state.event.rules;
  const opensAt = team.crossProject ? crossProjectOpensAt : othersOpenAt;
  if (!opensAt || opensAt <= ctx.now) return null;
  const who = team.crossProject ? 'cross-project teams' : 'teams that are not cross-project';
  return refusal(
    'not_open',
    `Booking opens for ${who} like ${team.slug} on ${describeUtcDay(opensAt)} at ${describeUtcTime(opensAt)} UTC.`,
  );
}

/** Rule 3: minutes per UTC day and in total, counting the slot being added. */
export function checkCaps(state: EventState, team: Team, slot: Slot): Refusal | null {
  const { dailyCapMinutes, totalCapMinutes } = state.event.rules;
  const used = bookedMinutes(state, team.id);
  const adding = slotMinutes(slot);
  const day = utcDay(slot.start);
  const usedToday = used.byDay.get(day) ?? 0;
  if (dailyCapMinutes !== null && usedToday + adding > dailyCapMinutes) {
    return refusal(
      'daily_cap',
      `${team.slug} already has ${describeDuration(usedToday)} on ${describeUtcDay(slot.start)} (UTC); the daily limit is ${describeDuration(dailyCapMinutes)}.`,
    );
  }
  if (totalCapMinutes !== null && used.total + adding > totalCapMinutes) {
    return refusal(
      'total_cap',
      `${team.slug} already has ${describeDuration(used.total)} booked for the event; the limit is ${describeDuration(totalCapMinutes)} in total.`,
    );
  }
  return null;
}
