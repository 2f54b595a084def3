import type { Revision } from '../core/revision.ts';
import type { Bus, BusHealth, BusMessage } from './bus.ts';

/** The bus of a single process (SQLite, or tests): delivers each revision to every subscriber. */
export class MemoryBus implements Bus {
  private readonly listeners = new Set<(message: BusMessage) => void>();

  async publish(revision: Revision): Promise<void> {
    deliver(this.listeners, { eventId: revision.eventId, revision: revision.revision, full: revision });
  }

  subscribe(listener: (message: BusMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onResync(): () => void {
    return () => {};
  }

  health(): BusHealth {
    return { ok: true };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** Hands a message to each listener; one failing listener does not stop the others. */
export function deliver(listeners: Iterable<(message: BusMessage) => void>, message: BusMessage): void {
  for (const listener of listeners) {
    try {
      listener(message);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
