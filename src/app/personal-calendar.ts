import type { EventInfo } from '../core/model/event.ts';
import { isPublic } from '../core/model/event.ts';
import type { User } from '../core/model/user.ts';
import type { Meeting, MeetingLedger } from '../core/schedule/meeting-ledger.ts';
import type { MeetingLedgers } from './meeting-ledgers.ts';
import type { Runtime } from './runtime.ts';
import { randomToken } from './secret-token.ts';

/** What a person's own calendar holds: the meetings of the teams they follow, in every event. */
export interface PersonalCalendar {
  readonly user: User;
  /** the meetings, in order of their start; worked out on each call, so only when the calendar is sent */
  entries(): readonly { readonly event: EventInfo; readonly meeting: Meeting }[];
  /** changes whenever the entries may have: the teams followed and the ledgers they come from */
  readonly version: string;
}

/**
 * A new secret for the address of the user's own calendar; the old address stops working at once.
 * The secret is the only credential of that address (calendar apps send no other), so it is long.
 */
export async function rotateCalendarSecret(runtime: Pick<Runtime, 'store'>, userId: string): Promise<string> {
  const secret = randomToken();
  await runtime.store.setFeedSecret(userId, secret);
  return secret;
}

/** The address of a person's own calendar, from its secret. */
export function personalCalendarUrl(baseUrl: string, secret: string): string {
  return `${baseUrl}/feeds/${secret}/calendar.ics`;
}

/** The calendar behind a secret address, or null when no user has that secret. */
export async function personalCalendar(
  runtime: Pick<Runtime, 'store' | 'models'>,
  ledgers: MeetingLedgers,
  secret: string,
): Promise<PersonalCalendar | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const user = await runtime.store.userForFeedSecret(secret);
  if (!user) return null;
  const followed = new Set(await runtime.store.followedTeamIds(user.id));
  const sources: MeetingLedger[] = [];
  if (followed.size > 0) {
    for (const event of await runtime.store.listEvents()) {
      if (!isPublic(event)) continue;
      const state = await runtime.models.get(event.id);
      if (!state?.teams.some((team) => followed.has(team.id))) continue;
      const ledger = await ledgers.get(event.id);
      if (ledger) sources.push(ledger);
    }
  }
  const entries = () =>
    sources
      .flatMap((ledger) =>
        ledger.meetings
          .filter((meeting) => [meeting.team, ...meeting.guests].some((team) => followed.has(team.id)))
          .map((meeting) => ({ event: ledger.state.event, meeting })),
      )
      .sort((a, b) => a.meeting.start.localeCompare(b.meeting.start));
  const version = JSON.stringify([
    user.name,
    [...followed].sort(),
    sources.map((ledger) => [ledger.state.event.id, ledger.scheduleRevision]),
  ]);
  return { user, entries, version };
}
