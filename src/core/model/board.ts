import type { Instant } from './instant.ts';

export interface Topic {
  readonly text: string;
  readonly at: Instant;
}

/** What a team is discussing now and what comes next. */
export interface TrackStatus {
  readonly now: Topic | null;
  readonly next: readonly Topic[];
}

export const motdLevels = ['info', 'success', 'warning', 'danger'] as const;
export type MotdLevel = (typeof motdLevels)[number];

/** A banner shown on the board, in order. */
export interface Motd {
  readonly id: string;
  readonly level: MotdLevel;
  readonly message: string;
  readonly expiresAt: Instant | null;
}
