import type { EventState } from '../model/event-state.ts';
import { addMinutes, type Instant } from '../model/instant.ts';
import type { Team } from '../model/team.ts';
import { sessionsOf, teamsOf } from './sessions.ts';

/** Days after the event's last hour when teams without a summary are reminded (decision 0041). */
export const summaryReminderAfterDays = 3;
/** Days after the event's last hour past which nobody is reminded any more: the moment has gone. */
export const summaryReminderUntilDays = 14;

const day = 24 * 60;

/** When the event's last hour ends, or null for an event without hours. */
export function eventEnd(state: Pick<EventState, 'slots'>): Instant | null {
  return state.slots.reduce<Instant | null>(
    (last, slot) => (last && last > slot.end ? last : slot.end),
    null,
  );
}

/**
 * The teams whose moderators are reminded to link a summary at `now`: approved teams that met in
 * at least one session (as host or guest), have moderators and no summary yet, from three days
 * after the event's last hour until fourteen days after it. Empty outside that window.
 */
export function teamsToRemindOfSummary(state: EventState, now: Instant): Team[] {
  const end = eventEnd(state);
  if (!end || now < addMinutes(end, summaryReminderAfterDays * day)) return [];
  if (now >= addMinutes(end, summaryReminderUntilDays * day)) return [];
  const met = new Set(sessionsOf(state).flatMap(teamsOf));
  return state.teams.filter(
    (team) =>
      team.status === 'approved' &&
      met.has(team.id) &&
      team.moderators.length > 0 &&
      state.summaries[team.id] === undefined,
  );
}
