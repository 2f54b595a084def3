import type { Revision } from '../core/revision.ts';

/**
 * News of a committed revision. Within one process it carries the revision itself; between
 * processes it may carry only the event and number, and receivers read the rest from the store.
 */
export interface BusMessage {
  readonly eventId: string;
  readonly revision: number;
  readonly full: Revision | null;
  /** when another process sent it (its wall clock, ms); absent for this process's own revisions */
  readonly sentAt?: number;
}

/** Whether a bus can carry revisions right now, and why not. */
export type BusHealth = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Carries committed revisions to every process serving the same database. */
export interface Bus {
  /** call after commit, never before */
  publish(revision: Revision): Promise<void>;
  subscribe(listener: (message: BusMessage) => void): () => void;
  /** listeners are told to check for missed revisions when a connection was lost and regained */
  onResync(listener: () => void): () => void;
  /** for readiness checks: false while the connection to other processes is down */
  health(): BusHealth;
  close(): Promise<void>;
}
