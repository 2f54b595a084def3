/** How fast the bot may talk: a burst, then one message per interval. */
export interface RateLimit {
  readonly burst: number;
  readonly intervalMs: number;
}

export const defaultRateLimit: RateLimit = { burst: 5, intervalMs: 700 };
/** Messages waiting beyond this are dropped, oldest first: a stalled server must not fill memory. */
const maxWaiting = 500;

interface Message {
  readonly target: string;
  readonly text: string;
}

/**
 * Everything the bot says goes through here, within the server's flood limits. Replies to commands
 * go before notifications, so telling many subscribers about a topic never delays an answer; no
 * caller ever waits: `reply` and `notify` only queue. While disconnected the outbox holds its
 * messages and sends them once `resume` is called.
 */
export class Outbox {
  private readonly replies: Message[] = [];
  private readonly notices: Message[] = [];
  private tokens: number;
  private refilledAt: number;
  private timer: NodeJS.Timeout | null = null;
  private open = false;

  constructor(
    private readonly deliver: (target: string, text: string) => void,
    private readonly limit: RateLimit = defaultRateLimit,
    private readonly clock: () => number = Date.now,
  ) {
    this.tokens = limit.burst;
    this.refilledAt = clock();
  }

  /** queues lines answering a command, ahead of notifications */
  reply(target: string, lines: readonly string[]): void {
    for (const text of lines) push(this.replies, { target, text });
    this.drain();
  }

  /** queues a notification for a subscriber */
  notify(target: string, text: string): void {
    push(this.notices, { target, text });
    this.drain();
  }

  /** the connection is ready: send what waits */
  resume(): void {
    this.open = true;
    this.drain();
  }

  /** the connection is gone: hold messages until `resume` */
  pause(): void {
    this.open = false;
    this.stopTimer();
  }

  /** forgets everything waiting (the bot is stopping) */
  close(): void {
    this.pause();
    this.replies.length = 0;
    this.notices.length = 0;
  }

  /** true while connected and in the channel, so messages go out */
  get sending(): boolean {
    return this.open;
  }

  /** Waits until nothing waits or `ms` passed; true when everything went out. */
  async drained(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (this.waiting > 0 && this.open && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.waiting === 0;
  }

  get waiting(): number {
    return this.replies.length + this.notices.length;
  }

  private drain(): void {
    if (!this.open || this.timer) return;
    this.refill();
    while (this.tokens >= 1) {
      const next = this.replies.shift() ?? this.notices.shift();
      if (!next) return;
      this.tokens -= 1;
      this.deliver(next.target, next.text);
    }
    if (this.waiting > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.drain();
      }, this.limit.intervalMs);
      this.timer.unref();
    }
  }

  private refill(): void {
    const now = this.clock();
    const earned = (now - this.refilledAt) / this.limit.intervalMs;
    this.tokens = Math.min(this.limit.burst, this.tokens + earned);
    this.refilledAt = now;
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function push(queue: Message[], message: Message): void {
  queue.push(message);
  if (queue.length > maxWaiting) queue.shift();
}
