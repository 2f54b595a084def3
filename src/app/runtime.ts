import type { Bus } from '../bus/bus.ts';
import type { Actor, Source } from '../core/model/actor.ts';
import type { Store } from '../store/store.ts';
import type { Clock } from './clock.ts';
import type { Observers } from './observers.ts';
import type { ReadModels } from './read-models.ts';

/** What every write needs: the store, the bus, the read models and the clock. */
export interface Runtime {
  readonly store: Store;
  readonly bus: Bus;
  readonly models: ReadModels;
  readonly clock: Clock;
  readonly newId?: () => string;
  /** told what happened, for metrics; absent where nobody watches */
  readonly observers?: Observers;
}

/** Who is acting and through which adapter. */
export interface Who {
  readonly actor: Actor | null;
  readonly source: Source;
}
