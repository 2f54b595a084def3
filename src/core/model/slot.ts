import type { Instant } from './instant.ts';

/** One interval of the event's grid, the same for every room. */
export interface Slot {
  readonly id: string;
  /** short name people type, e.g. `tue13` (or `MonA1` from a ptgbot import); unique in the event, matched in any case */
  readonly code: string;
  readonly start: Instant;
  readonly end: Instant;
  /** the name of the window the slot belongs to */
  readonly window: string;
}

/** A room that cannot be used in a slot. */
export interface Unavailability {
  readonly roomId: string;
  readonly slotId: string;
}
