import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatEvent, openChatEvent, type Person } from '../../test/support/chat-event.ts';
import { runChatCommand } from './chat-commands.ts';
import { type TopicAlert, watchTopicAlerts } from './topic-alerts.ts';

let chat: ChatEvent;
let heard: TopicAlert[];
let stop: () => void;
beforeEach(async () => {
  chat = await openChatEvent();
  heard = [];
  stop = watchTopicAlerts(
    chat.runtime,
    (alert) => heard.push(alert),
    (error) => {
      throw error;
    },
  );
});
afterEach(async () => {
  stop();
  await chat.close();
});

const run = (person: Person, text: string) =>
  runChatCommand(chat.runtime, {
    event: 'test-ptg',
    text,
    who: { actor: chat.actors[person], source: 'irc' },
    bare: 'personal',
  });

/** Alerts are sent after the subscriptions are read; wait for that to settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('watchTopicAlerts', () => {
  it('tells a subscriber, at their linked nick, when a matching topic is set, and not after unsubscribing', async () => {
    await run('attendee', 'subscribe placement');
    await run('nova', '#nova now Placement cleanup');
    await run('nova', '#nova next Unrelated');
    await settled();
    expect(heard).toEqual([
      {
        userId: chat.actors.attendee.userId,
        nick: 'AdaAttendee',
        eventSlug: 'test-ptg',
        team: 'nova',
        message: '#nova now: Placement cleanup',
        revision: expect.any(Number),
      },
    ]);
    await run('attendee', 'unsubscribe');
    await run('nova', '#nova now Placement again');
    await settled();
    expect(heard).toHaveLength(1);
  });

  it('does not tell people about the topics they set themselves', async () => {
    await run('nova', 'subscribe placement');
    await run('nova', '#nova now Placement cleanup');
    await settled();
    expect(heard).toEqual([]);
  });
});
