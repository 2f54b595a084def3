import type { Instant } from './instant.ts';
import type { JointCaps } from './session.ts';

export const eventModes = ['virtual', 'in-person', 'hybrid'] as const;
export type EventMode = (typeof eventModes)[number];

export const eventStatuses = ['draft', 'published', 'archived'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** A named part of each day, e.g. "Americas / Europe", in UTC wall-clock times. */
export interface SlotWindow {
  readonly name: string;
  /** `HH:MM`, UTC */
  readonly start: string;
  /** `HH:MM`, UTC; equal to or before `start` means the window ends on the next day */
  readonly end: string;
}

/** The organisers' booking rules. A null cap or date means "no limit". */
export interface BookingRules {
  readonly dailyCapMinutes: number | null;
  readonly totalCapMinutes: number | null;
  /** when cross-project teams may start booking */
  readonly crossProjectOpensAt: Instant | null;
  /** when every other team may start booking */
  readonly othersOpenAt: Instant | null;
  /** whose caps a joint session's time counts against; absent means `host` (decision 0040) */
  readonly jointCaps?: JointCaps;
}

/** The event's public text, in Markdown, written by organisers. */
export interface EventContent {
  readonly about: string;
  readonly audience: string;
  readonly notFor: string;
  readonly why: string;
  readonly faq: string;
}

export interface CodeOfConduct {
  readonly version: string;
  readonly url: string | null;
  readonly text: string;
  /**
   * Earlier versions that registrations accepted under them still satisfy: a new version published
   * "from the next registration" leaves the older acceptances standing. Absent: none.
   */
  readonly earlierAccepted?: readonly string[];
}

export interface EventInfo {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  /** first day, `YYYY-MM-DD` */
  readonly startsOn: string;
  /** last day, `YYYY-MM-DD` */
  readonly endsOn: string;
  /** IANA zone the organisers prefer for display; slots are always stored in UTC */
  readonly timeZone: string;
  readonly mode: EventMode;
  readonly status: EventStatus;
  readonly contact: string;
  readonly chat: string;
  /** `{event}` and `{team}` are replaced by the slugs */
  readonly etherpadTemplate: string | null;
  readonly slotMinutes: number;
  readonly windows: readonly SlotWindow[];
  readonly rules: BookingRules;
  readonly content: EventContent;
  readonly codeOfConduct: CodeOfConduct;
  readonly createdAt: Instant;
  /**
   * Anyone the chat or the site recognises may set any approved team's topics and links, not only
   * its moderators (ptgbot's `~alloweveryone`). Booking stays with moderators and organisers.
   */
  readonly openTeamUpdates: boolean;
  /** room video links (which may carry passcodes) are shown only to registered attendees */
  readonly attendeeOnlyRoomLinks: boolean;
  /** team sign-up opens and closes at these instants; null means no limit on that side */
  readonly signupOpensAt: Instant | null;
  readonly signupClosesAt: Instant | null;
}

/** Whether the public may see an event at all: drafts are for organisers only. */
export function isPublic(event: Pick<EventInfo, 'status'>): boolean {
  return event.status !== 'draft';
}
