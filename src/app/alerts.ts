import { addMinutes } from '../core/model/instant.ts';
import type { AlertChannel } from '../core/people/topic-subscription.ts';
import { messages } from '../mail/messages.ts';
import { queueMail } from './mail-outbox.ts';
import { repeatEvery } from './repeat-every.ts';
import type { Runtime, Who } from './runtime.ts';
import { watchTopicAlerts } from './topic-alerts.ts';

/** What an open Convene page of the person shows: a topic they subscribed to, or a meeting about to start. */
export interface PageAlert {
  readonly kind: 'topic' | 'reminder';
  readonly event: string;
  readonly team: string;
  readonly message: string;
  /** where the alert leads: the team's page, or for a reminder the place to join when the person may */
  readonly url: string;
  /** a reminder's link is the video room itself */
  readonly join: boolean;
}

/** Alert e-mail goes out at most this often per person; what comes in between waits for the next one. */
export const alertMailMinutes = 5;

/**
 * Topic alerts for people with an account, on the web and by e-mail: each matching topic is shown
 * at once on the person's open pages (`show`), and, when they opted in, waits for their next
 * batched e-mail. Every process shows alerts to its own viewers; the waiting e-mail items are named
 * by revision, person and team, so processes recording the same alert keep one.
 */
export function watchWebTopicAlerts(
  runtime: Runtime,
  baseUrl: string,
  show: (userId: string, alert: PageAlert) => void,
  failed: (error: unknown) => void,
): () => void {
  return watchTopicAlerts(
    runtime,
    (alert) => {
      const { userId } = alert;
      if (!userId) return;
      const url = `${baseUrl}/events/${encodeURIComponent(alert.eventSlug)}/teams/${encodeURIComponent(alert.team)}`;
      show(userId, {
        kind: 'topic',
        event: alert.eventSlug,
        team: alert.team,
        message: alert.message,
        url,
        join: false,
      });
      void (async () => {
        if (!(await runtime.store.alerts.settingsOf(userId)).topicMail) return;
        await runtime.store.alerts.addMailItem({
          id: `${alert.eventSlug}:${alert.revision}:${alert.team}:${userId}`,
          userId,
          message: alert.message,
          url,
          createdAt: runtime.clock.now(),
        });
      })().catch(failed);
    },
    failed,
  );
}

/**
 * Queues the batched alert e-mail of everyone whose last one was at least `alertMailMinutes` ago:
 * all their waiting alerts in one message. The outbox key is the person and the time of their
 * previous alert e-mail, so two processes batching at once queue one message. Returns how many
 * messages were queued.
 */
export async function sendAlertMail(runtime: Runtime, baseUrl: string): Promise<number> {
  const now = runtime.clock.now();
  let queued = 0;
  for (const { userId, mailedAt } of await runtime.store.alerts.waitingMail()) {
    if (mailedAt && addMinutes(mailedAt, alertMailMinutes) > now) continue;
    const user = await runtime.store.findUser(userId);
    const items = await runtime.store.alerts.mailItems(userId);
    if (!user || items.length === 0) continue;
    const message = messages.topicAlerts(user.email, items, `${baseUrl}/me#alerts-heading`);
    queued += await queueMail(runtime, [
      { ...message, key: `topic-alerts:${userId}:${mailedAt ?? 'first'}` },
    ]);
    await runtime.store.alerts.mailed(
      userId,
      items.map((item) => item.id),
      now,
    );
  }
  return queued;
}

/** Runs `sendAlertMail` every `everyMs` until the returned function is called. */
export function batchAlertMail(
  runtime: Runtime,
  baseUrl: string,
  failed: (error: unknown) => void,
  everyMs = 30_000,
): () => void {
  return repeatEvery(everyMs, () => sendAlertMail(runtime, baseUrl), failed);
}

/**
 * Where a person's topic alerts can reach them: an account's open pages, e-mail when they chose it,
 * and IRC when the command came over IRC (so the bot is there) and the account has a nick.
 */
export async function alertChannelsOf(runtime: Runtime, who: Who): Promise<AlertChannel[]> {
  const userId = who.actor?.userId;
  if (!userId) return [];
  const channels: AlertChannel[] = ['pages'];
  if ((await runtime.store.alerts.settingsOf(userId)).topicMail) channels.push('email');
  if (who.source === 'irc' && (await runtime.store.findUser(userId))?.ircNick) channels.push('irc');
  return channels;
}
