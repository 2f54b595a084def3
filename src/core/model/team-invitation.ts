import type { Instant } from './instant.ts';
import type { TeamKind } from './team.ts';

export const invitationStatuses = ['invited', 'signed-up', 'declined'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/**
 * A team of an earlier event invited to sign up again for a new one: what the sign-up form starts
 * from. It holds addresses, so it lives outside the event's change log, like other people data.
 */
export interface TeamInvitation {
  readonly id: string;
  /** the new event */
  readonly eventId: string;
  readonly name: string;
  /** the team's short name at the earlier event */
  readonly slug: string;
  readonly kind: TeamKind;
  readonly crossProject: boolean;
  /** the e-mail addresses of the team's moderators at the earlier event */
  readonly moderators: readonly string[];
  /** last edition's answers, as defaults; null when the team had no sign-up there */
  readonly hoursWanted: number | null;
  /** names of windows */
  readonly preferredWindows: readonly string[];
  /** short names of the teams it avoided clashing with */
  readonly avoidClashes: readonly string[];
  readonly status: InvitationStatus;
  /** the team its sign-up made, once signed up */
  readonly teamId: string | null;
  readonly createdAt: Instant;
  /** when its moderators were last e-mailed it */
  readonly sentAt: Instant | null;
  readonly answeredAt: Instant | null;
}
