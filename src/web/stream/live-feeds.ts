import type { Runtime } from '../../app/runtime.ts';
import { boardView } from '../../core/board/board-view.ts';
import type { Change, ChangeType } from '../../core/changes.ts';
import { isPublic } from '../../core/model/event.ts';
import type { EventState } from '../../core/model/event-state.ts';
import { type Instant, millis } from '../../core/model/instant.ts';
import { presentBoard } from '../present/board.ts';
import { presentSchedule } from '../present/schedule.ts';
import { diffView, type KeyOf, type SerialisedLists } from './view-diff.ts';

/** The views a stream can carry. */
export const streamViews = ['board', 'schedule'] as const;
export type StreamView = (typeof streamViews)[number];

const field =
  (...names: string[]): KeyOf =>
  (item) =>
    names.map((name) => String((item as Record<string, unknown>)[name])).join(' ');

/** How each view's lists are keyed in the deltas; part of the stream's documented format. */
export const viewLists: Record<StreamView, Record<string, KeyOf>> = {
  board: { now: field('team'), meeting_without_topic: field('team'), next: field('team'), motd: field('id') },
  schedule: {
    rooms: field('slug'),
    slots: field('id'),
    teams: field('slug'),
    bookings: field('id'),
    unavailable: field('room', 'slot'),
  },
};

const boardOnlyChanges: ReadonlySet<ChangeType> = new Set([
  'board.now-set',
  'board.next-added',
  'board.cleaned',
  'motd.saved',
  'motd.removed',
  'motd.reordered',
]);

/** Where a message sits in an event's stream: a revision, then the n-th time-driven update after it. */
interface Position {
  readonly revision: number;
  readonly tick: number;
}

interface Message extends Position {
  readonly view: StreamView;
  readonly frame: Buffer;
}

/** One open stream: the views it wants and how to send it bytes. */
export interface Subscriber {
  readonly views: ReadonlySet<StreamView>;
  /** the signed-in viewer, who also receives their own alerts on this stream; null when anonymous */
  readonly userId?: string | null;
  /**
   * Sends one encoded frame (the same bytes go to every viewer); returns false when the connection
   * can take no more and should be closed.
   */
  send(frame: Buffer): boolean;
  /** ends the stream: with `farewell` as its last bytes, or at once */
  close(farewell?: Buffer): void;
}

export interface LiveFeedOptions {
  /** how many messages each event keeps for reconnecting viewers */
  readonly replay?: number;
  readonly heartbeatMs?: number;
  /** the longest wait between two looks at the clock (time-driven changes) */
  readonly maxTimerMs?: number;
  /** told after each update is written: to how many viewers, and how long after it began (s) */
  readonly onUpdate?: (view: StreamView, viewers: number, seconds: number) => void;
}

/**
 * The live side of every event: the board and schedule as the API presents them, kept current
 * from the read models (every revision, local or from another instance, in order) and from the
 * clock (slot boundaries, topic and banner expiry). Each change becomes one small message,
 * serialised once and written to every viewer that follows that view; the last few hundred are kept
 * so a viewer that reconnects with `Last-Event-ID` gets exactly what it missed.
 */
export class LiveFeeds {
  private readonly feeds = new Map<string, EventFeed>();
  /** the open streams of signed-in viewers, by user id, across events */
  private readonly personal = new Map<string, Set<Subscriber>>();
  private readonly stopListening: () => void;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly runtime: Runtime,
    private readonly options: LiveFeedOptions = {},
  ) {
    this.stopListening = runtime.models.onApplied((state, revision) =>
      this.feeds.get(state.event.id)?.update(state, revision.changes),
    );
    this.heartbeat = setInterval(() => {
      for (const feed of this.feeds.values()) feed.broadcastAll(heartbeat);
    }, options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
  }

  /**
   * Opens a stream on an event: sends a snapshot, or only what came after `lastEventId` when that is
   * still known, then every change. Null when there is no such event, or it is a draft and
   * `mayPreview` (asked only then) says the viewer is not an organiser.
   */
  async subscribe(
    eventRef: string,
    subscriber: Subscriber,
    lastEventId: string | null,
    mayPreview: () => Promise<boolean> = async () => false,
  ): Promise<(() => void) | null> {
    const state = await this.runtime.models.get(eventRef);
    if (!state || (!isPublic(state.event) && !(await mayPreview()))) return null;
    const feed = this.feedOf(state);
    const remove = feed.add(subscriber, parsePosition(lastEventId));
    const { userId } = subscriber;
    if (!userId) return remove;
    let streams = this.personal.get(userId);
    if (!streams) {
      streams = new Set();
      this.personal.set(userId, streams);
    }
    streams.add(subscriber);
    return () => {
      remove();
      streams.delete(subscriber);
      if (streams.size === 0 && this.personal.get(userId) === streams) this.personal.delete(userId);
    };
  }

  /**
   * Sends a person's own alert to every stream they have open on this process, whatever its event
   * or views, as `event: alert`. Alerts carry no id: they are not replayed on reconnect.
   */
  sendToUser(userId: string, alert: unknown): void {
    const streams = this.personal.get(userId);
    if (!streams) return;
    const bytes = Buffer.from(`event: alert\ndata: ${JSON.stringify(alert)}\n\n`);
    for (const subscriber of streams) if (!subscriber.send(bytes)) subscriber.close();
  }

  /** Looks at the clock again now (tests move their clock, then call this). */
  tick(eventId: string): void {
    this.feeds.get(eventId)?.tick();
  }

  /** The number of open streams, for benchmarks and health pages. */
  get viewers(): number {
    let count = 0;
    for (const feed of this.feeds.values()) count += feed.size;
    return count;
  }

  /**
   * Ends every stream with a `retry` hint, for a server that is stopping: browsers reconnect after
   * a pause spread over a second (so they do not all arrive at once), through the proxy to another
   * instance, and get what they missed from their last id.
   */
  sendOff(): void {
    for (const feed of this.feeds.values()) feed.sendOff();
  }

  close(): void {
    this.stopListening();
    clearInterval(this.heartbeat);
    for (const feed of this.feeds.values()) feed.close();
    this.feeds.clear();
  }

  private feedOf(state: EventState): EventFeed {
    const cached = this.runtime.models.cached(state.event.id) ?? state;
    let feed = this.feeds.get(cached.event.id);
    if (!feed) {
      feed = new EventFeed(cached, () => this.runtime.clock.now(), this.options);
      this.feeds.set(cached.event.id, feed);
    }
    return feed;
  }
}

class EventFeed {
  private readonly subscribers = new Set<Subscriber>();
  private readonly buffer: Message[] = [];
  private state: EventState;
  /** messages after this position are all in the buffer */
  private bufferFrom: Position;
  private position: Position;
  private board: Record<string, unknown>;
  private schedule: Record<string, unknown>;
  private boardValidUntil: Instant | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly snapshots = new Map<string, Buffer>();
  /** the items of the lists of `board` and `schedule`, serialised when they were last diffed */
  private readonly serialised: Record<StreamView, SerialisedLists> = {
    board: new Map(),
    schedule: new Map(),
  };

  constructor(
    state: EventState,
    private readonly now: () => Instant,
    private readonly options: LiveFeedOptions,
  ) {
    this.position = { revision: state.revision, tick: 0 };
    this.bufferFrom = this.position;
    this.board = this.presentBoard(state);
    this.schedule = presentSchedule(state);
    this.state = state;
    this.scheduleTick();
  }

  get size(): number {
    return this.subscribers.size;
  }

  add(subscriber: Subscriber, after: Position | null): () => void {
    const replay = after ? this.missedSince(after) : null;
    if (replay) {
      for (const message of replay) if (subscriber.views.has(message.view)) subscriber.send(message.frame);
    } else {
      subscriber.send(this.snapshot(subscriber.views));
    }
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** A revision was applied: present the views again and send what changed. */
  update(state: EventState, changes: readonly Change[]): void {
    const began = performance.now();
    this.state = state;
    this.position = { revision: state.revision, tick: 0 };
    const board = this.presentBoard(state);
    this.publish('board', this.board, board, this.position, began);
    this.board = board;
    // Topics and banners are most of the traffic and never change the schedule.
    if (changes.some((change) => !boardOnlyChanges.has(change.type))) {
      const schedule = presentSchedule(state);
      this.publish('schedule', this.schedule, schedule, this.position, began);
      this.schedule = schedule;
    }
    this.snapshots.clear();
    this.scheduleTick();
  }

  /** Time moved: the board may have changed without a revision. */
  tick(): void {
    const began = performance.now();
    const board = this.presentBoard(this.state);
    const next = { revision: this.position.revision, tick: this.position.tick + 1 };
    if (this.publish('board', this.board, board, next, began)) {
      this.position = next;
      this.board = board;
      this.snapshots.clear();
    }
    this.scheduleTick();
  }

  broadcastAll(frame: Buffer): void {
    for (const subscriber of this.subscribers) this.deliver(subscriber, frame);
  }

  sendOff(): void {
    for (const subscriber of this.subscribers) {
      subscriber.close(Buffer.from(`retry: ${250 + Math.floor(Math.random() * 1000)}\n\n`));
    }
    this.subscribers.clear();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
  }

  private presentBoard(state: EventState): Record<string, unknown> {
    const at = this.now();
    const view = boardView(state, at);
    this.boardValidUntil = view.validUntil;
    return presentBoard(state, view, at);
  }

  /** Sends what changed from `before` to `after` as the message at `position`; false when nothing did. */
  private publish(
    view: StreamView,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    position: Position,
    began: number,
  ): boolean {
    const patch = diffView(before, after, viewLists[view], ['revision', 'at'], this.serialised[view]);
    if (!patch) return false;
    const data = JSON.stringify({ revision: position.revision, at: after.at ?? this.now(), ...patch });
    const message: Message = { ...position, view, frame: frame(idOf(position), view, data) };
    this.buffer.push(message);
    const limit = this.options.replay ?? 500;
    while (this.buffer.length > limit) {
      const dropped = this.buffer.shift() as Message;
      this.bufferFrom = dropped;
    }
    let viewers = 0;
    for (const subscriber of this.subscribers) {
      if (!subscriber.views.has(view)) continue;
      this.deliver(subscriber, message.frame);
      viewers++;
    }
    this.options.onUpdate?.(view, viewers, (performance.now() - began) / 1000);
    return true;
  }

  private deliver(subscriber: Subscriber, bytes: Buffer): void {
    if (subscriber.send(bytes)) return;
    this.subscribers.delete(subscriber);
    subscriber.close();
  }

  /** What a viewer last at `after` missed, or null when that cannot be told (then: a snapshot). */
  private missedSince(after: Position): Message[] | null {
    if (compare(after, this.bufferFrom) < 0 || compare(after, this.position) > 0) return null;
    return this.buffer.filter((message) => compare(message, after) > 0);
  }

  private snapshot(views: ReadonlySet<StreamView>): Buffer {
    const key = streamViews.filter((view) => views.has(view)).join(',');
    let text = this.snapshots.get(key);
    if (!text) {
      const data: Record<string, unknown> = { revision: this.position.revision, at: this.board.at };
      if (views.has('board')) data.board = this.board;
      if (views.has('schedule')) data.schedule = this.schedule;
      text = frame(idOf(this.position), 'snapshot', JSON.stringify(data));
      this.snapshots.set(key, text);
    }
    return text;
  }

  /** Wakes up when the board next changes by itself, or after `maxTimerMs` at the latest. */
  private scheduleTick(): void {
    if (this.timer) clearTimeout(this.timer);
    const longest = this.options.maxTimerMs ?? 60_000;
    const wait = this.boardValidUntil
      ? Math.min(Math.max(millis(this.boardValidUntil) - millis(this.now()), 0) + 50, longest)
      : longest;
    this.timer = setTimeout(() => this.tick(), wait);
    this.timer.unref();
  }
}

/** One SSE message, encoded once for every viewer. */
function frame(id: string, event: string, data: string): Buffer {
  return Buffer.from(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`);
}

const heartbeat = Buffer.from(': heartbeat\n\n');

function idOf(position: Position): string {
  return position.tick === 0 ? String(position.revision) : `${position.revision}.${position.tick}`;
}

/** Reads an id sent as `Last-Event-ID`: `42` or `42.3`; null for anything else. */
export function parsePosition(id: string | null | undefined): Position | null {
  const match = /^(\d{1,15})(?:\.(\d{1,9}))?$/.exec(id?.trim() ?? '');
  if (!match) return null;
  return { revision: Number(match[1]), tick: match[2] ? Number(match[2]) : 0 };
}

function compare(a: Position, b: Position): number {
  return a.revision - b.revision || a.tick - b.tick;
}
