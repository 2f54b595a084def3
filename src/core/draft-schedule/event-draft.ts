import type { Instant } from '../model/instant.ts';
import type { DescribedDraft } from './describe-draft.ts';
import type { Draft, DraftCost } from './draft-instance.ts';

/** How a draft compares with the bookings the event has now. */
export interface DraftComparison {
  /** the cost of the current bookings under the same instance */
  readonly cost: DraftCost;
  /** bookings the draft keeps as they are */
  readonly kept: number;
  /** bookings the draft would make */
  readonly added: number;
  /** bookings the draft would release */
  readonly released: number;
}

/**
 * A draft schedule made for an event, as it is kept until it is applied or expires: the draft (ids
 * are team slugs, room slugs and slot codes), its cost in words, how it compares with the bookings
 * it was made from, and those bookings' ids.
 */
export interface EventDraft {
  readonly id: string;
  readonly eventId: string;
  readonly createdAt: Instant;
  /** the organiser who asked for it (null: Convene itself, e.g. the command line) */
  readonly createdBy: string | null;
  /** ids of the event's bookings when it was made; it applies only to those */
  readonly basis: readonly string[];
  readonly draft: Draft;
  readonly words: DescribedDraft;
  readonly current: DraftComparison;
  /** when it was applied, if it was */
  readonly appliedAt: Instant | null;
}
