import { type Checked, failed, failedWith, passed } from '../checked.ts';
import { type Refusal, refusal } from '../errors.ts';
import { checkNotArchived } from '../event/archive.ts';
import type { Ctx } from '../model/actor.ts';
import type { EventInfo } from '../model/event.ts';
import type { EventState } from '../model/event-state.ts';
import { findTeam } from '../model/lookup.ts';
import { attendeeRoles, type Registration } from '../model/registration.ts';
import { checkName } from '../text/check-name.ts';
import { checkProfile, type Profile } from './check-profile.ts';
import { countryCodes } from './countries.ts';

/** The registration form as filled in. */
export interface RegistrationInput {
  readonly name: string;
  readonly role: string;
  readonly affiliation: string;
  /** ISO 3166-1 alpha-2 code, or empty */
  readonly country: string;
  readonly timeZone: string;
  readonly ircNick: string;
  /** slugs (or ids) of the event's teams */
  readonly teamsOfInterest: readonly string[];
  readonly listedInFindPeople: boolean;
  readonly acceptCodeOfConduct: boolean;
  /** the version of the Code of Conduct the form showed */
  readonly codeOfConductVersion: string;
}

/** A registration ready to store, with what it changes on the person. */
export interface CheckedRegistration {
  readonly registration: Registration;
  readonly profile: Profile;
  /** the teams of interest: the person follows exactly these among the event's teams */
  readonly teamIds: readonly string[];
  readonly listedInFindPeople: boolean;
}

const maxTeamsOfInterest = 100;

/**
 * Registers the signed-in person for the event, or updates their registration. The event's current
 * Code of Conduct must be accepted, as shown on the form; the version and time are recorded.
 * Refuses with `event_archived`, `unauthenticated`, `coc_required` or `invalid_input`.
 */
export function registerAttendee(
  state: EventState,
  existing: Registration | null,
  input: RegistrationInput,
  ctx: Ctx,
): Checked<CheckedRegistration> {
  const archived = checkNotArchived(state.event, 'registration');
  if (archived) return failedWith(archived);
  const userId = ctx.actor?.userId;
  if (!userId) return failed('unauthenticated', 'Sign in to register.');
  const profile = checkProfile(input);
  if (!profile.ok) return profile;
  const role = attendeeRoles.find((candidate) => candidate === input.role);
  if (!role) return failed('invalid_input', 'Choose the role that fits you best.');
  const affiliation = checkName(input.affiliation, 'affiliation', 200, true);
  if (!affiliation.ok) return affiliation;
  const country = input.country.trim().toUpperCase() || null;
  if (country !== null && !countryCodes.includes(country))
    return failed('invalid_input', 'Choose a country from the list, or leave it empty.');
  const teams = teamsOfInterest(state, input.teamsOfInterest);
  if (!teams.ok) return teams;
  const coc = checkAcceptance(state.event, input.acceptCodeOfConduct, input.codeOfConductVersion);
  if (coc) return { ok: false, refusal: coc };
  const keepAcceptance = existing?.cocVersion === state.event.codeOfConduct.version;
  return passed({
    registration: {
      eventId: state.event.id,
      userId,
      role,
      affiliation: affiliation.value,
      country,
      cocVersion: state.event.codeOfConduct.version,
      cocAcceptedAt: keepAcceptance && existing ? existing.cocAcceptedAt : ctx.now,
      registeredAt: existing?.registeredAt ?? ctx.now,
      updatedAt: ctx.now,
    },
    profile: profile.value,
    teamIds: teams.value,
    listedInFindPeople: input.listedInFindPeople,
  });
}

/**
 * A registered attendee accepts the event's current Code of Conduct (again, after a new version).
 * Refuses with `unauthenticated`, `not_registered` or `coc_required`.
 */
export function acceptCodeOfConduct(
  event: EventInfo,
  registration: Registration | null,
  input: { accept: boolean; version: string },
  ctx: Ctx,
): Checked<Registration> {
  if (!ctx.actor?.userId) return failed('unauthenticated');
  if (!registration || registration.userId !== ctx.actor.userId)
    return failed('not_registered', `Register for ${event.title} first.`);
  const coc = checkAcceptance(event, input.accept, input.version);
  if (coc) return { ok: false, refusal: coc };
  return passed({
    ...registration,
    cocVersion: event.codeOfConduct.version,
    cocAcceptedAt: ctx.now,
    updatedAt: ctx.now,
  });
}

/** Where a person stands with an event: not registered, registered under an older Code of Conduct, or in. */
export type AttendeeStanding = 'unregistered' | 'coc-outdated' | 'registered';

/**
 * A registration counts under the current Code of Conduct, or under an earlier version the
 * organisers left standing when they published the new one "from the next registration".
 */
export function attendeeStanding(event: EventInfo, registration: Registration | null): AttendeeStanding {
  if (!registration) return 'unregistered';
  const { version, earlierAccepted = [] } = event.codeOfConduct;
  return registration.cocVersion === version || earlierAccepted.includes(registration.cocVersion)
    ? 'registered'
    : 'coc-outdated';
}

/**
 * What an attendee-only page needs: a registration under the current Code of Conduct.
 * Returns `not_registered` or `coc_required` (when a new version waits to be accepted), else null.
 */
export function checkAttendee(event: EventInfo, registration: Registration | null): Refusal | null {
  switch (attendeeStanding(event, registration)) {
    case 'unregistered':
      return refusal('not_registered', `Register for ${event.title} to see this.`);
    case 'coc-outdated':
      return refusal(
        'coc_required',
        `The Code of Conduct of ${event.title} has a new version (${event.codeOfConduct.version}); read it and accept it to continue.`,
      );
    case 'registered':
      return null;
  }
}

function checkAcceptance(event: EventInfo, accepted: boolean, shownVersion: string): Refusal | null {
  const { version } = event.codeOfConduct;
  if (!accepted)
    return refusal('coc_required', `Read and accept the Code of Conduct (version ${version}) to register.`);
  if (shownVersion !== version)
    return refusal(
      'coc_required',
      `The Code of Conduct changed to version ${version} while the form was open; read it and accept it again.`,
    );
  return null;
}

function teamsOfInterest(state: EventState, refs: readonly string[]): Checked<string[]> {
  const wanted = [...new Set(refs.map((ref) => ref.trim()).filter(Boolean))];
  if (wanted.length > maxTeamsOfInterest)
    return failed('invalid_input', 'That is more teams than the event has.');
  const ids: string[] = [];
  for (const ref of wanted) {
    const team = findTeam(state, ref);
    if (team?.status !== 'approved')
      return failed('invalid_input', `"${ref.slice(0, 60)}" is not a team on the official list.`);
    ids.push(team.id);
  }
  return passed(ids);
}
