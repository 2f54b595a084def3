import type { EventInfo } from '../model/event.ts';
import { isPublic } from '../model/event.ts';
import { count } from '../text/count.ts';
import type { EventReport } from './event-report.ts';

/** The figures one edition of the event is compared by; registrations only for organisers. */
export interface EditionFigures {
  readonly teams: number;
  readonly sessions: number;
  readonly hours: number;
  readonly registrations: number | null;
}

export function editionFigures(report: EventReport, registrations: number | null): EditionFigures {
  const hours = report.hoursByTeam.reduce((sum, row) => sum + row.booked, 0);
  return {
    teams: report.teamsMet,
    sessions: report.sessions.length,
    hours: Math.round(hours * 10) / 10,
    registrations,
  };
}

/**
 * The public events that began before this one, latest first: the earlier editions a team page
 * links to and the report compares with (the first of them).
 */
export function earlierEditions(event: EventInfo, events: readonly EventInfo[]): EventInfo[] {
  return events
    .filter((other) => other.id !== event.id && isPublic(other) && other.startsOn < event.startsOn)
    .sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0));
}

/**
 * Sentences comparing an edition with the one before it: "43 teams met, 2 fewer than at April
 * 2022". Registrations are compared only when both editions have the figure.
 */
export function compareEditions(now: EditionFigures, before: EditionFigures, previous: string): string[] {
  const sentence = (figure: string, current: number, earlier: number) => {
    const difference = Math.round((current - earlier) * 10) / 10;
    const than =
      difference === 0
        ? `as many as at ${previous}`
        : `${Math.abs(difference)} ${difference < 0 ? 'fewer' : 'more'} than at ${previous}`;
    return `${figure}, ${than}.`;
  };
  const sentences = [
    sentence(`${count(now.teams, 'team')} met`, now.teams, before.teams),
    sentence(count(now.sessions, 'session'), now.sessions, before.sessions),
    sentence(`${count(now.hours, 'hour')} booked`, now.hours, before.hours),
  ];
  if (now.registrations !== null && before.registrations !== null)
    sentences.push(
      sentence(count(now.registrations, 'registration'), now.registrations, before.registrations),
    );
  return sentences;
}
