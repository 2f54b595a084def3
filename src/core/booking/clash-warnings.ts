import type { EventState } from '../model/event-state.ts';
import type { Team } from '../model/team.ts';
import type { SharedPeople } from '../shared-people/shared-people.ts';
import { count } from '../text/count.ts';

/** Why a clash matters, strongest first: an asked-for avoidance, a shared moderator, shared people. */
export type ClashCode = 'clash_avoided' | 'clash_moderators' | 'clash_people';

/** A team that shares people with the booking team and meets in some of the same hours. */
export interface ClashWarning {
  readonly code: ClashCode;
  readonly message: string;
  /** the other team's slug (a list, so a warning about several teams keeps the same shape) */
  readonly teams: readonly string[];
  /** people whose teams include both (followers and moderators) */
  readonly people: number;
  /** the codes of the hours both meet in, in time order */
  readonly slots: readonly string[];
}

/**
 * Which teams tied to `team` (in the event's shared-people model) meet in any of `slotIds`, heaviest
 * tie first. Warnings never refuse: they say who would miss what, so the moderator can choose.
 */
export function clashWarnings(
  state: EventState,
  shared: SharedPeople,
  team: Team,
  slotIds: Iterable<string>,
): ClashWarning[] {
  const hours = new Set(slotIds);
  const meeting = new Map<string, Set<string>>();
  for (const booking of state.bookings) {
    if (booking.teamId === team.id || !hours.has(booking.slotId)) continue;
    const slots = meeting.get(booking.teamId) ?? new Set<string>();
    slots.add(booking.slotId);
    meeting.set(booking.teamId, slots);
  }
  return shared.tiesOf(team.id).flatMap(({ team: otherId, tie }): ClashWarning[] => {
    const together = meeting.get(otherId);
    const other = state.teams.find((candidate) => candidate.id === otherId);
    if (!together || !other) return [];
    const slots = state.slots.filter((slot) => together.has(slot.id)).map((slot) => slot.code);
    const moderators = team.moderators.filter((userId) => other.moderators.includes(userId)).length;
    const then = `${other.slug} meets then (${slots.join(', ')})`;
    const both =
      tie.people > 0 ? ` ${people(tie.people)} ${tie.people === 1 ? 'follows' : 'follow'} both.` : '';
    const base = { teams: [other.slug], people: tie.people, slots };
    if (tie.avoided) {
      const asker = state.signups[team.id]?.avoidClashes.includes(other.id) ? team : other;
      const avoided = asker === team ? other : team;
      return [
        {
          ...base,
          code: 'clash_avoided',
          message: `${asker.slug} asked not to meet at the same time as ${avoided.slug}, and ${then}.${both}`,
        },
      ];
    }
    if (moderators > 0) {
      const who = `${count(moderators, 'moderator')} of ${team.slug} also ${moderators === 1 ? 'moderates' : 'moderate'}`;
      return [{ ...base, code: 'clash_moderators', message: `${who} ${other.slug}, and ${then}.${both}` }];
    }
    if (tie.people === 0) return [];
    const who = `${people(tie.people)} who ${tie.people === 1 ? 'follows' : 'follow'}`;
    return [
      {
        ...base,
        code: 'clash_people',
        message: `${who} ${team.slug} also ${tie.people === 1 ? 'follows' : 'follow'} ${other.slug}, which meets then (${slots.join(', ')}).`,
      },
    ];
  });
}

function people(number: number): string {
  return number === 1 ? '1 person' : `${number} people`;
}
