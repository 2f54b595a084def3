import type { Source } from '../core/model/actor.ts';
import type { Outcome } from './execute.ts';

/**
 * Watches what the application does, for figures such as the metrics endpoint's. Observers are
 * told after the fact and must return at once: they are on the path of every write.
 */
export interface RuntimeObserver {
  /** a write finished: accepted (with its revision, if it changed anything) or refused */
  written?(outcome: Outcome, source: Source): void;
  /** a queued e-mail was handed to the mailer, or failed */
  mailed?(sent: boolean): void;
}

/** The observers of one runtime; adding returns the way to remove. */
export class Observers {
  readonly #observers = new Set<RuntimeObserver>();

  add(observer: RuntimeObserver): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  written(outcome: Outcome, source: Source): void {
    for (const observer of this.#observers) observer.written?.(outcome, source);
  }

  mailed(sent: boolean): void {
    for (const observer of this.#observers) observer.mailed?.(sent);
  }
}
