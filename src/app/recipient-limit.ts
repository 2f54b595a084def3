import { addMinutes, type Instant } from '../core/model/instant.ts';
import type { Clock } from './clock.ts';

/** Sign-in links and confirmations one address is sent per hour unless `RATE_LIMIT_MAIL` says. */
export const defaultMailPerRecipient = 5;

/** Beyond this many addresses counted at once, old counts are swept before another is added. */
const sweepAbove = 10_000;

/**
 * How many e-mails that anyone can make Convene send (sign-in links, newsletter confirmations) one
 * address receives per hour, whoever asks and from wherever: the limit is the recipient's, so a
 * stranger asking from many client addresses cannot flood someone's inbox. Counted in this process.
 */
export class RecipientLimit {
  private readonly sent = new Map<string, Instant[]>();

  constructor(
    readonly perHour: number,
    private readonly clock: Clock,
  ) {}

  /** Counts one more e-mail to `email`; false (nothing counted) when the address has had its share. */
  take(email: string): boolean {
    const now = this.clock.now();
    const since = addMinutes(now, -60);
    if (this.sent.size > sweepAbove) this.sweep(since);
    const recent = (this.sent.get(email) ?? []).filter((at) => at > since);
    if (recent.length >= this.perHour) {
      this.sent.set(email, recent);
      return false;
    }
    this.sent.set(email, [...recent, now]);
    return true;
  }

  private sweep(since: Instant): void {
    for (const [email, times] of this.sent) if (!times.some((at) => at > since)) this.sent.delete(email);
  }
}
