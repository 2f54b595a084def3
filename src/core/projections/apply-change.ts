import type { Change } from '../changes.ts';
import type { TrackStatus } from '../model/board.ts';
import { type EventState, emptyTrackStatus } from '../model/event-state.ts';
import { byCell, byCreation, byPosition, compareText } from '../model/order.ts';

/**
 * The event after one committed change: how every process keeps its in-memory copy current.
 * Pure and total: a change about something unknown leaves the state as it was.
 */
export function applyChange(state: EventState, change: Change): EventState {
  switch (change.type) {
    case 'event.saved':
      return { ...state, event: change.event };
    case 'room.saved':
      return { ...state, rooms: upsertInOrder(state.rooms, change.room, byPosition) };
    case 'room.removed':
      return {
        ...state,
        rooms: state.rooms.filter((room) => room.id !== change.roomId),
        unavailable: state.unavailable.filter((cell) => cell.roomId !== change.roomId),
      };
    case 'grid.saved':
      return { ...state, slots: change.slots, unavailable: [...change.unavailable].sort(byCell) };
    case 'cell.availability-set': {
      const { roomId, slotId } = change;
      const others = state.unavailable.filter((cell) => !(cell.roomId === roomId && cell.slotId === slotId));
      return {
        ...state,
        unavailable: change.available ? others : [...others, { roomId, slotId }].sort(byCell),
      };
    }
    case 'team.saved': {
      const team = { ...change.team, moderators: [...change.team.moderators].sort(compareText) };
      return { ...state, teams: upsertInOrder(state.teams, team, byCreation) };
    }
    case 'booking.created':
      return { ...state, bookings: upsertInOrder(state.bookings, change.booking, byCreation) };
    case 'booking.cancelled':
      return { ...state, bookings: state.bookings.filter((booking) => booking.id !== change.bookingId) };
    case 'board.now-set':
      return withStatus(state, change.teamId, () => ({ now: change.topic, next: [] }));
    case 'board.next-added':
      return withStatus(state, change.teamId, (status) => ({
        ...status,
        next: [...status.next, change.topic],
      }));
    case 'board.cleaned': {
      const { [change.teamId]: _cleaned, ...board } = state.board;
      return { ...state, board };
    }
    case 'motd.saved':
      return { ...state, motd: upsert(state.motd, change.motd) };
    case 'motd.removed':
      return { ...state, motd: state.motd.filter((motd) => motd.id !== change.motdId) };
    case 'motd.reordered': {
      const byId = new Map(state.motd.map((motd) => [motd.id, motd]));
      const ordered = change.order.flatMap((id) => byId.get(id) ?? []);
      const rest = state.motd.filter((motd) => !change.order.includes(motd.id));
      return { ...state, motd: [...ordered, ...rest] };
    }
    case 'signup.saved':
      return { ...state, signups: { ...state.signups, [change.signup.teamId]: change.signup } };
    case 'session.saved':
      return { ...state, sessions: { ...state.sessions, [change.session.id]: change.session } };
    case 'session.removed': {
      const { [change.sessionId]: _removed, ...sessions } = state.sessions;
      return { ...state, sessions };
    }
    case 'summary.saved':
      return { ...state, summaries: { ...state.summaries, [change.summary.teamId]: change.summary } };
  }
}

/** Applies a committed revision's changes and records the new revision. */
export function applyRevision(state: EventState, revision: number, changes: readonly Change[]): EventState {
  return { ...changes.reduce(applyChange, state), revision };
}

/**
 * Replaces or inserts an item where `order` puts it, without sorting the whole list: replaying a
 * long change log stays linear per change.
 */
function upsertInOrder<T extends { id: string }>(
  items: readonly T[],
  item: T,
  order: (a: T, b: T) => number,
): T[] {
  const rest = items.filter((candidate) => candidate.id !== item.id);
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(rest[middle] as T, item) <= 0) low = middle + 1;
    else high = middle;
  }
  rest.splice(low, 0, item);
  return rest;
}

function upsert<T extends { id: string }>(items: readonly T[], item: T): T[] {
  const index = items.findIndex((candidate) => candidate.id === item.id);
  if (index === -1) return [...items, item];
  return items.map((candidate, at) => (at === index ? item : candidate));
}

function withStatus(
  state: EventState,
  teamId: string,
  update: (status: TrackStatus) => TrackStatus,
): EventState {
  return { ...state, board: { ...state.board, [teamId]: update(state.board[teamId] ?? emptyTrackStatus) } };
}
