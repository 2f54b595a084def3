import { isPublic } from '../core/model/event.ts';
import { addMinutes } from '../core/model/instant.ts';
import { meetingsStarting } from '../core/schedule/meetings-starting.ts';
import {
  summaryReminderAfterDays,
  summaryReminderUntilDays,
  teamsToRemindOfSummary,
} from '../core/sessions/summary-reminder.ts';
import { videoOf } from '../core/teams/team-links.ts';
import { messages } from '../mail/messages.ts';
import type { PageAlert } from './alerts.ts';
import { queueMail } from './mail-outbox.ts';
import { actorOf } from './people.ts';
import { repeatEvery } from './repeat-every.ts';
import { roomLinksFor } from './room-links.ts';
import type { Runtime } from './runtime.ts';
import { manageUrl } from './signups.ts';

/**
 * Reminds the people who follow a team that its meeting starts in ten minutes: on their open pages
 * (`show`, once per meeting and person in this process) unless they turned reminders off, and by
 * e-mail when they chose it (the outbox key is the meeting and the person, so one e-mail however
 * many processes remind). The Join link is the room's when the person may see it.
 */
export async function remindFollowers(
  runtime: Runtime,
  baseUrl: string,
  show: (userId: string, alert: PageAlert) => void,
  shown: Set<string>,
): Promise<void> {
  const now = runtime.clock.now();
  for (const info of await runtime.store.listEvents()) {
    if (!isPublic(info) || info.status === 'archived') continue;
    const state = await runtime.models.get(info.id);
    if (!state) continue;
    const starting = meetingsStarting(state, now);
    if (starting.length === 0) continue;
    const follows = await runtime.store.followsOfEvent(info.id);
    const settings = await runtime.store.alerts.settingsOfMany([...new Set(follows.map((f) => f.userId))]);
    for (const { team, room, meeting, message } of starting) {
      const key = meeting.bookings[0]?.id ?? `${team.id}:${meeting.start}`;
      const teamUrl = `${baseUrl}/events/${encodeURIComponent(info.slug)}/teams/${encodeURIComponent(team.slug)}`;
      for (const { userId } of follows.filter((follow) => follow.teamId === team.id)) {
        const chosen = settings.get(userId);
        if (!chosen || (!chosen.reminders && !chosen.reminderMail)) continue;
        const user = await runtime.store.findUser(userId);
        if (!user) continue;
        const { visible } = await roomLinksFor(runtime, actorOf(user), state);
        const join = videoOf(state.event, team, room, visible);
        const alert: PageAlert = {
          kind: 'reminder',
          event: info.slug,
          team: team.slug,
          message,
          url: join ?? teamUrl,
          join: join !== null,
        };
        if (chosen.reminders && !shown.has(`${key}:${userId}`)) {
          shown.add(`${key}:${userId}`);
          show(userId, alert);
        }
        if (chosen.reminderMail) {
          const mail = messages.meetingReminder(
            user.email,
            message,
            alert.url,
            `${baseUrl}/me#alerts-heading`,
          );
          await queueMail(runtime, [{ ...mail, key: `reminder:${key}:${userId}` }]);
        }
      }
    }
  }
  if (shown.size > 10_000) shown.clear();
}

/**
 * Reminds the moderators of teams without a summary, a few days after an event (see
 * `teamsToRemindOfSummary`), with the link to the manage page: once per team. The team's
 * messages share a batch, and a team whose batch holds anything is not reminded again, so
 * restarts and other processes add nothing; each message's key is the team and the moderator, so
 * two processes reminding at once still send one each. `done` keeps this process from asking
 * again about teams it has reminded.
 */
export async function remindOfSummaries(
  runtime: Runtime,
  baseUrl: string,
  done: Set<string>,
): Promise<number> {
  const now = runtime.clock.now();
  let queued = 0;
  for (const info of await runtime.store.listEvents()) {
    // endsOn is a date in the event's zone: a day either side covers every zone.
    const lastDay = `${info.endsOn}T00:00:00Z`;
    if (!isPublic(info) || now < addMinutes(lastDay, (summaryReminderAfterDays - 1) * 24 * 60)) continue;
    if (now > addMinutes(lastDay, (summaryReminderUntilDays + 2) * 24 * 60)) continue;
    const state = await runtime.models.get(info.id);
    if (!state) continue;
    for (const team of teamsToRemindOfSummary(state, now)) {
      const batch = `summary-reminder:${info.id}:${team.id}`;
      if (done.has(batch)) continue;
      done.add(batch);
      const progress = await runtime.store.outbox.progress(batch);
      if (progress.queued + progress.sent + progress.failed.length > 0) continue;
      const manage = manageUrl({ baseUrl }, state, team);
      queued += await queueMail(
        runtime,
        (await runtime.store.listUsers(team.moderators)).map((user) => ({
          ...messages.summaryReminder(user.email, team.name, state.event.title, manage),
          key: `${batch}:${user.id}`,
          batch,
        })),
      );
    }
  }
  return queued;
}

/** Runs `remindFollowers` and `remindOfSummaries` every `everyMs` until the returned function is called. */
export function watchReminders(
  runtime: Runtime,
  baseUrl: string,
  show: (userId: string, alert: PageAlert) => void,
  failed: (error: unknown) => void,
  everyMs = 30_000,
): () => void {
  const shown = new Set<string>();
  const summariesAsked = new Set<string>();
  return repeatEvery(
    everyMs,
    () =>
      Promise.all([
        remindFollowers(runtime, baseUrl, show, shown),
        remindOfSummaries(runtime, baseUrl, summariesAsked),
      ]),
    failed,
  );
}
