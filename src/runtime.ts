import { runningClockFrom, systemClock } from './app/clock.ts';
import { Observers } from './app/observers.ts';
import { type Operations, operations } from './app/operations.ts';
import { ReadModels } from './app/read-models.ts';
import type { Runtime } from './app/runtime.ts';
import type { Bus } from './bus/bus.ts';
import { MemoryBus } from './bus/memory-bus.ts';
import { PostgresBus } from './bus/postgres-bus.ts';
import type { Config } from './config.ts';
import { KyselyStore } from './store/kysely-store.ts';

export interface OpenRuntime extends Runtime {
  readonly ops: Operations;
  close(): Promise<void>;
}

/**
 * Wires the store, the bus that fits it (LISTEN/NOTIFY on PostgreSQL, in-process on SQLite), the
 * read models and the clock. Migrations run here, so every entry point starts on the latest schema.
 */
export async function openRuntime(config: Pick<Config, 'databaseUrl' | 'clockStart'>): Promise<OpenRuntime> {
  const store = KyselyStore.open(config.databaseUrl);
  await store.migrate();
  const bus: Bus = store.postgresUrl ? await PostgresBus.connect(store.postgresUrl) : new MemoryBus();
  const models = new ReadModels(store, bus);
  const clock = config.clockStart ? runningClockFrom(config.clockStart) : systemClock;
  const runtime: Runtime = { store, bus, models, clock, observers: new Observers() };
  return {
    ...runtime,
    ops: operations(runtime),
    async close() {
      models.close();
      await bus.close();
      await store.close();
    },
  };
}
