import type { Instant } from './instant.ts';

export const teamKinds = ['project', 'sig', 'working-group', 'other'] as const;
export type TeamKind = (typeof teamKinds)[number];

export const teamStatuses = ['requested', 'approved', 'declined', 'withdrawn'] as const;
export type TeamStatus = (typeof teamStatuses)[number];

/** A team that meets at the event (a "track" in ptgbot's words). */
export interface Team {
  readonly id: string;
  /** lower-case, what people type after `#` */
  readonly slug: string;
  readonly name: string;
  readonly kind: TeamKind;
  readonly crossProject: boolean;
  /** `#rrggbb`, readable with white text */
  readonly colour: string;
  readonly etherpadUrl: string | null;
  readonly videoUrl: string | null;
  readonly location: string | null;
  readonly status: TeamStatus;
  /** user ids */
  readonly moderators: readonly string[];
  readonly createdAt: Instant;
}

/** A team still in the event: requested (waiting for review) or approved (on the official list). */
export function isLiveTeam(team: Pick<Team, 'status'>): boolean {
  return team.status === 'requested' || team.status === 'approved';
}
