import { randomUUID } from 'node:crypto';
import { addEvent } from '../../src/app/events.ts';
import { Observers } from '../../src/app/observers.ts';
import { type Operations, operations } from '../../src/app/operations.ts';
import { createApiToken, setModeratorByEmail } from '../../src/app/people.ts';
import { ReadModels } from '../../src/app/read-models.ts';
import type { Runtime } from '../../src/app/runtime.ts';
import { MemoryBus } from '../../src/bus/memory-bus.ts';
import { type Actor, systemActor } from '../../src/core/model/actor.ts';
import type { Instant } from '../../src/core/model/instant.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import {
  attendee,
  cinderModerator,
  novaModerator,
  organizer,
  smallEvent,
  smallEventModerators,
  smallEventRooms,
  smallEventTeams,
  tcModerator,
} from './builders.ts';
import { FixedClock } from './fixed-clock.ts';
import type { StoreKind } from './stores.ts';

export interface TestRuntime extends Runtime {
  readonly store: KyselyStore;
  readonly clock: FixedClock;
  readonly ops: Operations;
  readonly url: string;
  /** bearer tokens of the builders' actors, by name */
  readonly tokens: Record<'organizer' | 'nova' | 'cinder' | 'tc' | 'attendee', string>;
  close(): Promise<void>;
}

const people: [keyof TestRuntime['tokens'], Actor, string][] = [
  ['organizer', organizer, 'olive@example.org'],
  ['nova', novaModerator, 'nia@example.org'],
  ['cinder', cinderModerator, 'cid@example.org'],
  ['tc', tcModerator, 'tess@example.org'],
  ['attendee', attendee, 'ada@example.org'],
];

/**
 * A runtime on a fresh database of the given kind with the small test event: rooms bexar, austin and
 * "Ballroom A"; teams nova, cinder, tc (cross-project) and a requested team with no moderator; a
 * user with a token for each builder actor; the clock before the event, after both booking phases
 * opened.
 */
export async function openTestRuntime(kind: StoreKind): Promise<TestRuntime> {
  const bare = runtimeOn(await kind.open(), '2022-09-01T00:00:00Z');
  const { store, clock, ops } = bare;
  const tokens = {} as TestRuntime['tokens'];
  for (const [key, actor, email] of people) {
    await store.createUser(
      { email, name: actor.name, ircNick: null, isOrganizer: actor.isOrganizer },
      actor.userId as string,
      clock.now(),
    );
    tokens[key] = (await createApiToken(bare, actor.userId as string, 'tests')).token;
  }
  const system = { actor: systemActor, source: 'cli' as const };
  const created = await addEvent(bare, system, smallEvent);
  if (!created.ok) throw new Error(created.refusal.message);
  for (const room of smallEventRooms) await must(ops.saveRoom(smallEvent.slug, system, room));
  for (const team of smallEventTeams) await must(ops.createTeam(smallEvent.slug, system, team));
  for (const [team, actor] of smallEventModerators) {
    const email = people.find(([, person]) => person === actor)?.[2] as string;
    await must(setModeratorByEmail(bare, system, { event: smallEvent.slug, team, email, moderator: true }));
  }
  clock.set('2022-10-01T12:00:00Z');
  return { ...bare, tokens };
}

/** A runtime on a database that is already open (a fresh one, or one a command wrote), with nothing added. */
export function runtimeOn(
  opened: { store: KyselyStore; url: string; dispose: () => Promise<void> },
  at: Instant,
): Omit<TestRuntime, 'tokens'> {
  const { store, url, dispose } = opened;
  const bus = new MemoryBus();
  const models = new ReadModels(store, bus, 60_000);
  const clock = new FixedClock(at);
  const runtime: Runtime = { store, bus, models, clock, newId: randomUUID, observers: new Observers() };
  return {
    ...runtime,
    store,
    clock,
    ops: operations(runtime),
    url,
    async close() {
      models.close();
      await bus.close();
      await dispose();
    },
  };
}

async function must(outcome: Promise<{ ok: boolean; refusal?: { message: string } }>): Promise<void> {
  const done = await outcome;
  if (!done.ok) throw new Error(done.refusal?.message);
}
