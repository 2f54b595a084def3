import type { Change } from './changes.ts';
import type { Source } from './model/actor.ts';
import type { Instant } from './model/instant.ts';

/** One committed write to an event: its changes, who made them, when and from where (the audit log). */
export interface Revision {
  readonly eventId: string;
  readonly revision: number;
  readonly at: Instant;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly source: Source;
  readonly changes: readonly Change[];
}

export type RevisionMeta = Omit<Revision, 'eventId' | 'revision' | 'changes'>;
