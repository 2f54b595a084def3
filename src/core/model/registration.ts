import type { Instant } from './instant.ts';

export const attendeeRoles = ['contributor', 'operator', 'team-lead', 'other'] as const;
export type AttendeeRole = (typeof attendeeRoles)[number];

/** How each role reads on forms and in the organisers' figures. */
export const attendeeRoleLabels: Readonly<Record<AttendeeRole, string>> = {
  contributor: 'Contributor',
  operator: 'Operator or end user',
  'team-lead': 'Team leader',
  other: 'Other',
};

/**
 * A person's free registration to one event. Name, e-mail, IRC nick, time zone and the "find people"
 * consent live on the user; teams of interest are the teams they follow.
 */
export interface Registration {
  readonly eventId: string;
  readonly userId: string;
  readonly role: AttendeeRole;
  readonly affiliation: string;
  /** ISO 3166-1 alpha-2, or null when not given */
  readonly country: string | null;
  /** the version of the Code of Conduct accepted, and when */
  readonly cocVersion: string;
  readonly cocAcceptedAt: Instant;
  readonly registeredAt: Instant;
  readonly updatedAt: Instant;
}
