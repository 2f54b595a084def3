import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addEvent } from '../../src/app/events.ts';
import type { Runtime } from '../../src/app/execute.ts';
import { type Operations, operations } from '../../src/app/operations.ts';
import { actorOf, addUser, createApiToken, setModeratorByEmail } from '../../src/app/people.ts';
import { ReadModels } from '../../src/app/read-models.ts';
import { MemoryBus } from '../../src/bus/memory-bus.ts';
import type { Actor } from '../../src/core/model/actor.ts';
import { systemActor } from '../../src/core/model/actor.ts';
import type { User } from '../../src/core/model/user.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import { smallEvent } from './builders.ts';
import { FixedClock } from './fixed-clock.ts';

/** The people of the chat suites: nicks in mixed case on purpose (IRC compares them without case). */
export const people = {
  organizer: { email: 'olive@example.org', name: 'Olive Organiser', ircNick: 'OliveOrg', isOrganizer: true },
  nova: { email: 'nia@example.org', name: 'Nia Nova', ircNick: 'NiaNova' },
  cinder: { email: 'cid@example.org', name: 'Cid Cinder', ircNick: 'CidCinder' },
  attendee: { email: 'ada@example.org', name: 'Ada Attendee', ircNick: 'AdaAttendee' },
} as const;

export type Person = keyof typeof people;

export interface ChatEvent {
  readonly runtime: Runtime & { readonly ops: Operations };
  readonly clock: FixedClock;
  readonly users: Record<Person, User>;
  readonly actors: Record<Person, Actor>;
  readonly tokens: Record<Person, string>;
  close(): Promise<void>;
}

/** Mon 17 Oct 2022, 12:00 UTC: the event's first day, an hour before its first slot. */
export const chatNow = '2022-10-17T12:00:00Z';

/**
 * The small test event (`test-ptg`, rooms bexar, austin and "Ballroom A", teams nova, cinder, tc
 * and a requested `pending`) in a fresh SQLite file, with an organiser, a moderator each for nova
 * and cinder, an attendee, and an API token for each. The clock stands at `chatNow`.
 */
export async function openChatEvent(): Promise<ChatEvent> {
  const dir = mkdtempSync(join(tmpdir(), 'convene-chat-'));
  const store = KyselyStore.open(`sqlite:${join(dir, 'convene.sqlite')}`);
  await store.migrate();
  const bus = new MemoryBus();
  const models = new ReadModels(store, bus, 60_000);
  const clock = new FixedClock('2022-09-01T00:00:00Z');
  const base: Runtime = { store, bus, models, clock };
  const runtime = { ...base, ops: operations(base) };
  const system = { actor: systemActor, source: 'cli' as const };
  const created = await addEvent(runtime, system, smallEvent);
  if (!created.ok) throw new Error(created.refusal.message);
  for (const name of ['bexar', 'austin', 'Ballroom A']) {
    await runtime.ops.saveRoom(smallEvent.slug, system, {
      name,
      url: `https://video.example.org/${encodeURIComponent(name)}`,
    });
  }
  for (const team of [
    { name: 'Nova/Placement', slug: 'nova', kind: 'project', crossProject: false },
    { name: 'Cinder', kind: 'project', crossProject: false },
    { name: 'Technical Committee', slug: 'tc', kind: 'other', crossProject: true },
    { name: 'Pending', kind: 'project', crossProject: false, status: 'requested' },
  ] as const) {
    await runtime.ops.createTeam(smallEvent.slug, system, team);
  }
  const users = {} as Record<Person, User>;
  const tokens = {} as Record<Person, string>;
  for (const [key, person] of Object.entries(people) as [Person, (typeof people)[Person]][]) {
    const added = await addUser(runtime, person);
    if (!added.ok) throw new Error(added.refusal.message);
    users[key] = added.value;
    tokens[key] = (await createApiToken(runtime, added.value.id, 'tests')).token;
  }
  for (const [team, email] of [
    ['nova', people.nova.email],
    ['cinder', people.cinder.email],
  ] as const) {
    await setModeratorByEmail(runtime, system, { event: smallEvent.slug, team, email, moderator: true });
  }
  clock.set(chatNow);
  const actors = Object.fromEntries(
    Object.entries(users).map(([key, user]) => [key, actorOf(user)]),
  ) as Record<Person, Actor>;
  return {
    runtime,
    clock,
    users,
    actors,
    tokens,
    async close() {
      models.close();
      await bus.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
