import { minutesBetween } from '../core/model/instant.ts';
import { parseTopicFilter, type TopicFilter, topicAlerts } from '../core/people/topic-subscription.ts';
import { isNickUserId, nickUserId } from '../store/nick-store.ts';
import type { Runtime } from './runtime.ts';

/**
 * A subscriber to tell about a topic. One subscription per person serves every channel: IRC (at
 * `nick`, when they have one), their open Convene pages and, if they opted in, e-mail (by `userId`).
 */
export interface TopicAlert {
  /** the account, or null for an IRC nick that belongs to none */
  readonly userId: string | null;
  readonly nick: string | null;
  readonly eventSlug: string;
  readonly team: string;
  readonly message: string;
  /** the revision that set the topic: with the user and team, it names the alert */
  readonly revision: number;
}

/** Revisions older than this are history being caught up on, not news. */
const freshMinutes = 10;
const cachedFilters = 1000;

/**
 * Tells subscribers about topics as they are committed, by any process: after each revision that
 * sets a topic, reads the event's subscriptions and hands each matching subscriber to `send`.
 * Never throws into the read models; a failure goes to `failed`. Returns the function that stops
 * watching.
 */
export function watchTopicAlerts(
  runtime: Runtime,
  send: (alert: TopicAlert) => void,
  failed: (error: unknown) => void,
): () => void {
  const filters = new Map<string, TopicFilter | null>();
  const filterOf = (pattern: string): TopicFilter | null => {
    if (!filters.has(pattern)) {
      if (filters.size >= cachedFilters) filters.clear();
      const parsed = parseTopicFilter(pattern);
      filters.set(pattern, parsed.ok ? parsed.value : null);
    }
    return filters.get(pattern) ?? null;
  };
  return runtime.models.onApplied((state, revision) => {
    const setsTopic = revision.changes.some(
      (change) => change.type === 'board.now-set' || change.type === 'board.next-added',
    );
    if (!setsTopic) return;
    const now = runtime.clock.now();
    if (minutesBetween(revision.at, now) > freshMinutes) return;
    void (async () => {
      const entries = [
        ...(await runtime.store.personal.subscriptions(revision.eventId)),
        ...(await runtime.store.nicks.subscriptions(revision.eventId)).map(({ nick, pattern }) => ({
          userId: nickUserId(nick),
          nick,
          pattern,
        })),
      ];
      const nickOf = new Map(entries.map((entry) => [entry.userId, entry.nick]));
      const subscribers = entries.flatMap((entry) => {
        const filter = filterOf(entry.pattern);
        return filter ? [{ userId: entry.userId, filter }] : [];
      });
      for (const alert of topicAlerts(state, revision.changes, subscribers, revision.actorId, now)) {
        send({
          userId: isNickUserId(alert.userId) ? null : alert.userId,
          nick: nickOf.get(alert.userId) ?? null,
          eventSlug: state.event.slug,
          team: alert.team,
          message: alert.message,
          revision: revision.revision,
        });
      }
    })().catch(failed);
  });
}
