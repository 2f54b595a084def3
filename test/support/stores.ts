import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import { createTestDatabase, postgresAvailable } from './postgres.ts';

export interface StoreKind {
  readonly name: 'sqlite' | 'postgres';
  readonly available: boolean;
  /** a migrated store on a fresh database, and how to throw it away */
  open(): Promise<{ store: KyselyStore; url: string; dispose: () => Promise<void> }>;
}

/** Both databases, for contract suites that must hold on each. */
export const storeKinds: readonly StoreKind[] = [
  {
    name: 'sqlite',
    available: true,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'convene-test-'));
      const url = `sqlite:${join(dir, 'convene.sqlite')}`;
      const store = KyselyStore.open(url);
      await store.migrate();
      return {
        store,
        url,
        dispose: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    available: postgresAvailable,
    async open() {
      const database = await createTestDatabase();
      const store = KyselyStore.open(database.url, { poolSize: 20 });
      await store.migrate();
      return {
        store,
        url: database.url,
        dispose: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];
