import type { Bus, BusMessage } from '../bus/bus.ts';
import type { Actor } from '../core/model/actor.ts';
import { isPublic } from '../core/model/event.ts';
import type { EventState } from '../core/model/event-state.ts';
import { canSeeEvent } from '../core/permissions.ts';
import { applyRevision } from '../core/projections/apply-change.ts';
import type { Revision } from '../core/revision.ts';
import type { Store } from '../store/store.ts';

/** Told after each revision is applied to an event's in-memory state, in revision order. */
export type AppliedListener = (state: EventState, revision: Revision) => void;

/**
 * Every loaded event, in memory, at its latest known revision: reads never touch the database.
 * Revisions arrive from local commits and from the bus; a gap (a missed notification, another
 * process writing the SQLite file) is filled from the store's change log, and a periodic check
 * catches whatever no message announced.
 */
export class ReadModels {
  private readonly states = new Map<string, EventState>();
  private readonly loading = new Map<string, Promise<EventState | null>>();
  private readonly catchingUp = new Map<string, Promise<void>>();
  private readonly listeners = new Set<AppliedListener>();
  private readonly unsubscribe: (() => void)[];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    bus: Bus,
    checkEveryMs = 2000,
  ) {
    this.unsubscribe = [
      bus.subscribe((message) => this.hear(message)),
      bus.onResync(() => this.refreshAll()),
    ];
    this.timer = setInterval(() => this.refreshAll(), checkEveryMs);
    this.timer.unref();
  }

  /** The event's state by slug or id, loaded on first use; null when there is no such event. */
  async get(ref: string): Promise<EventState | null> {
    const known = this.cached(ref);
    if (known) return known;
    const eventId = await this.store.findEventId(ref);
    if (!eventId) return null;
    return this.cached(eventId) ?? this.load(eventId);
  }

  /** Like `get`, but only for an event the public may see (not a draft). */
  async getPublic(ref: string): Promise<EventState | null> {
    const state = await this.get(ref);
    return state && isPublic(state.event) ? state : null;
  }

  /** Like `get`, but a draft only for organisers: to anyone else it is as missing as no event. */
  async getFor(ref: string, actor: Actor | null): Promise<EventState | null> {
    const state = await this.get(ref);
    return state && canSeeEvent(actor, state.event) ? state : null;
  }

  /** The state already in memory, without waiting. */
  cached(ref: string): EventState | undefined {
    const byId = this.states.get(ref);
    if (byId) return byId;
    const key = ref.toLowerCase();
    for (const state of this.states.values()) if (state.event.slug === key) return state;
    return undefined;
  }

  /** Applies committed revisions in order; ones already applied are ignored. */
  accept(revisions: readonly Revision[]): void {
    for (const revision of revisions) {
      const state = this.states.get(revision.eventId);
      if (!state || revision.revision !== state.revision + 1) continue;
      const next = applyRevision(state, revision.revision, revision.changes);
      this.states.set(revision.eventId, next);
      for (const listener of this.listeners) listener(next, revision);
    }
  }

  /** Takes a state read from the store when it is newer than the one in memory (or there is none). */
  adopt(state: EventState): void {
    const known = this.states.get(state.event.id);
    if (!known || known.revision < state.revision) this.states.set(state.event.id, state);
  }

  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads and applies whatever the store has after the state in memory. */
  catchUp(eventId: string): Promise<void> {
    const running = this.catchingUp.get(eventId);
    if (running) return running;
    const work = (async () => {
      const state = this.states.get(eventId);
      if (!state) return;
      this.accept(await this.store.revisionsAfter(eventId, state.revision));
    })().finally(() => this.catchingUp.delete(eventId));
    this.catchingUp.set(eventId, work);
    return work;
  }

  /** Forgets an event so the next read loads it afresh (after an import, say). */
  forget(eventId: string): void {
    this.states.delete(eventId);
  }

  close(): void {
    clearInterval(this.timer);
    for (const stop of this.unsubscribe) stop();
    this.listeners.clear();
  }

  private load(eventId: string): Promise<EventState | null> {
    const running = this.loading.get(eventId);
    if (running) return running;
    const work = this.store
      .loadEvent(eventId)
      .then((state) => {
        if (state && !this.states.has(eventId)) this.states.set(eventId, state);
        return this.states.get(eventId) ?? null;
      })
      .finally(() => this.loading.delete(eventId));
    this.loading.set(eventId, work);
    return work;
  }

  private hear(message: BusMessage): void {
    const state = this.states.get(message.eventId);
    if (!state || message.revision <= state.revision) return;
    if (message.full && message.revision === state.revision + 1) this.accept([message.full]);
    else void this.catchUp(message.eventId).catch(() => {});
  }

  private refreshAll(): void {
    for (const eventId of this.states.keys()) void this.catchUp(eventId).catch(() => {});
  }
}
