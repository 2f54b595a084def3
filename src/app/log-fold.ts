import type { Revision } from '../core/revision.ts';
import type { Runtime } from './runtime.ts';

/**
 * A value folded from each event's change log, kept in memory: read from the whole log the first
 * time, then only from the revisions that came since. Concurrent catch-ups of one event share one
 * read of the log.
 */
export class LogFold<T> {
  private readonly folded = new Map<string, { readonly revision: number; readonly value: T }>();
  private readonly catchingUp = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Pick<Runtime['store'], 'revisionsAfter'>,
    private readonly fold: (known: T | null, revisions: readonly Revision[]) => T | null,
  ) {}

  /** The value of an event folded up to `revision` at least, or null when the fold gives none. */
  async at(eventId: string, revision: number): Promise<T | null> {
    // A catch-up already running may have read the log before the revision asked for; then one more.
    for (let attempt = 0; attempt < 2; attempt++) {
      const known = this.folded.get(eventId);
      if (known && known.revision >= revision) return known.value;
      await this.catchUp(eventId);
    }
    return this.folded.get(eventId)?.value ?? null;
  }

  private catchUp(eventId: string): Promise<void> {
    const running = this.catchingUp.get(eventId);
    if (running) return running;
    const work = (async () => {
      const known = this.folded.get(eventId);
      const revisions = await this.store.revisionsAfter(eventId, known?.revision ?? 0);
      const value = this.fold(known?.value ?? null, revisions);
      const revision = revisions.at(-1)?.revision ?? known?.revision ?? 0;
      if (value !== null) this.folded.set(eventId, { revision, value });
    })().finally(() => this.catchingUp.delete(eventId));
    this.catchingUp.set(eventId, work);
    return work;
  }
}
