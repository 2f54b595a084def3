import { type Checked, failed, passed } from '../core/checked.ts';
import type { Actor } from '../core/model/actor.ts';
import type { EventState } from '../core/model/event-state.ts';
import type { Registration } from '../core/model/registration.ts';
import type { User } from '../core/model/user.ts';
import {
  type AttendeeStanding,
  acceptCodeOfConduct,
  attendeeStanding,
  type RegistrationInput,
  registerAttendee,
} from '../core/people/register-attendee.ts';
import { type RegistrationFigures, registrationFigures } from '../core/people/registration-figures.ts';
import { checkOrganizer } from '../core/permissions.ts';
import { saveProfile } from './account.ts';
import { contextOf } from './context-of.ts';
import type { Runtime, Who } from './runtime.ts';

/**
 * Registers the signed-in person for an event (`registerAttendee`) or updates their registration:
 * their name, nick and time zone, the "find people" consent, and the teams they follow among the
 * event's teams (their teams of interest) change with it. Refuses like `registerAttendee`, and with
 * `invalid_input` when the IRC nick is someone else's.
 */
export async function registerForEvent(
  runtime: Runtime,
  who: Who,
  state: EventState,
  input: RegistrationInput,
): Promise<Checked<Registration>> {
  const signedIn = who.actor?.userId;
  const existing = signedIn ? await runtime.store.people.registration(state.event.id, signedIn) : null;
  const checked = registerAttendee(state, existing, input, contextOf(runtime, who));
  if (!checked.ok) return checked;
  const { registration, profile, teamIds, listedInFindPeople } = checked.value;
  const { userId } = registration;
  const saved = await saveProfile(runtime, userId, profile);
  if (!saved.ok) return saved;
  await runtime.store.people.saveRegistration(registration);
  await runtime.store.setListedInFindPeople(userId, listedInFindPeople);
  await followOnly(runtime, userId, state, teamIds);
  return passed(registration);
}

/** A registered attendee accepts the event's current Code of Conduct (`acceptCodeOfConduct`). */
export async function acceptEventCoc(
  runtime: Runtime,
  who: Who,
  state: EventState,
  input: { accept: boolean; version: string },
): Promise<Checked<Registration>> {
  const userId = who.actor?.userId;
  const existing = userId ? await runtime.store.people.registration(state.event.id, userId) : null;
  const accepted = acceptCodeOfConduct(state.event, existing, input, contextOf(runtime, who));
  if (!accepted.ok) return accepted;
  await runtime.store.people.saveRegistration(accepted.value);
  return accepted;
}

/** Where an actor stands with an event, with their registration when they have one. */
export async function standingWith(
  runtime: Runtime,
  actor: Actor | null,
  state: EventState,
): Promise<{ standing: AttendeeStanding; registration: Registration | null }> {
  const registration = actor?.userId
    ? await runtime.store.people.registration(state.event.id, actor.userId)
    : null;
  return { standing: attendeeStanding(state.event, registration), registration };
}

/** The event's registrations with their people, for organisers. Refuses with `unauthenticated` or `forbidden`. */
export async function listRegistrants(
  runtime: Runtime,
  who: Who,
  state: EventState,
): Promise<Checked<{ registration: Registration; user: User }[]>> {
  const denied = checkOrganizer(who.actor);
  if (denied) return failed(denied.code, denied.message);
  return passed(await runtime.store.people.registrants(state.event.id));
}

/** The organisers' registration figures for the event (`registrationFigures` of `listRegistrants`). */
export async function registrationFiguresOf(
  runtime: Runtime,
  who: Who,
  state: EventState,
): Promise<Checked<RegistrationFigures>> {
  const registrants = await listRegistrants(runtime, who, state);
  if (!registrants.ok) return registrants;
  const registrations = registrants.value.map(({ registration }) => registration);
  return passed(registrationFigures(registrations, state.event.codeOfConduct.version));
}

/** Who follows which of the event's teams: team ids by user id. */
export async function followsInEvent(runtime: Runtime, state: EventState): Promise<Map<string, string[]>> {
  const follows = new Map<string, string[]>();
  for (const { userId, teamId } of await runtime.store.followsOfEvent(state.event.id))
    follows.set(userId, [...(follows.get(userId) ?? []), teamId]);
  return follows;
}

/** Follows exactly `teamIds` among the event's teams, leaving follows in other events alone. */
async function followOnly(runtime: Runtime, userId: string, state: EventState, teamIds: readonly string[]) {
  const eventTeams = new Set(state.teams.map((team) => team.id));
  const followed = (await runtime.store.followedTeamIds(userId)).filter((id) => eventTeams.has(id));
  for (const id of followed) if (!teamIds.includes(id)) await runtime.store.unfollowTeam(userId, id);
  const at = runtime.clock.now();
  for (const id of teamIds) if (!followed.includes(id)) await runtime.store.followTeam(userId, id, at);
}
