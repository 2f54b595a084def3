import type { EventState } from '../model/event-state.ts';
import { minutesBetween, utcDay } from '../model/instant.ts';
import type { Room } from '../model/room.ts';
import type { TeamSummary } from '../model/session.ts';
import type { Team } from '../model/team.ts';
import { type Session, sessionsOf, teamsOf } from './sessions.ts';

/** A session as the report lists it: who met, where, when, and how many came. */
export interface ReportSession {
  readonly session: Session;
  readonly teams: readonly Team[];
  readonly room: Room | null;
  readonly headcount: number | null;
}

/**
 * The public figures of an event, from its bookings and sessions as they stand at `now`: only
 * sessions that have started count as met. Pure, so the page, its CSV files and the tests agree.
 */
export interface EventReport {
  readonly teamsMet: number;
  readonly sessions: readonly ReportSession[];
  readonly jointSessions: number;
  /** approved or booked teams, most hours booked first: booked hours against hours asked at sign-up */
  readonly hoursByTeam: readonly {
    readonly team: Team;
    readonly booked: number;
    readonly asked: number | null;
  }[];
  /** head-counts summed per UTC day of the session's start, in day order */
  readonly headcountsByDay: readonly {
    readonly day: string;
    readonly people: number;
    readonly sessions: number;
  }[];
  /** hours booked per room, in room order, with the share of the room's open hours */
  readonly roomUse: readonly { readonly room: Room; readonly hours: number; readonly open: number }[];
  /** hours booked per window of the day, busiest first */
  readonly windows: readonly { readonly window: string; readonly hours: number }[];
  /** teams' summaries, by team name */
  readonly summaries: readonly { readonly team: Team; readonly summary: TeamSummary }[];
}

export function eventReport(state: EventState, now: string): EventReport {
  const teamOf = new Map(state.teams.map((team) => [team.id, team]));
  const slotOf = new Map(state.slots.map((slot) => [slot.id, slot]));
  const held = sessionsOf(state).filter((session) => session.start <= now);
  const sessions = held.map(
    (session): ReportSession => ({
      session,
      teams: teamsOf(session).flatMap((id) => teamOf.get(id) ?? []),
      room: state.rooms.find((room) => room.id === session.roomId) ?? null,
      headcount: session.record?.headcount?.count ?? null,
    }),
  );
  const met = new Set(sessions.flatMap((entry) => entry.teams.map((team) => team.id)));
  const hoursOf = (slotId: string) => {
    const slot = slotOf.get(slotId);
    return slot ? minutesBetween(slot.start, slot.end) / 60 : 0;
  };
  const booked = new Map<string, number>();
  const byRoom = new Map<string, number>();
  const byWindow = new Map<string, number>();
  for (const booking of state.bookings) {
    const hours = hoursOf(booking.slotId);
    booked.set(booking.teamId, (booked.get(booking.teamId) ?? 0) + hours);
    byRoom.set(booking.roomId, (byRoom.get(booking.roomId) ?? 0) + hours);
    const window = slotOf.get(booking.slotId)?.window ?? '';
    byWindow.set(window, (byWindow.get(window) ?? 0) + hours);
  }
  const closed = new Set(state.unavailable.map((cell) => `${cell.roomId}/${cell.slotId}`));
  const days = new Map<string, { people: number; sessions: number }>();
  for (const entry of sessions) {
    if (entry.headcount === null) continue;
    const day = utcDay(entry.session.start);
    const sum = days.get(day) ?? { people: 0, sessions: 0 };
    days.set(day, { people: sum.people + entry.headcount, sessions: sum.sessions + 1 });
  }
  return {
    teamsMet: met.size,
    sessions,
    jointSessions: sessions.filter((entry) => entry.teams.length > 1).length,
    hoursByTeam: state.teams
      .filter((team) => team.status === 'approved' || booked.has(team.id))
      .map((team) => ({
        team,
        booked: booked.get(team.id) ?? 0,
        asked: state.signups[team.id]?.hoursWanted ?? null,
      }))
      .sort((a, b) => b.booked - a.booked || a.team.name.localeCompare(b.team.name, 'en')),
    headcountsByDay: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, sum]) => ({ day, ...sum })),
    roomUse: state.rooms.map((room) => ({
      room,
      hours: byRoom.get(room.id) ?? 0,
      open: state.slots
        .filter((slot) => !closed.has(`${room.id}/${slot.id}`))
        .reduce((sum, slot) => sum + hoursOf(slot.id), 0),
    })),
    windows: [...byWindow.entries()]
      .map(([window, hours]) => ({ window, hours }))
      .sort((a, b) => b.hours - a.hours || a.window.localeCompare(b.window, 'en')),
    summaries: Object.values(state.summaries)
      .flatMap((summary) => {
        const team = teamOf.get(summary.teamId);
        return team ? [{ team, summary }] : [];
      })
      .sort((a, b) => a.team.name.localeCompare(b.team.name, 'en')),
  };
}

/**
 * People checked in with a team of the session while it ran (checked in before it ended, not out
 * before it began): shown beside the head-count, never added to it. Convene keeps each person's
 * latest check-in only, so this counts at least those still on record.
 */
export function checkInsDuring(
  checkIns: readonly { readonly teamId: string | null; readonly at: string; readonly outAt: string | null }[],
  session: Pick<ReportSession, 'session' | 'teams'>,
): number {
  const teams = new Set(session.teams.map((team) => team.id));
  return checkIns.filter(
    (checkIn) =>
      checkIn.teamId !== null &&
      teams.has(checkIn.teamId) &&
      checkIn.at < session.session.end &&
      (checkIn.outAt === null || checkIn.outAt > session.session.start),
  ).length;
}

/**
 * Check-ins per hour (UTC) they were made, in time order, hours without any left out. Convene keeps
 * each person's latest check-in only, so earlier ones of the same person are not in it.
 */
export function checkInsByHour(
  checkIns: readonly { readonly at: string }[],
): { readonly hour: string; readonly checkIns: number }[] {
  const hours = new Map<string, number>();
  for (const checkIn of checkIns) {
    const hour = `${checkIn.at.slice(0, 13)}:00:00Z`;
    hours.set(hour, (hours.get(hour) ?? 0) + 1);
  }
  return [...hours.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([hour, count]) => ({ hour, checkIns: count }));
}
