import { describe, expect, it } from 'vitest';
import {
  attendee,
  beforeEvent,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
  sequentialIds,
} from '../../../test/support/builders.ts';
import { commandLines } from '../../../test/support/command-lines.ts';
import { pick, seededRandom } from '../../demo/seeded-random.ts';
import { slotMinutes } from '../booking/booked-minutes.ts';
import type { Actor } from '../model/actor.ts';
import type { EventState } from '../model/event-state.ts';
import { utcDay } from '../model/instant.ts';
import type { CheckIn } from '../people/presence.ts';
import { parseTopicFilter, topicAlerts } from '../people/topic-subscription.ts';
import { applyChange } from '../projections/apply-change.ts';
import { isValidSlug } from '../text/slugify.ts';
import { topicParts } from '../text/topic-parts.ts';
import { isCommandWord } from './grammar.ts';
import { parseCommand } from './parse.ts';
import { runCommand } from './run.ts';

const lines = 100_000;
/**
 * A line takes microseconds; on a busy machine a pause for garbage collection or another process
 * can still cost tens of milliseconds. A line that hangs, or goes quadratic, takes far longer.
 */
const boundMs = 1000;

const guest: Actor = { userId: null, name: 'Visitor (IRC guest)', isOrganizer: false };
const people = [
  { actor: organizer, nick: 'OliveOrg', listed: true },
  { actor: novaModerator, nick: 'NiaNova', listed: true },
  { actor: cinderModerator, nick: 'CidCinder', listed: false },
  { actor: attendee, nick: 'AdaAttendee', listed: true },
];
const instants = [
  beforeEvent,
  '2022-10-17T12:00:00Z',
  '2022-10-17T13:30:00Z',
  '2022-10-17T16:59:59Z',
  '2022-10-18T10:00:00Z',
  '2022-10-19T00:00:00Z',
];

/** The command language run the way adapters run it, with event and personal data kept in memory. */
class MemoryExecutor {
  state: EventState = buildEventState();
  readonly checkIns = new Map<string, CheckIn>();
  readonly subscriptions = new Map<string, string>();
  private readonly newId = sequentialIds('fuzz');
  /** commands that changed the event or someone's own data */
  committed = 0;

  run(text: string, actor: Actor | null, now: string, bare: 'personal' | 'ignore'): string | null {
    const parsed = parseCommand(text, { bare });
    if (parsed.kind === 'ignored') return null;
    if (parsed.kind === 'hint') return parsed.hint;
    const userId = actor?.userId ?? '';
    const asked = people.find(
      (person) => person.nick.toLowerCase() === parsed.command.args[0]?.toLowerCase(),
    );
    const ctx = ctxOf(actor, now, 'irc', this.newId);
    const step = runCommand(
      parsed.command,
      {
        state: this.state,
        mine: {
          checkIn: this.checkIns.get(userId) ?? null,
          subscription: this.subscriptions.get(userId) ?? null,
          listed: people.some((person) => person.actor === actor && person.listed),
          channels: userId ? ['pages'] : [],
        },
        seen: asked
          ? {
              name: asked.actor.name,
              nick: asked.nick,
              listed: asked.listed,
              checkIn: this.checkIns.get(asked.actor.userId ?? '') ?? null,
            }
          : null,
      },
      ctx,
    );
    if (step.kind === 'event') {
      const decision = step.decide(this.state, ctx);
      if (!decision.ok) return decision.refusal.message;
      this.tellSubscribers(decision.changes, actor, now);
      this.state = decision.changes.reduce(applyChange, this.state);
      if (decision.changes.length > 0) this.committed++;
      return decision.reply;
    }
    const { decision } = step;
    if (!decision.ok) return decision.refusal.message;
    const effect = decision.effect;
    if (effect?.type === 'check-in') this.checkIns.set(userId, effect.checkIn);
    if (effect?.type === 'subscribe') this.subscriptions.set(userId, effect.pattern);
    if (effect?.type === 'unsubscribe') this.subscriptions.delete(userId);
    if (effect) this.committed++;
    return decision.reply;
  }

  private tellSubscribers(
    changes: Parameters<typeof topicAlerts>[1],
    actor: Actor | null,
    now: string,
  ): void {
    const subscribers = [...this.subscriptions].flatMap(([userId, pattern]) => {
      const filter = parseTopicFilter(pattern);
      return filter.ok ? [{ userId, filter: filter.value }] : [];
    });
    topicAlerts(this.state, changes, subscribers, actor?.userId ?? null, now);
  }
}

/** Everything that must hold after any sequence of commands. */
function expectValid(executor: MemoryExecutor): void {
  const { state } = executor;
  const slugs = state.teams.map((team) => team.slug);
  expect(new Set(slugs).size).toBe(slugs.length);
  for (const slug of slugs) expect(isValidSlug(slug) && !isCommandWord(slug), slug).toBe(true);
  const cells = new Set<string>();
  const teamSlots = new Set<string>();
  const minutes = new Map<string, number>();
  for (const booking of state.bookings) {
    const slot = state.slots.find((candidate) => candidate.id === booking.slotId);
    expect(slot && state.rooms.some((room) => room.id === booking.roomId)).toBeTruthy();
    expect(state.teams.some((team) => team.id === booking.teamId)).toBe(true);
    cells.add(`${booking.roomId}/${booking.slotId}`);
    teamSlots.add(`${booking.teamId}/${booking.slotId}`);
    for (const key of [`${booking.teamId}`, `${booking.teamId}/${utcDay(slot!.start)}`])
      minutes.set(key, (minutes.get(key) ?? 0) + slotMinutes(slot!));
  }
  expect(cells.size).toBe(state.bookings.length);
  expect(teamSlots.size).toBe(state.bookings.length);
  for (const [key, used] of minutes) {
    expect(used, key).toBeLessThanOrEqual(key.includes('/') ? 180 : 300);
  }
  for (const [teamId, status] of Object.entries(state.board)) {
    expect(state.teams.some((team) => team.id === teamId)).toBe(true);
    expect(status.next.length).toBeLessThanOrEqual(20);
    for (const topic of [...(status.now ? [status.now] : []), ...status.next]) {
      expect(topic.text.length).toBeGreaterThan(0);
      expect(topic.text.length).toBeLessThanOrEqual(400);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none got through
      expect(topic.text).not.toMatch(/[\u0000-\u001f\u007f]|^\s|\s$/);
      expect(
        topicParts(topic.text, (slug) => slugs.includes(slug))
          .map((part) => part.text)
          .join(''),
      ).toBe(topic.text);
    }
  }
  expect(new Set(state.motd.map((motd) => motd.id)).size).toBe(state.motd.length);
  for (const motd of state.motd) expect(motd.message.length).toBeLessThanOrEqual(500);
  for (const checkIn of executor.checkIns.values()) {
    if (checkIn.teamId) expect(state.teams.some((team) => team.id === checkIn.teamId)).toBe(true);
    else expect(checkIn.place?.length).toBeLessThanOrEqual(100);
  }
  for (const pattern of executor.subscriptions.values()) expect(parseTopicFilter(pattern).ok).toBe(true);
}

describe('the command language under random and mutated input', () => {
  it(`runs ${lines.toLocaleString('en')} seeded lines through parser and executor: no exception, valid state, bounded time per line`, () => {
    const random = seededRandom(4242);
    const generator = commandLines(20221017);
    const executor = new MemoryExecutor();
    let lastReply: string | null = null;
    let slowest = 0;
    let answered = 0;
    for (let index = 0; index < lines; index++) {
      const actor = random() < 0.1 ? guest : random() < 0.05 ? null : pick(random, people).actor;
      const text = generator.next(lastReply);
      const started = performance.now();
      const reply = executor.run(text, actor, pick(random, instants), random() < 0.7 ? 'personal' : 'ignore');
      slowest = Math.max(slowest, performance.now() - started);
      if (reply !== null) {
        expect(typeof reply === 'string' && reply.length > 0, text).toBe(true);
        answered++;
      }
      lastReply = reply;
      if (index % 5000 === 0) expectValid(executor);
    }
    expectValid(executor);
    expect(slowest).toBeLessThan(boundMs);
    expect(answered).toBeGreaterThan(lines / 2);
    expect(executor.committed).toBeGreaterThan(lines / 50);
  }, 180_000);
});
