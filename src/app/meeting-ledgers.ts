import { type MeetingLedger, recordRevision } from '../core/schedule/meeting-ledger.ts';
import { LogFold } from './log-fold.ts';
import type { Runtime } from './runtime.ts';

/**
 * Each event's meeting ledger, kept in memory and brought up to the read model's revision on use
 * from the change log (the whole log the first time). Feeds read their stable numbers and sequences
 * here; nothing about them is stored, so every process and every imported copy agrees.
 */
export class MeetingLedgers {
  private readonly ledgers: LogFold<MeetingLedger>;

  constructor(private readonly runtime: Pick<Runtime, 'store' | 'models'>) {
    this.ledgers = new LogFold<MeetingLedger>(runtime.store, (known, revisions) =>
      revisions.reduce(recordRevision, known),
    );
  }

  /** The ledger of an event (slug or id) at least as recent as its read model, or null without such an event. */
  async get(ref: string): Promise<MeetingLedger | null> {
    const state = await this.runtime.models.get(ref);
    return state ? this.ledgers.at(state.event.id, state.revision) : null;
  }
}
