import type { Instant } from './instant.ts';

/** Where a write came from; recorded with every change in the audit log. */
export const sources = ['web', 'api', 'irc', 'cli', 'import', 'demo', 'system'] as const;
export type Source = (typeof sources)[number];

/** Someone acting on Convene, as far as the rules care. */
export interface Actor {
  /** null for Convene itself (imports, the demo set-up), which acts with organiser rights */
  readonly userId: string | null;
  readonly name: string;
  readonly isOrganizer: boolean;
}

/**
 * The context every core decision receives: who acts, when, through which adapter, and where new
 * ids come from (the core itself has no randomness, so tests can predict every id).
 */
export interface Ctx {
  readonly actor: Actor | null;
  readonly now: Instant;
  readonly source: Source;
  readonly newId: () => string;
}

/** Convene acting on its own behalf, e.g. while importing or setting up the demo. */
export const systemActor: Actor = { userId: null, name: 'Convene', isOrganizer: true };
