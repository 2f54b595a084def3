import type { Source } from './actor.ts';
import type { Instant } from './instant.ts';

/** `assigned` by an organiser, or `self` booked by the team. */
export const bookingKinds = ['assigned', 'self'] as const;
export type BookingKind = (typeof bookingKinds)[number];

/** A team in a room during a slot. Cancelling keeps the row as history. */
export interface Booking {
  readonly id: string;
  readonly teamId: string;
  readonly roomId: string;
  readonly slotId: string;
  readonly kind: BookingKind;
  readonly createdBy: string | null;
  readonly createdAt: Instant;
  readonly source: Source;
  /** rules 3–5 were set aside by an organiser */
  readonly override: boolean;
  /** why the organiser set the rules aside, when they said */
  readonly overrideReason?: string;
}
