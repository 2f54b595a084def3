import type { Instant } from './instant.ts';

/** How an invited team stands in a session: asked, in it, or not coming. */
export const guestStatuses = ['invited', 'accepted', 'declined'] as const;
export type GuestStatus = (typeof guestStatuses)[number];

/** Another team asked into a session by its host. */
export interface SessionGuest {
  readonly teamId: string;
  readonly status: GuestStatus;
  readonly invitedAt: Instant;
  /** when the invited team (or an organiser) accepted or declined; null while only invited */
  readonly answeredAt: Instant | null;
}

/** How many people a moderator counted in a session, and when. */
export interface Headcount {
  readonly count: number;
  readonly at: Instant;
}

/**
 * What people add to a session beyond its bookings: a title, an agenda in Markdown, its own links,
 * the teams invited in, and a head-count. Keyed by one of the session's bookings (the anchor): a
 * session is the host's back-to-back bookings in one room, so it has no row of its own.
 */
export interface SessionRecord {
  /** the id of a booking of the session (see `sessionsOf`) */
  readonly id: string;
  readonly title: string;
  readonly agenda: string;
  readonly etherpadUrl: string | null;
  readonly recordingUrl: string | null;
  /** in the order they were invited */
  readonly guests: readonly SessionGuest[];
  readonly headcount: Headcount | null;
  readonly updatedAt: Instant;
}

/** A team's summary of the event (a mailing-list post, a blog) and its notes, linked afterwards. */
export interface TeamSummary {
  readonly teamId: string;
  readonly summaryUrl: string;
  readonly notesUrl: string | null;
  readonly at: Instant;
}

/** How time in a joint session counts against the caps: the host's only, or every team's in it. */
export const jointCapsRules = ['host', 'every-team'] as const;
export type JointCaps = (typeof jointCapsRules)[number];
