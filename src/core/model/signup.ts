import type { Instant } from './instant.ts';

export const signupOutcomeKinds = ['approved', 'declined', 'merged', 'withdrawn'] as const;
export type SignupOutcomeKind = (typeof signupOutcomeKinds)[number];

/** What the organisers decided on a sign-up, and when. */
export interface SignupOutcome {
  readonly kind: SignupOutcomeKind;
  readonly at: Instant;
  /** why it was declined or withdrawn, as told to the lead */
  readonly reason: string | null;
  /** the team a duplicate was merged into */
  readonly mergedInto: string | null;
}

/** What a team lead answered about how the team wants to meet. */
export interface SignupAnswers {
  readonly expectedAttendance: number;
  readonly hoursWanted: number;
  /** names of the event's windows the team prefers */
  readonly preferredWindows: readonly string[];
  /** ids of teams whose meetings this team should not overlap */
  readonly avoidClashes: readonly string[];
  /** ids of bookings the team holds that a draft schedule must keep; absent means none */
  readonly keepBookings?: readonly string[];
  readonly onboarding: boolean;
  readonly operatorHour: boolean;
  /** the team's own video link; null when it meets in the event's rooms */
  readonly videoUrl: string | null;
  readonly notes: string;
}

/**
 * What a team lead asked for when signing a team up. The team itself exists from the start with
 * status `requested`; this record keeps the answers organisers review, keyed by the team's id.
 */
export interface TeamSignup extends SignupAnswers {
  readonly teamId: string;
  /** who filled in the form and hears about each step; null once that person deleted their account */
  readonly leadId: string | null;
  /** users to make moderators on approval, besides the lead */
  readonly moderatorIds: readonly string[];
  readonly submittedAt: Instant;
  readonly updatedAt: Instant;
  readonly outcome: SignupOutcome | null;
}
