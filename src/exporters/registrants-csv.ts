import type { EventState } from '../core/model/event-state.ts';
import { attendeeRoleLabels, type Registration } from '../core/model/registration.ts';
import type { User } from '../core/model/user.ts';
import { countryName } from '../core/people/countries.ts';
import { csvTable } from './csv-table.ts';

/** An event's registrants for organisers: who they are, what they said, and the Code of Conduct they accepted. */
export function registrantsCsv(
  state: EventState,
  registrants: readonly { readonly registration: Registration; readonly user: User }[],
  followed: ReadonlyMap<string, readonly string[]>,
): string {
  const slugs = new Map(state.teams.map((team) => [team.id, team.slug]));
  return csvTable(
    [
      'name',
      'email',
      'role',
      'affiliation',
      'country',
      'time_zone',
      'irc_nick',
      'teams_of_interest',
      'listed_in_find_people',
      'code_of_conduct_version',
      'code_of_conduct_accepted_at',
      'registered_at',
    ],
    registrants.map(({ registration, user }) => [
      user.name,
      user.email,
      attendeeRoleLabels[registration.role],
      registration.affiliation,
      registration.country ? countryName(registration.country) : null,
      user.timeZone,
      user.ircNick,
      (followed.get(user.id) ?? [])
        .flatMap((id) => slugs.get(id) ?? [])
        .sort()
        .join(' '),
      user.listedInFindPeople,
      registration.cocVersion,
      registration.cocAcceptedAt,
      registration.registeredAt,
    ]),
  );
}
