import type { FastifyInstance } from 'fastify';
import { addEvent } from '../../src/app/events.ts';
import type { Runtime } from '../../src/app/execute.ts';
import { type Operations, operations } from '../../src/app/operations.ts';
import { createApiToken } from '../../src/app/people.ts';
import { ReadModels } from '../../src/app/read-models.ts';
import { MemoryBus } from '../../src/bus/memory-bus.ts';
import { systemActor } from '../../src/core/model/actor.ts';
import type { Instant } from '../../src/core/model/instant.ts';
import type { User } from '../../src/core/model/user.ts';
import type { Store } from '../../src/store/store.ts';
import { buildApp } from '../../src/web/app.ts';
import { beforeEvent, smallEvent } from './builders.ts';
import { FixedClock } from './fixed-clock.ts';
import { type StoreKind, storeKinds } from './stores.ts';

export const testBaseUrl = 'https://ptg.example.org';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly runtime: Runtime;
  readonly ops: Operations;
  readonly clock: FixedClock;
  readonly url: string;
  close(): Promise<void>;
}

/** The whole HTTP side on a fresh database of `kind`, with a clock that stays where it is put. */
export async function openTestApp(kind: StoreKind = storeKinds[0] as StoreKind, at: Instant = beforeEvent) {
  const { store, url, dispose } = await kind.open();
  return appOn(store, url, at, dispose);
}

/** The whole HTTP side on a database that is already there (one a command wrote, say). */
export async function appOn(
  store: Store,
  url: string,
  at: Instant,
  dispose: () => Promise<void>,
): Promise<TestApp> {
  const bus = new MemoryBus();
  const models = new ReadModels(store, bus);
  const clock = new FixedClock(at);
  const runtime: Runtime = { store, bus, models, clock };
  const ops = operations(runtime);
  const app = await buildApp({ runtime, ops, baseUrl: testBaseUrl });
  return {
    app,
    runtime,
    ops,
    clock,
    url,
    async close() {
      await app.close();
      models.close();
      await bus.close();
      await dispose();
    },
  } satisfies TestApp;
}

/**
 * The small test event (see `smallEvent`) written through the operations: rooms bexar, austin and
 * "Ballroom A", approved teams nova, cinder and tc, and a moderator of nova with an e-mail address.
 */
export async function seedSmallEvent(test: TestApp): Promise<{ moderator: User; token: string }> {
  const who = { actor: systemActor, source: 'cli' as const };
  const created = await addEvent(test.runtime, who, smallEvent);
  if (!created.ok) throw new Error(created.refusal.message);
  const event = smallEvent.slug;
  for (const name of ['bexar', 'austin', 'Ballroom A']) {
    await expectOk(
      test.ops.saveRoom(event, who, { name, url: `https://video.example.org/${encodeURIComponent(name)}` }),
    );
  }
  for (const team of [
    { name: 'Nova/Placement', slug: 'nova', kind: 'project', crossProject: false },
    { name: 'Cinder', kind: 'project', crossProject: false },
    { name: 'Technical Committee', slug: 'tc', kind: 'other', crossProject: true },
  ] as const) {
    await expectOk(test.ops.createTeam(event, who, team));
  }
  const moderator = await test.runtime.store.createUser(
    { email: 'nia@example.org', name: 'Nia Nova', ircNick: 'nia', isOrganizer: false },
    'user-nia',
    beforeEvent,
  );
  const { token } = await createApiToken(test.runtime, moderator.id, 'test');
  return { moderator, token };
}

/** Fails the test when a write is refused. */
export async function expectOk<T extends { ok: boolean }>(outcome: Promise<T>): Promise<T> {
  const done = await outcome;
  if (!done.ok) throw new Error(`refused: ${JSON.stringify(done)}`);
  return done;
}
