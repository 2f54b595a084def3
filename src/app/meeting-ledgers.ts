import { type MeetingLedger, recordRevision } from '../core/schedule/meeting-ledger.ts';
import type { Runtime } from './execute.ts';

/**
 * Each event's meeting ledger, kept in memory and brought up to the read model's revision on use
 * from the change log (the whole log the first time). Feeds read their stable numbers and sequences
 * here; nothing about them is stored, so every process and every imported copy agrees.
 */
export class MeetingLedgers {
  private readonly ledgers = new Map<string, MeetingLedger>();
  private readonly catchingUp = new Map<string, Promise<void>>();

  constructor(private readonly runtime: Pick<Runtime, 'store' | 'models'>) {}

  /** The ledger of an event (slug or id) at least as recent as its read model, or null without such an event. */
  async get(ref: string): Promise<MeetingLedger | null> {
    const state = await this.runtime.models.get(ref);
    if (!state) return null;
    const eventId = state.event.id;
    // A catch-up already running may have read the log before the revision asked for; then one more.
    for (let attempt = 0; attempt < 2; attempt++) {
      const known = this.ledgers.get(eventId);
      if (known && known.state.revision >= state.revision) return known;
      await this.catchUp(eventId);
    }
    return this.ledgers.get(eventId) ?? null;
  }

  private catchUp(eventId: string): Promise<void> {
    const running = this.catchingUp.get(eventId);
    if (running) return running;
    const work = (async () => {
      const known = this.ledgers.get(eventId) ?? null;
      const revisions = await this.runtime.store.revisionsAfter(eventId, known?.state.revision ?? 0);
      const ledger = revisions.reduce(recordRevision, known);
      if (ledger) this.ledgers.set(eventId, ledger);
    })().finally(() => this.catchingUp.delete(eventId));
    this.catchingUp.set(eventId, work);
    return work;
  }
}
