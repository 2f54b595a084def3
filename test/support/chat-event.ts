import type { Actor } from '../../src/core/model/actor.ts';
import type { User } from '../../src/core/model/user.ts';
import { ircNickKey } from '../../src/core/people/check-user.ts';
import { attendee, cinderModerator, novaModerator, organizer } from './builders.ts';
import { openTestRuntime, type TestRuntime } from './runtime.ts';
import { storeKinds } from './stores.ts';

/** The chat suites' people and their IRC nicks, in mixed case on purpose (IRC ignores case). */
export const people = {
  organizer: { actor: organizer, nick: 'OliveOrg' },
  nova: { actor: novaModerator, nick: 'NiaNova' },
  cinder: { actor: cinderModerator, nick: 'CidCinder' },
  attendee: { actor: attendee, nick: 'AdaAttendee' },
} as const;

export type Person = keyof typeof people;

export interface ChatEvent {
  readonly runtime: TestRuntime;
  readonly clock: TestRuntime['clock'];
  readonly users: Record<Person, User>;
  readonly actors: Record<Person, Actor>;
  readonly tokens: TestRuntime['tokens'];
  close(): Promise<void>;
}

/** Mon 17 Oct 2022, 12:00 UTC: the event's first day, an hour before its first slot. */
export const chatNow = '2022-10-17T12:00:00Z';

/**
 * The test runtime's small event (`test-ptg`) on a fresh SQLite file, with each person's IRC nick
 * linked and the clock at `chatNow`.
 */
export async function openChatEvent(): Promise<ChatEvent> {
  const sqlite = storeKinds.find((kind) => kind.name === 'sqlite');
  if (!sqlite) throw new Error('no SQLite store kind');
  const runtime = await openTestRuntime(sqlite);
  const users = {} as Record<Person, User>;
  const actors = {} as Record<Person, Actor>;
  for (const [key, person] of Object.entries(people) as [Person, (typeof people)[Person]][]) {
    const userId = person.actor.userId as string;
    // Linking a nick is a profile setting; the suites set it directly.
    await runtime.store.db
      .updateTable('users')
      .set({ irc_nick: person.nick, irc_nick_key: ircNickKey(person.nick) })
      .where('id', '=', userId)
      .execute();
    const user = await runtime.store.findUser(userId);
    if (!user) throw new Error(`no user ${userId}`);
    users[key] = user;
    actors[key] = person.actor;
  }
  runtime.clock.set(chatNow);
  return {
    runtime,
    clock: runtime.clock,
    users,
    actors,
    tokens: runtime.tokens,
    close: () => runtime.close(),
  };
}
