import type { Motd, Topic } from './model/board.ts';
import type { Booking } from './model/booking.ts';
import type { EventInfo } from './model/event.ts';
import type { Room } from './model/room.ts';
import type { SessionRecord, TeamSummary } from './model/session.ts';
import type { TeamSignup } from './model/signup.ts';
import type { Slot, Unavailability } from './model/slot.ts';
import type { Team } from './model/team.ts';

/**
 * Every change Convene commits, as plain JSON: the store persists it, the read models project it,
 * the stream forwards it, and the audit log keeps it. Payloads carry whole records so each consumer
 * can apply a change without asking for more.
 */
export type Change =
  | { readonly type: 'event.saved'; readonly event: EventInfo }
  | { readonly type: 'room.saved'; readonly room: Room }
  | { readonly type: 'room.removed'; readonly roomId: string }
  | {
      readonly type: 'grid.saved';
      readonly slots: readonly Slot[];
      readonly unavailable: readonly Unavailability[];
    }
  | {
      readonly type: 'cell.availability-set';
      readonly roomId: string;
      readonly slotId: string;
      readonly available: boolean;
    }
  | { readonly type: 'team.saved'; readonly team: Team }
  | { readonly type: 'booking.created'; readonly booking: Booking }
  | {
      readonly type: 'booking.cancelled';
      readonly bookingId: string;
      readonly override: boolean;
      /** why an organiser released a slot that had started, when they said */
      readonly reason?: string;
    }
  | { readonly type: 'board.now-set'; readonly teamId: string; readonly topic: Topic }
  | { readonly type: 'board.next-added'; readonly teamId: string; readonly topic: Topic }
  | { readonly type: 'board.cleaned'; readonly teamId: string }
  | { readonly type: 'motd.saved'; readonly motd: Motd }
  | { readonly type: 'motd.removed'; readonly motdId: string }
  | { readonly type: 'motd.reordered'; readonly order: readonly string[] }
  | { readonly type: 'signup.saved'; readonly signup: TeamSignup }
  | { readonly type: 'session.saved'; readonly session: SessionRecord }
  | { readonly type: 'session.removed'; readonly sessionId: string }
  | { readonly type: 'summary.saved'; readonly summary: TeamSummary };

export type ChangeType = Change['type'];

export type ChangeOf<T extends ChangeType> = Extract<Change, { type: T }>;

/** The first change of a type among a revision's changes. */
export function findChange<T extends ChangeType>(
  changes: readonly Change[] | undefined,
  type: T,
): ChangeOf<T> | undefined {
  return changes?.find((change): change is ChangeOf<T> => change.type === type);
}
